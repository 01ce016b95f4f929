import { useState, type FormEvent } from 'react';
import type { ExternalNodeInput, ExternalNodeView } from '../../../shared/mesh/mesh';

/**
 * Adds or edits an OpenAI-compatible server (Ollama, llama.cpp server, vLLM). The API key
 * is a password field: a stored key is never shown, only that one is set; leaving the
 * field empty keeps it.
 */
export function ExternalServerForm({
  editing,
  onSubmit,
  onCancel,
}: {
  editing: ExternalNodeView | null;
  onSubmit: (input: ExternalNodeInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '');
  const [model, setModel] = useState(editing?.model ?? '');
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [contextSize, setContextSize] = useState(String(editing?.contextSize ?? 4096));
  const [concurrency, setConcurrency] = useState(String(editing?.concurrency ?? 4));
  const [busy, setBusy] = useState(false);
  const numbersValid = /^\d+$/.test(contextSize) && /^\d+$/.test(concurrency);
  const ready = name.trim() && baseUrl.trim() && model.trim() && numbersValid;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    const key = removeKey ? '' : apiKey || undefined;
    const input: ExternalNodeInput = {
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      model: model.trim(),
      contextSize: Number(contextSize),
      concurrency: Number(concurrency),
      ...(key === undefined ? {} : { apiKey: key }),
    };
    setBusy(true);
    void onSubmit(input).then((ok) => {
      setBusy(false);
      if (ok && !editing) {
        setName('');
        setBaseUrl('');
        setModel('');
        setApiKey('');
      }
    });
  };
  const title = editing ? `Edit ${editing.name}` : 'Add a server';
  return (
    <form className="mesh-external-form" onSubmit={submit} aria-label={title}>
      <h4>{title}</h4>
      <label htmlFor="ext-name">Name</label>
      <input id="ext-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="GPU box" />
      <label htmlFor="ext-url">Server address</label>
      <input
        id="ext-url"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        placeholder="http://gpu-box:11434/v1"
      />
      <label htmlFor="ext-model">Model</label>
      <input id="ext-model" value={model} onChange={(e) => setModel(e.target.value)} placeholder="llama3.1:8b" />
      <label htmlFor="ext-key">
        API key{editing?.hasApiKey ? ' (a key is set; leave empty to keep it)' : ' (optional)'}
      </label>
      <input
        id="ext-key"
        type="password"
        autoComplete="off"
        value={apiKey}
        disabled={removeKey}
        onChange={(e) => setApiKey(e.target.value)}
      />
      {editing?.hasApiKey && (
        <label className="mesh-check">
          <input type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} />
          Remove the stored key
        </label>
      )}
      <div className="mesh-inline">
        <span>
          <label htmlFor="ext-context">Context size</label>
          <input
            id="ext-context"
            inputMode="numeric"
            value={contextSize}
            onChange={(e) => setContextSize(e.target.value.trim())}
          />
        </span>
        <span>
          <label htmlFor="ext-concurrency">Jobs at once</label>
          <input
            id="ext-concurrency"
            inputMode="numeric"
            value={concurrency}
            onChange={(e) => setConcurrency(e.target.value.trim())}
          />
        </span>
      </div>
      {!numbersValid && <p className="form-error">Context size and jobs at once are whole numbers.</p>}
      <div className="mesh-inline">
        <button type="submit" disabled={busy || !ready}>
          {busy ? 'Saving…' : editing ? 'Save server' : 'Add server'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
