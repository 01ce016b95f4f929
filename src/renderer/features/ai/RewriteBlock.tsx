import { useState } from 'react';
import { rewriteStyles, type RewriteStyle } from '../../../shared/ai/actions';
import { JobStatus } from './JobStatus';
import { useAiJob } from './useAiJob';

const styleLabels: Record<RewriteStyle, string> = {
  shorter: 'Shorter',
  friendlier: 'Friendlier',
  formal: 'More formal',
  translate: 'Translate',
};

/** Rewrite one text block (shorter, friendlier, more formal, translated); accept replaces its text. */
export function RewriteBlock({
  campaignId,
  emailId,
  blockId,
  disabled,
  onAccept,
}: {
  campaignId: string;
  emailId: string;
  blockId: string;
  disabled?: boolean;
  onAccept: (text: string) => void;
}) {
  const { state, start, stop, reset } = useAiJob();
  const [style, setStyle] = useState<RewriteStyle>('shorter');
  const [language, setLanguage] = useState('French');
  const busy = state.status === 'starting' || state.status === 'running';
  const text = state.result?.kind === 'rewriteBlock' ? state.result.text : '';
  return (
    <div className="ai-inline" role="group" aria-label="Rewrite with AI">
      <label htmlFor={`ai-style-${blockId}`}>Rewrite</label>
      <select
        id={`ai-style-${blockId}`}
        value={style}
        disabled={disabled || busy}
        onChange={(e) => setStyle(e.target.value as RewriteStyle)}
      >
        {rewriteStyles.map((s) => (
          <option key={s} value={s}>
            {styleLabels[s]}
          </option>
        ))}
      </select>
      {style === 'translate' && (
        <input
          aria-label="Translate into"
          value={language}
          disabled={disabled || busy}
          onChange={(e) => setLanguage(e.target.value)}
        />
      )}
      {!busy && (
        <button
          type="button"
          className="ai-button"
          disabled={disabled}
          onClick={() => void start({ kind: 'rewriteBlock', campaignId, emailId, blockId, style, language })}
        >
          Rewrite block
        </button>
      )}
      <JobStatus state={state} onStop={stop} label="the rewrite" />
      {state.status === 'done' && (
        <>
          <pre className="ai-result" aria-label="Rewritten text">
            {text || '(nothing)'}
          </pre>
          <button type="button" className="primary" disabled={!text} onClick={() => (onAccept(text), reset())}>
            Replace the block’s text
          </button>
          <button type="button" onClick={reset}>
            Discard rewrite
          </button>
        </>
      )}
    </div>
  );
}
