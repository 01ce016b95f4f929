import type { CatalogueEntry } from '../../../shared/ai/models';
import { formatBytes } from './format';

/** The recommended small instruct models, each with a Download button. */
export function Catalogue({
  entries,
  installed,
  onDownload,
}: {
  entries: CatalogueEntry[];
  installed: Set<string>;
  onDownload: (source: string) => void;
}) {
  if (entries.length === 0) return null;
  return (
    <>
      <h3>Recommended</h3>
      <ul className="model-list" aria-label="Recommended models">
        {entries.map((entry) => (
          <li key={entry.id} className="model-row" aria-label={entry.name}>
            <div className="model-main">
              <strong>{entry.name}</strong>
              <div>{entry.description}</div>
              <div className="muted">
                {[entry.parameters, entry.quantization, `about ${formatBytes(entry.bytes)}`, entry.license].join(' · ')}
              </div>
            </div>
            <div className="model-actions">
              {installed.has(entry.fileName) ? (
                <span className="model-badge">On this device</span>
              ) : (
                <button type="button" onClick={() => onDownload(entry.source)} aria-label={`Download ${entry.name}`}>
                  Download
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
