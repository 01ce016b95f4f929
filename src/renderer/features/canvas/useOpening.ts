import type { Viewport } from '@xyflow/react';
import { useLayoutEffect, useState, type RefObject } from 'react';
import { bigJourney } from './constants';
import type { FlowNode } from './flowTypes';
import { openingViewport } from './placement';

export interface Opening {
  /** Where a big journey opens (its start); undefined: React Flow's default, fitted later. */
  viewport: Viewport | undefined;
}

/**
 * Where the view opens, known once the pane has its size; null until then. Mount React
 * Flow only then: the layout effect's update renders before the first paint, so a big
 * journey's first frame is already at its start and renders only the steps there,
 * instead of rendering the steps at the origin, measuring them and moving on.
 */
export function useOpening(nodes: readonly FlowNode[], pane: RefObject<HTMLElement | null>): Opening | null {
  const [firstNodes] = useState(nodes);
  const [opening, setOpening] = useState<Opening | null>(null);
  useLayoutEffect(() => {
    const size = { width: pane.current?.clientWidth ?? 0, height: pane.current?.clientHeight ?? 0 };
    setOpening({ viewport: openingViewport(firstNodes, bigJourney, size) });
  }, [firstNodes, pane]);
  return opening;
}
