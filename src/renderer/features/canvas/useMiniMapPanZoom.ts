import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import type { FlowEdge, FlowNode } from './flowTypes';

/** Zoom factor per wheel pixel (line and page deltas are scaled as React Flow does). */
function wheelZoom(event: WheelEvent): number {
  const perUnit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
  return 2 ** (-event.deltaY * perUnit);
}

/**
 * Dragging on the mini map pans the canvas (the viewport follows the pointer); the wheel
 * zooms it about its centre. `scale` holds the map's flow units per pixel, read at each
 * event so the listeners are not re-attached on every pan frame.
 */
export function useMiniMapPanZoom(map: RefObject<SVGSVGElement | null>, scale: RefObject<number>): void {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const store = useStoreApi<FlowNode, FlowEdge>();
  useEffect(() => {
    const element = map.current;
    if (!element) return;
    let last: { x: number; y: number } | null = null;
    const down = (event: PointerEvent) => {
      if (event.button !== 0) return;
      last = { x: event.clientX, y: event.clientY };
      element.setPointerCapture(event.pointerId);
      event.preventDefault();
    };
    const move = (event: PointerEvent) => {
      if (!last) return;
      const [x, y, zoom] = store.getState().transform;
      const step = scale.current * zoom;
      const dx = event.clientX - last.x;
      const dy = event.clientY - last.y;
      last = { x: event.clientX, y: event.clientY };
      void rf.setViewport({ x: x - dx * step, y: y - dy * step, zoom });
    };
    const up = () => {
      last = null;
    };
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      void rf.zoomTo(store.getState().transform[2] * wheelZoom(event));
    };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
    // Not passive: the wheel zooms the map's canvas, never scrolls the page.
    element.addEventListener('wheel', wheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
      element.removeEventListener('wheel', wheel);
    };
  }, [map, scale, rf, store]);
}
