import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { createEmailUndoManager } from '../../../shared/email/emailDoc';
import { nodesMap } from '../../../shared/journey/ydoc';

/** Undo and redo of this editor's own changes (never a peer's). */
export interface EmailUndo {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Runs a discrete edit (add, move, delete) as its own undo step. */
  step: <T>(edit: () => T) => T;
}

/**
 * An undo manager over every email body and the journey's nodes (the Email node's
 * subject, preheader and sender) that tracks only transactions with `origin`.
 */
export function useEmailUndo(doc: Y.Doc, origin: object): EmailUndo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const next = createEmailUndoManager(doc, origin);
    next.addToScope(nodesMap(doc));
    const update = () => setStacks({ canUndo: next.canUndo(), canRedo: next.canRedo() });
    next.on('stack-item-added', update);
    next.on('stack-item-popped', update);
    next.on('stack-cleared', update);
    setManager(next);
    return () => {
      next.destroy();
      setManager(null);
    };
  }, [doc, origin]);
  const step = useCallback(
    <T>(edit: () => T): T => {
      manager?.stopCapturing();
      try {
        return edit();
      } finally {
        manager?.stopCapturing();
      }
    },
    [manager],
  );
  const undo = useCallback(() => void manager?.undo(), [manager]);
  const redo = useCallback(() => void manager?.redo(), [manager]);
  return { undo, redo, step, ...stacks };
}
