import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { createUndoManager } from '../../../shared/journey/ydoc';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /** Ends the current undo group, so the next edit starts a new step. */
  stopCapturing: () => void;
}

/**
 * Undo/redo of this editor's own changes (transactions with `origin`); a peer's or the
 * host's updates are never undone. Typing within half a second merges into one step.
 */
export function useUndo(doc: Y.Doc, origin: object): UndoState {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const made = createUndoManager(doc, origin);
    const refresh = () => setStacks({ canUndo: made.canUndo(), canRedo: made.canRedo() });
    made.on('stack-item-added', refresh);
    made.on('stack-item-popped', refresh);
    made.on('stack-cleared', refresh);
    setManager(made);
    refresh();
    return () => made.destroy();
  }, [doc, origin]);
  const undo = useCallback(() => void manager?.undo(), [manager]);
  const redo = useCallback(() => void manager?.redo(), [manager]);
  const stopCapturing = useCallback(() => manager?.stopCapturing(), [manager]);
  return { ...stacks, undo, redo, stopCapturing };
}
