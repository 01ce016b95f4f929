import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Fits the view to the journey once, when it is opened: as soon as React Flow has
 * measured its nodes. A journey that opens empty is not fitted later (the first step
 * dropped must not move the view). With thousands of nodes only those in view get
 * measured, so after `waitMs` it fits with what it has.
 */
export function useFitOnOpen(ready: boolean, nodeCount: number, waitMs = 400): void {
  const rf = useReactFlow();
  const initialized = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !ready) return;
    if (nodeCount === 0) {
      done.current = true;
      return;
    }
    const fit = () => {
      if (done.current) return;
      done.current = true;
      void rf.fitView({ padding: 0.2, maxZoom: 1 });
    };
    if (initialized) {
      fit();
      return;
    }
    const timer = setTimeout(fit, waitMs);
    return () => clearTimeout(timer);
  }, [ready, initialized, nodeCount, rf, waitMs]);
}
