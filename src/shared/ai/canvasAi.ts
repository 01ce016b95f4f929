import type { AiSource, ReviewFinding, StepSuggestion } from './actions';

/**
 * What the canvas gets from the AI feature: the journey-level actions (suggest the next
 * step, review the journey) and their results to draw on the AI layer. The canvas only
 * knows this interface; the AI feature implements it over the contract.
 */
export interface CanvasAiState {
  /** The action running now and its text so far. */
  running: { kind: 'nextStep' | 'reviewJourney'; text: string } | null;
  /** A suggested step, drawn as a ghost node until accepted or dismissed. */
  ghost: StepSuggestion | null;
  /** Review findings, pinned to their steps (nodeId null: about the whole journey). */
  findings: readonly ReviewFinding[];
  /** Memory items the last result used. */
  sources: readonly AiSource[];
  /** Why the last action failed, written for the designer. */
  error: string | null;
  /** True when the last action was stopped. */
  stopped: boolean;
}

export const emptyCanvasAi: CanvasAiState = {
  running: null,
  ghost: null,
  findings: [],
  sources: [],
  error: null,
  stopped: false,
};

export interface CanvasAiFeed {
  get(): CanvasAiState;
  /** Calls `listener` on every change. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Suggests the step after `afterNodeId` (or at the end of the journey when null). */
  suggestNext(afterNodeId: string | null): void;
  review(): void;
  stop(): void;
  /** The designer added the ghost step to the journey: remember it and clear the ghost. */
  acceptGhost(): void;
  /** Clears the ghost, the findings and any error. */
  dismiss(): void;
}
