import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import type { FlowNode, Selection } from '../flowTypes';
import { isTypingTarget } from '../shortcuts';
import { isSuggestShortcut } from './aiLabels';

/** The step to suggest after: the first selected step (not a note) on the canvas, else null. */
export function afterNodeOf(selection: Selection, nodes: readonly FlowNode[]): string | null {
  if (selection.nodes.size === 0) return null;
  const steps = new Set(nodes.filter((n) => n.type !== 'note').map((n) => n.id));
  for (const id of selection.nodes) if (steps.has(id)) return id;
  return null;
}

interface SuggestInput {
  selection: Selection;
  nodes: readonly FlowNode[];
}

/**
 * "Suggest next step" (after the selected step, or at the end of the journey), and its
 * shortcut Ctrl+Alt+N / ⌥⌘N while focus is in `root` (or nowhere in particular). The
 * callback is stable, so the toolbar does not re-render with the selection.
 */
export function useSuggestNext(
  feed: CanvasAiFeed | undefined,
  view: SuggestInput,
  readOnly: boolean,
  root: RefObject<HTMLElement | null>,
): () => void {
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  });
  const suggest = useCallback(() => {
    if (!feed || readOnly || feed.get().running) return;
    feed.suggestNext(afterNodeOf(latest.current.selection, latest.current.nodes));
  }, [feed, readOnly]);

  useEffect(() => {
    if (!feed) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      if (!isSuggestShortcut(event)) return;
      const target = event.target as Node | null;
      if (target !== document.body && !(target && root.current?.contains(target))) return;
      event.preventDefault();
      suggest();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [feed, root, suggest]);

  return suggest;
}
