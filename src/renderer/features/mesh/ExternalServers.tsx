import { useState } from 'react';
import type { ExternalNodeInput, ExternalNodeView } from '../../../shared/mesh/mesh';
import { ExternalServerForm } from './ExternalServerForm';

const stateText = { idle: 'Stopped', loading: 'Checking…', ready: 'Ready', error: 'Error' } as const;

/** The external servers this device added, with their state, and the form to add or edit one. */
export function ExternalServers({
  servers,
  problem,
  onAdd,
  onUpdate,
  onRemove,
}: {
  servers: ExternalNodeView[] | null;
  problem: string | null;
  onAdd: (input: ExternalNodeInput) => Promise<boolean>;
  onUpdate: (id: string, input: ExternalNodeInput) => Promise<boolean>;
  onRemove: (server: ExternalNodeView) => void;
}) {
  const [editing, setEditing] = useState<ExternalNodeView | null>(null);
  return (
    <section className="mesh-externals" aria-label="External servers">
      <h3>External servers</h3>
      <p className="muted">
        An OpenAI-compatible server (Ollama, llama.cpp server, vLLM) joins as a node; with sharing on, it serves the
        team through this device.
      </p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {servers && servers.length === 0 && <p className="muted">No external servers yet.</p>}
      <ul className="mesh-external-list" aria-label="External servers list">
        {servers?.map((s) => (
          <li key={s.id} className="mesh-external-row" aria-label={s.name}>
            <div className="mesh-external-main">
              <strong>{s.name}</strong> <span className="muted">{s.model}</span>
              <div className="muted">{s.baseUrl}</div>
              <div className={`mesh-external-state mesh-external-state--${s.state}`}>
                {stateText[s.state]}
                {s.hasApiKey ? ' · key set' : ' · no key'}
              </div>
              {s.error && <p className="form-error">{s.error}</p>}
            </div>
            <div className="mesh-inline">
              {s.state === 'error' && (
                <button type="button" aria-label={`Check ${s.name} again`} onClick={() => void onUpdate(s.id, same(s))}>
                  Check again
                </button>
              )}
              <button type="button" aria-label={`Edit ${s.name}`} onClick={() => setEditing(s)}>
                Edit
              </button>
              <button type="button" aria-label={`Remove ${s.name}`} onClick={() => onRemove(s)}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ExternalServerForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onCancel={() => setEditing(null)}
        onSubmit={async (input) => {
          const ok = editing ? await onUpdate(editing.id, input) : await onAdd(input);
          if (ok) setEditing(null);
          return ok;
        }}
      />
    </section>
  );
}

/** The server's settings unchanged (the stored key is kept): saving them asks the server again. */
function same(s: ExternalNodeView): ExternalNodeInput {
  const { name, baseUrl, model, contextSize, concurrency, share } = s;
  return { name, baseUrl, model, contextSize, concurrency, share };
}
