import type { CanvasAiState } from '../../../../shared/ai/canvasAi';
import { suggestedKindTitle } from './aiLabels';

/**
 * What the status line says once an action has finished: the suggestion, how many
 * findings the review made, or that it was stopped. Empty on an error (the alert says
 * it) and while nothing has run.
 */
export function outcomeText(finished: 'nextStep' | 'reviewJourney', state: CanvasAiState): string {
  if (state.error) return '';
  if (state.stopped) return 'Stopped the AI.';
  if (finished === 'nextStep') {
    const ghost = state.ghost;
    return ghost ? `Suggested a step: ${suggestedKindTitle(ghost.kind)} “${ghost.label}”.` : '';
  }
  const n = state.findings.length;
  if (n === 0) return 'The review found nothing to point out.';
  return `The review found ${n} ${n === 1 ? 'thing' : 'things'} to look at.`;
}
