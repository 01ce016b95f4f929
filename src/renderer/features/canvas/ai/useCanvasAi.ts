import { useCallback, useSyncExternalStore } from 'react';
import type { CanvasAiFeed, CanvasAiState } from '../../../../shared/ai/canvasAi';

/**
 * One part of the AI feed's state, re-read on every change. `select` must return the
 * same value while that part did not change (a field of the state does), so a component
 * reading the ghost does not re-render as the AI's text streams in. The feed's methods
 * are called on the feed, so a class-based feed works too.
 */
export function useCanvasAi<T>(feed: CanvasAiFeed, select: (state: CanvasAiState) => T): T {
  const subscribe = useCallback((listener: () => void) => feed.subscribe(listener), [feed]);
  const snapshot = () => select(feed.get());
  // The same snapshot on the server (markup tests render these with react-dom/server).
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export const runningOf = (s: CanvasAiState) => s.running;
export const ghostOf = (s: CanvasAiState) => s.ghost;
export const findingsOf = (s: CanvasAiState) => s.findings;
export const errorOf = (s: CanvasAiState) => s.error;
export const stoppedOf = (s: CanvasAiState) => s.stopped;
