import './pathMarks.css';
import { useMemo } from 'react';
import { markPathEdges, markPathNodes, type CanvasHighlight } from './pathMarks';
import type { CanvasView } from './useCanvasView';
import { useFitPath } from './useFitPath';

/** `view` with a simulated run's path marked on it (`view` itself when there is none), brought into view. */
export function usePathView(view: CanvasView, highlight: CanvasHighlight | null | undefined): CanvasView {
  useFitPath(highlight);
  const nodes = useMemo(() => markPathNodes(view.nodes, highlight), [view.nodes, highlight]);
  const edges = useMemo(() => markPathEdges(view.edges, highlight), [view.edges, highlight]);
  return useMemo(
    () => (nodes === view.nodes && edges === view.edges ? view : { ...view, nodes, edges }),
    [view, nodes, edges],
  );
}
