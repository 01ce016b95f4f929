import { useCallback, useEffect, useRef, useState } from 'react';
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

interface Stacks {
  canUndo: boolean;
  canRedo: boolean;
}

const empty: Stacks = { canUndo: false, canRedo: false };

/**
 * Undo/redo of this editor's own changes (transactions with `origin`); a peer's or the
 * host's updates are never undone. Typing within half a second merges into one step.
 *
 * The callbacks never change identity and making the manager re-renders nothing: every
 * handler of the canvas is built on them, and a new one re-renders the whole editor
 * (and re-sends every handler to React Flow) just as a big journey opens.
 */
export function useUndo(doc: Y.Doc, origin: object): UndoState {
  const manager = useRef<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState<Stacks>(empty);
  useEffect(() => {
    const made = createUndoManager(doc, origin);
    const refresh = () =>
      setStacks((s) => {
        const next = { canUndo: made.canUndo(), canRedo: made.canRedo() };
        return next.canUndo === s.canUndo && next.canRedo === s.canRedo ? s : next;
      });
    made.on('stack-item-added', refresh);
    made.on('stack-item-popped', refresh);
    made.on('stack-cleared', refresh);
    manager.current = made;
    refresh();
    return () => {
      manager.current = null;
      made.destroy();
    };
  }, [doc, origin]);
  const undo = useCallback(() => void manager.current?.undo(), []);
  const redo = useCallback(() => void manager.current?.redo(), []);
  const stopCapturing = useCallback(() => manager.current?.stopCapturing(), []);
  return { ...stacks, undo, redo, stopCapturing };
}
