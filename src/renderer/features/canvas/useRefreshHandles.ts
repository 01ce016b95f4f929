import { useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Tells React Flow to re-measure a node's handles when its ports change (an A/B variant
 * added or removed) without the node changing size. Skips the first render: React Flow
 * measures new nodes itself, and 2,000 forced measurements would stall the first open.
 */
export function useRefreshHandles(nodeId: string, portsKey: string): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    updateNodeInternals(nodeId);
  }, [nodeId, portsKey, updateNodeInternals]);
}
