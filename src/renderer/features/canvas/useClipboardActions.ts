import { useCallback, useEffect, useMemo, useRef } from 'react';
import { copyFragment, pasteFragment, removeElements } from '../../../shared/journey/ydoc';
import { readFragment, writeFragment } from './clipboard';
import type { Editor } from './EditorContext';
import { emptySelection, type Selection } from './flowTypes';
import type { CanvasView } from './useCanvasView';
import { createEmailBodies } from './emailBodies';

export interface ClipboardActions {
  copy: () => void;
  cut: () => void;
  paste: () => void;
}

const pasteStep = 40;
const infoMs = 2500;

function plural(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}

/**
 * Copy, cut and paste of the selected steps (with the connections among them). Each
 * paste of the same copy lands a little further down and right, and is selected.
 */
export function useClipboardActions(editor: Editor, view: CanvasView): ClipboardActions {
  const selection = useRef<Selection>(view.selection);
  useEffect(() => {
    selection.current = view.selection;
  });
  const pastes = useRef<{ text: string | null; count: number }>({ text: null, count: 0 });
  const { setSelection } = view;

  const copy = useCallback(() => {
    const ids = selection.current.nodes;
    if (ids.size === 0) return false;
    pastes.current = { text: null, count: 0 };
    void writeFragment(copyFragment(editor.doc, ids));
    editor.announce(`Copied ${plural(ids.size)}`, infoMs);
    return true;
  }, [editor]);

  const cut = useCallback(() => {
    if (editor.readOnly || !copy()) return;
    const { nodes, edges } = selection.current;
    editor.step(() => removeElements(editor.doc, nodes, edges, editor.origin));
    setSelection(emptySelection);
    editor.announce(`Cut ${plural(nodes.size)}`, infoMs);
  }, [copy, editor, setSelection]);

  const paste = useCallback(() => {
    if (editor.readOnly) return;
    void readFragment().then((found) => {
      if (!found) return;
      const count = pastes.current.text === found.text ? pastes.current.count + 1 : 1;
      pastes.current = { text: found.text, count };
      const offset = { x: pasteStep * count, y: pasteStep * count };
      const pasted = editor.step(() => pasteFragment(editor.doc, found.fragment, offset, editor.origin));
      if (pasted.nodeIds.length === 0) return;
      createEmailBodies(editor.doc, pasted.nodeIds);
      setSelection({ nodes: new Set(pasted.nodeIds), edges: new Set() });
      editor.announce(`Pasted ${plural(pasted.nodeIds.length)}`, infoMs);
    });
  }, [editor, setSelection]);

  return useMemo(() => ({ copy: () => void copy(), cut, paste }), [copy, cut, paste]);
}
