import { useState } from 'react';
import { JobStatus } from './JobStatus';
import { useAiJob } from './useAiJob';
import { useRemember } from './useRemember';

/** "Draft with AI": a short brief in, a body streaming out; accept adds it as text blocks. */
export function DraftEmail({
  campaignId,
  emailId,
  disabled,
  onAccept,
}: {
  campaignId: string;
  emailId: string;
  disabled?: boolean;
  onAccept: (text: string) => void;
}) {
  const { state, start, stop, reset } = useAiJob();
  const remember = useRemember();
  const [brief, setBrief] = useState('');
  const busy = state.status === 'starting' || state.status === 'running';
  const text = state.result?.kind === 'draftEmail' ? state.result.text : '';
  return (
    <section className="ai-panel" aria-label="Draft with AI">
      <label htmlFor={`ai-brief-${emailId}`}>Brief for the AI</label>
      <textarea
        id={`ai-brief-${emailId}`}
        rows={2}
        placeholder="Welcome new customers, mention free shipping over $50"
        value={brief}
        disabled={disabled || busy}
        onChange={(e) => setBrief(e.target.value)}
      />
      {!busy && (
        <button
          type="button"
          className="ai-button"
          disabled={disabled || !brief.trim()}
          onClick={() => void start({ kind: 'draftEmail', campaignId, emailId, brief })}
        >
          Draft email
        </button>
      )}
      <JobStatus state={state} onStop={stop} label="the draft" />
      {state.status === 'done' && (
        <>
          <pre className="ai-result" aria-label="Drafted text">
            {text || '(nothing)'}
          </pre>
          <div className="ai-actions">
            <button
              type="button"
              className="primary"
              disabled={!text}
              onClick={() => {
                onAccept(text);
                remember(`Accepted draft: ${brief.slice(0, 80)}`, text);
                reset();
              }}
            >
              Add draft to the email
            </button>
            <button type="button" onClick={reset}>
              Discard draft
            </button>
          </div>
        </>
      )}
    </section>
  );
}
