import { useEffect, useRef } from 'react';
import { useEmailEditor } from '../EmailEditorContext';

/** The editor's undo/redo, through a ref so a text binding need not be rebuilt when they change. */
export function useHistoryRef() {
  const { undo, redo } = useEmailEditor();
  const ref = useRef({ undo, redo });
  useEffect(() => {
    ref.current = { undo, redo };
  }, [undo, redo]);
  return ref;
}
