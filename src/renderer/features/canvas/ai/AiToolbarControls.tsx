import { memo } from 'react';
import type { CanvasAiFeed, CanvasAiState } from '../../../../shared/ai/canvasAi';
import { suggestShortcutHint } from './aiLabels';
import { errorOf, runningOf, useCanvasAi } from './useCanvasAi';
import { useAiOutcome } from './useAiOutcome';

const busyOf = (s: CanvasAiState) => s.running !== null;

/** "AI is thinking…" and the text so far, collapsed; the only part that re-renders as it streams. */
const AiRunning = memo(function AiRunning({ feed }: { feed: CanvasAiFeed }) {
  const running = useCanvasAi(feed, runningOf);
  const outcome = useAiOutcome(feed);
  return (
    <>
      <span className="je-ai-tools__status" role="status" aria-live="polite">
        {running ? (
          <>
            <span className="je-spinner" aria-hidden="true" /> AI is thinking…
          </>
        ) : (
          outcome
        )}
      </span>
      {running && running.text && (
        <details className="je-ai-tools__stream">
          <summary>Its text so far</summary>
          <pre>{running.text}</pre>
        </details>
      )}
      {running && (
        <button type="button" className="je-ai-tools__stop" aria-label="Stop the AI" onClick={() => feed.stop()}>
          Stop
        </button>
      )}
    </>
  );
});

/** Why the last action failed, as an alert. */
const AiError = memo(function AiError({ feed }: { feed: CanvasAiFeed }) {
  const error = useCanvasAi(feed, errorOf);
  if (!error) return null;
  return (
    <p className="je-ai-tools__error" role="alert">
      {error}
    </p>
  );
});

interface AiToolbarControlsProps {
  feed: CanvasAiFeed;
  mac: boolean;
  readOnly: boolean;
  /** Suggests the step after the selected one (or at the end of the journey). */
  onSuggestNext: () => void;
}

/**
 * The AI's commands in the canvas toolbar: "Suggest next step", "Review journey", and
 * while one runs its status and "Stop". Shown only when the editor has an AI feed.
 */
export const AiToolbarControls = memo(function AiToolbarControls({
  feed,
  mac,
  readOnly,
  onSuggestNext,
}: AiToolbarControlsProps) {
  const busy = useCanvasAi(feed, busyOf);
  const hint = suggestShortcutHint(mac);
  return (
    <div className="je-ai-tools" role="group" aria-label="AI">
      <span className="je-toolbar__sep" aria-hidden="true" />
      <button
        type="button"
        onClick={onSuggestNext}
        disabled={readOnly || busy}
        title={`Suggest the step after the selected one, or at the end (${hint})`}
        aria-keyshortcuts={mac ? 'Alt+Meta+N' : 'Control+Alt+N'}
      >
        Suggest next step
      </button>
      <button type="button" onClick={() => feed.review()} disabled={busy} title="Let the AI review the journey">
        Review journey
      </button>
      <AiRunning feed={feed} />
      <AiError feed={feed} />
    </div>
  );
});
