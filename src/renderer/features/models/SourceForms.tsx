import { useState, type FormEvent } from 'react';

/**
 * Import a .gguf file by its path on this machine, or download one from a link or an
 * `hf:` reference. A path is typed, not picked: the headless host's browser cannot hand
 * a file path to the page.
 */
export function SourceForms({
  onImport,
  onDownload,
}: {
  onImport: (path: string) => Promise<unknown>;
  onDownload: (source: string, sha256?: string) => Promise<unknown>;
}) {
  const [path, setPath] = useState('');
  const [source, setSource] = useState('');
  const [sha256, setSha256] = useState('');
  const submitImport = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void onImport(path.trim());
  };
  const submitDownload = (e: FormEvent) => {
    e.preventDefault();
    if (source.trim()) void onDownload(source.trim(), sha256.trim() || undefined);
  };
  return (
    <div className="model-sources">
      <form onSubmit={submitImport} aria-label="Import a model file">
        <h3>Import a file</h3>
        <label htmlFor="model-import-path">Path of a .gguf file on this machine</label>
        <div className="model-inline">
          <input
            id="model-import-path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/me/Downloads/model-Q4_K_M.gguf"
          />
          <button type="submit" disabled={!path.trim()}>
            Import
          </button>
        </div>
      </form>
      <form onSubmit={submitDownload} aria-label="Download a model">
        <h3>Download</h3>
        <label htmlFor="model-download-source">Link or Hugging Face reference</label>
        <input
          id="model-download-source"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          placeholder="hf:user/repo/model-Q4_K_M.gguf or https://…/model.gguf"
        />
        <label htmlFor="model-download-sha">SHA-256 checksum (optional)</label>
        <div className="model-inline">
          <input id="model-download-sha" value={sha256} onChange={(e) => setSha256(e.target.value)} />
          <button type="submit" disabled={!source.trim()}>
            Download
          </button>
        </div>
      </form>
    </div>
  );
}
