import { useCallback, useContext } from 'react';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import type { StepSuggestion } from '../../../../shared/ai/actions';
import type { XY } from '../../../../shared/journey';
import { EditorContext } from '../EditorContext';
import type { Selection } from '../flowTypes';
import { addSuggestedStep } from './addSuggestedStep';

/**
 * "Add step" on the ghost: adds the suggested step at `at` (see `addSuggestedStep`),
 * selects it and tells the feed; a refused connection is announced in the editor's toast.
 */
export function useAcceptGhost(
  feed: CanvasAiFeed,
  setSelection: (next: Selection) => void,
): (ghost: StepSuggestion, at: XY) => void {
  const editor = useContext(EditorContext);
  return useCallback(
    (ghost: StepSuggestion, at: XY) => {
      const added = editor && addSuggestedStep(editor, ghost, at);
      if (!editor || !added) return;
      setSelection({ nodes: new Set([added.id]), edges: new Set() });
      feed.acceptGhost();
      const { edge } = added;
      if (edge && !edge.ok) editor.announce(`Added the step, but did not connect it: ${edge.reason}`);
    },
    [editor, feed, setSelection],
  );
}
