import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { FlowEdge, FlowNode } from './flowTypes';
import type { CanvasHighlight } from './pathMarks';

/**
 * Brings a newly shown path into view: each new highlight (a run, or another contact's
 * run focused) fits the view to its steps. The same highlight again does nothing, so the
 * designer's own panning is kept while they look at one run.
 */
export function useFitPath(highlight: CanvasHighlight | null | undefined): void {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  useEffect(() => {
    if (!highlight || highlight.nodeIds.size === 0) return;
    const nodes = [...highlight.nodeIds].map((id) => ({ id }));
    // A frame later: the canvas may just have been narrowed by the panel that ran it.
    const frame = requestAnimationFrame(() => void rf.fitView({ nodes, duration: 300, padding: 0.2, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [highlight, rf]);
}
