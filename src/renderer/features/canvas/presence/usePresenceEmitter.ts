import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { PresenceFeed } from '../../../../shared/collab/presence';
import type { FlowEdge, FlowNode } from '../flowTypes';
import { frameThrottle, type FrameThrottled } from './frameThrottle';
import { selectionPresence, viewportPresence } from './localPresence';

const domNodeOf = (s: ReactFlowState) => s.domNode;
const round = (n: number) => Math.round(n * 10) / 10;

/** Publishes the pointer over the canvas, in flow coordinates; null when it leaves. */
function useCursorEmitter(presence: PresenceFeed): void {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const domNode = useStore(domNodeOf);
  useEffect(() => {
    if (!domNode) return;
    const cursor = frameThrottle<{ x: number; y: number }>((screen) => {
      const at = rf.screenToFlowPosition(screen);
      presence.setLocal({ cursor: { x: round(at.x), y: round(at.y) } });
    });
    const leave = () => {
      cursor.cancel();
      presence.setLocal({ cursor: null });
    };
    const move = (event: PointerEvent) => {
      // Over the minimap or the zoom buttons the pointer is not at a place in the flow.
      if (event.target instanceof Element && event.target.closest('.react-flow__panel')) leave();
      else cursor.push({ x: event.clientX, y: event.clientY });
    };
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
      leave();
    };
  }, [presence, rf, domNode]);
}

/** Publishes the viewport now and whenever it moves (throttled). */
function useViewportEmitter(presence: PresenceFeed): void {
  const store = useStoreApi<FlowNode, FlowEdge>();
  useEffect(() => {
    const viewport = frameThrottle((transform: ReactFlowState['transform']) =>
      presence.setLocal({ viewport: viewportPresence(transform) }),
    );
    presence.setLocal({ viewport: viewportPresence(store.getState().transform) });
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.transform !== prev.transform) viewport.push(state.transform);
    });
    return () => {
      unsubscribe();
      viewport.cancel();
      presence.setLocal({ viewport: null });
    };
  }, [presence, store]);
}

/** Publishes the selected node ids (throttled: a rubber band changes them on every move). */
function useSelectionEmitter(presence: PresenceFeed, selected: ReadonlySet<string>): void {
  const throttle = useRef<FrameThrottled<ReadonlySet<string>> | null>(null);
  useEffect(() => {
    const ids = frameThrottle((next: ReadonlySet<string>) => presence.setLocal({ selection: selectionPresence(next) }));
    throttle.current = ids;
    return () => {
      ids.cancel();
      throttle.current = null;
      presence.setLocal({ selection: [] });
    };
  }, [presence]);
  // Declared after the effect above, so on mount and on a new feed it runs second.
  useEffect(() => throttle.current?.push(selected), [selected, presence]);
}

/**
 * Publishes this window's cursor, node selection and viewport to `presence` while the
 * canvas is open, and clears them when it closes. Inside the editor's ReactFlowProvider.
 */
export function usePresenceEmitter(presence: PresenceFeed, selected: ReadonlySet<string>): void {
  useCursorEmitter(presence);
  useViewportEmitter(presence);
  useSelectionEmitter(presence, selected);
}
