import { useState, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { useModal } from '../../app/useModal';
import { relativeTime } from '../../app/relativeTime';
import { TraceWaterfall } from './TraceWaterfall';
import { useTrace, useTraceList } from './useTraces';
import { formatMs } from './waterfall';

/**
 * Recent traces of this device's AI actions and mesh jobs, and the waterfall of one. It is
 * often opened from another dialog (the mesh view): it renders into the body, and its
 * `cancel`/`close` events stop here, or React would pass Esc on to that dialog too.
 */
export function TracesDialog({ onClose }: { onClose: () => void }) {
  const modal = useModal(onClose);
  const dialog = modal.dialog;
  const handlers = {
    onCancel: (e: SyntheticEvent) => {
      e.stopPropagation();
      modal.handlers.onCancel(e);
    },
    onClose: (e: SyntheticEvent) => {
      e.stopPropagation();
      modal.handlers.onClose();
    },
  };
  const { traces, problem } = useTraceList();
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? traces?.[0]?.traceId ?? null;
  const trace = useTrace(current);
  return createPortal(
    <dialog ref={dialog} className="app-dialog traces-dialog" aria-label="Traces" {...handlers}>
      <header>
        <h2>Traces</h2>
        <button type="button" aria-label="Close" onClick={onClose} data-initial-focus>
          ×
        </button>
      </header>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {traces && traces.length === 0 && (
        <p className="muted">No traces yet. Run an AI action (say, Suggest subject lines) and it shows here.</p>
      )}
      <div className="traces-body">
        <ul className="trace-list" aria-label="Recent traces">
          {traces?.map((t) => (
            <li key={t.traceId}>
              <button
                type="button"
                className={`trace-row trace-row--${t.status}`}
                aria-pressed={t.traceId === current}
                onClick={() => setSelected(t.traceId)}
              >
                <span className="trace-row__name">{t.rootName}</span>
                <span className="trace-row__meta">
                  {formatMs(t.durationMs)} · {t.status === 'error' ? 'failed' : 'ok'} · {relativeTime(t.start)}
                </span>
                <span className="trace-row__nodes muted">
                  {t.nodes.length ? t.nodes.join(', ') : 'this device'}
                  {t.remote ? ' · spans from other machines' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <section className="trace-detail" aria-label="Trace waterfall">
          {trace.problem && <p className="form-error">{trace.problem}</p>}
          {trace.spans && <TraceWaterfall spans={trace.spans} />}
        </section>
      </div>
    </dialog>,
    document.body,
  );
}
