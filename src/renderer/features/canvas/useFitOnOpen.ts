import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { openingFit } from './constants';
import type { FlowEdge, FlowNode } from './flowTypes';
import { openingNodes } from './placement';

const paneHasSize = (s: { width: number; height: number }) => s.width > 0 && s.height > 0;

/**
 * Fits the view once, when the journey is opened. A small journey is fitted when React
 * Flow has measured its nodes (after `waitMs` at most); a big one at once, to its start,
 * so only the steps in that view are ever rendered — unless `fitted`: it opened at that
 * view already (see `openingViewport`). A journey that opens empty is not fitted later:
 * the first step dropped must not move the view.
 */
export function useFitOnOpen(nodes: readonly FlowNode[], bigAbove: number, fitted: boolean, waitMs = 300): void {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const initialized = useNodesInitialized();
  const hasSize = useStore(paneHasSize);
  const done = useRef(false);
  const count = nodes.length;
  useEffect(() => {
    if (done.current || !hasSize) return;
    if (count === 0 || fitted) {
      done.current = true;
      return;
    }
    const fit = () => {
      if (done.current) return;
      done.current = true;
      void rf.fitView({ nodes: openingNodes(rf.getNodes(), bigAbove), ...openingFit });
    };
    if (initialized || count > bigAbove) {
      fit();
      return;
    }
    const timer = setTimeout(fit, waitMs);
    return () => clearTimeout(timer);
  }, [hasSize, initialized, count, rf, bigAbove, fitted, waitMs]);
}
