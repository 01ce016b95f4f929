import { useEffect, useState } from 'react';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import { outcomeText } from './aiOutcome';

/** The status line's text after an action finishes (see `outcomeText`); cleared when the next one starts. */
export function useAiOutcome(feed: CanvasAiFeed): string {
  const [text, setText] = useState('');
  useEffect(() => {
    let running = feed.get().running?.kind ?? null;
    return feed.subscribe(() => {
      const state = feed.get();
      const now = state.running?.kind ?? null;
      if (now && !running) setText('');
      if (!now && running) setText(outcomeText(running, state));
      // Dismissing the ghost or the findings leaves nothing to report.
      if (!now && !running && !state.ghost && state.findings.length === 0) setText('');
      running = now;
    });
  }, [feed]);
  return text;
}
