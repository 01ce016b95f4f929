import { useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Tells React Flow to re-measure a node's handles when its ports change (an A/B variant
 * added or removed) without the node changing size. Only on a change of `portsKey`:
 * React Flow measures new nodes itself, and each call is a separate store update, so
 * calling it for every node on mount would make opening a big journey quadratic.
 */
export function useRefreshHandles(nodeId: string, portsKey: string): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredKey = useRef(portsKey);
  useEffect(() => {
    if (measuredKey.current === portsKey) return;
    measuredKey.current = portsKey;
    updateNodeInternals(nodeId);
  }, [nodeId, portsKey, updateNodeInternals]);
}
