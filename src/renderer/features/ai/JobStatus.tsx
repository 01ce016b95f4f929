import type { AiJobState } from './useAiJob';
import { useLlmStatus } from './useLlmStatus';

function startingText(llm: ReturnType<typeof useLlmStatus>): string {
  if (llm?.state !== 'loading') return 'Starting the AI…';
  return llm.progress === null ? 'Loading the model…' : `Loading the model (${Math.round(llm.progress * 100)}%)…`;
}

/** The streaming text while a job runs, its stop button, and its failure or sources. */
export function JobStatus({ state, onStop, label }: { state: AiJobState; onStop: () => void; label: string }) {
  const llm = useLlmStatus();
  const running = state.status === 'starting' || state.status === 'running';
  return (
    <div className="ai-job" data-ai-status={state.status}>
      {running && (
        <div className="ai-running">
          <span role="status">
            {state.status === 'starting'
              ? startingText(llm)
              : `Writing ${label}${state.runningOn ? ` on ${state.runningOn}` : ''}…`}
          </span>
          <button type="button" onClick={onStop}>
            Stop
          </button>
        </div>
      )}
      {(running || state.stopped) && state.text && (
        <pre className="ai-stream" aria-label={`${label} as it is written`} aria-live="off">
          {state.text}
        </pre>
      )}
      {state.status === 'failed' && (
        <p className="ai-error" role="alert">
          {state.error}
        </p>
      )}
      {state.status === 'done' && state.stopped && <p className="muted">Stopped. What was written so far is below.</p>}
      {state.status === 'done' && state.servedBy.length > 0 && (
        <p className="ai-served-by">
          {state.servedBy.length > 1 ? 'Written through the team’s mesh by ' : 'Written on '}
          {state.servedBy.join(', then ')}
        </p>
      )}
      {state.status === 'done' && state.sources.length > 0 && (
        <p className="ai-sources">Used from memory: {state.sources.map((s) => s.title).join(', ')}</p>
      )}
    </div>
  );
}
