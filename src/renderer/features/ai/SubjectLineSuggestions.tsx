import { JobStatus } from './JobStatus';
import { useAiJob } from './useAiJob';
import { useRemember } from './useRemember';

/** "Suggest subject lines" under an email's subject: several, each with a rationale; use one or discard. */
export function SubjectLineSuggestions({
  campaignId,
  emailId,
  disabled,
  onUse,
}: {
  campaignId: string;
  emailId: string;
  disabled?: boolean;
  onUse: (subject: string) => void;
}) {
  const { state, start, stop, reset } = useAiJob();
  const remember = useRemember();
  const suggestions = state.result?.kind === 'subjectLines' ? state.result.suggestions : [];
  const busy = state.status === 'starting' || state.status === 'running';
  return (
    <div className="ai-inline" aria-label="AI subject lines" role="group">
      {!busy && (
        <button
          type="button"
          className="ai-button"
          disabled={disabled}
          onClick={() => void start({ kind: 'subjectLines', campaignId, emailId, count: 4 })}
        >
          Suggest subject lines
        </button>
      )}
      <JobStatus state={state} onStop={stop} label="subject lines" />
      {state.status === 'done' && (
        <>
          {suggestions.length === 0 ? (
            <p className="muted">No usable suggestion came back. Try again, or try a larger model.</p>
          ) : (
            <ul className="ai-suggestions" aria-label="Suggested subject lines">
              {suggestions.map((s) => (
                <li key={s.subject}>
                  <strong>{s.subject}</strong>
                  <span className="muted"> — {s.rationale}</span>
                  <button
                    type="button"
                    aria-label={`Use “${s.subject}”`}
                    onClick={() => {
                      onUse(s.subject);
                      remember('Accepted subject line', s.subject);
                      reset();
                    }}
                  >
                    Use
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={reset}>
            Discard suggestions
          </button>
        </>
      )}
    </div>
  );
}
