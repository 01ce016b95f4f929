import type { XY } from '../../../../shared/journey';
import type { ReviewFinding } from '../../../../shared/ai/actions';
import type { FlowNode, Size } from '../flowTypes';

/**
 * Where the AI layer draws, from the canvas's nodes: the ghost step and the finding
 * pins, in flow coordinates. Pure, so it is tested without a canvas.
 */

/** A node's box on the canvas, as the AI layer reads it. */
export interface NodeBox extends XY, Size {
  id: string;
  kind: string;
  hidden: boolean;
}

/** The size a ghost card is drawn at (a card is 240 px wide, see canvas.css). */
export const ghostSize: Size = { width: 240, height: 120 };

/** Space between the after-node and the ghost, and between the ghost and any other node. */
const gap = 80;
const clearance = 40;

/** Each node's box: its measured size, or the estimate it was given before measuring. */
export function nodeBoxes(nodes: readonly FlowNode[]): NodeBox[] {
  return nodes.map((n) => ({
    id: n.id,
    kind: n.type,
    hidden: n.hidden === true,
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? n.initialWidth ?? ghostSize.width,
    height: n.measured?.height ?? n.initialHeight ?? ghostSize.height,
  }));
}

function overlaps(a: XY & Size, b: XY & Size): boolean {
  return (
    a.x < b.x + b.width + clearance &&
    b.x < a.x + a.width + clearance &&
    a.y < b.y + b.height + clearance &&
    b.y < a.y + a.height + clearance
  );
}

/** The step the ghost follows: `afterNodeId` when it is on the canvas, else the right-most step. */
export function anchorOf(boxes: readonly NodeBox[], afterNodeId: string | null): NodeBox | null {
  const after = afterNodeId === null ? undefined : boxes.find((b) => b.id === afterNodeId);
  if (after) return after;
  const steps = boxes.filter((b) => b.kind !== 'note');
  let right: NodeBox | null = null;
  for (const box of steps.length > 0 ? steps : boxes) {
    if (!right || box.x + box.width > right.x + right.width) right = box;
  }
  return right;
}

/**
 * The ghost's top-left: to the right of its anchor (see {@link anchorOf}), level with it,
 * moved further right past any step already there; the origin on an empty canvas. The
 * step "Add step" makes goes exactly here.
 */
export function ghostSpot(boxes: readonly NodeBox[], afterNodeId: string | null, size: Size = ghostSize): XY {
  const anchor = anchorOf(boxes, afterNodeId);
  if (!anchor) return { x: 0, y: 0 };
  let spot = { x: Math.round(anchor.x + anchor.width + gap), y: Math.round(anchor.y) };
  for (let i = 0; i < 40; i++) {
    const blocker = boxes.find((box) => overlaps({ ...spot, ...size }, box));
    if (!blocker) break;
    spot = { x: Math.round(blocker.x + blocker.width + gap), y: spot.y };
  }
  return spot;
}

export type FindingSeverity = ReviewFinding['severity'];

const rank: Record<FindingSeverity, number> = { info: 0, warning: 1, problem: 2 };

/** One pin per node with findings: the worst severity, every message. */
export interface FindingPin extends XY {
  nodeId: string;
  severity: FindingSeverity;
  messages: string[];
}

/**
 * The pins for `findings`: at the top-right corner of each finding's node, one per node.
 * Findings about the whole journey (nodeId null), or about a node that is not on the
 * canvas or hidden by a layer, get no pin (the findings list still shows them).
 */
export function findingPins(findings: readonly ReviewFinding[], boxes: readonly NodeBox[]): FindingPin[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const pins = new Map<string, FindingPin>();
  for (const finding of findings) {
    const box = finding.nodeId === null ? undefined : byId.get(finding.nodeId);
    if (!box || box.hidden) continue;
    const pin = pins.get(box.id);
    if (!pin) {
      pins.set(box.id, {
        nodeId: box.id,
        x: box.x + box.width,
        y: box.y,
        severity: finding.severity,
        messages: [finding.message],
      });
      continue;
    }
    pin.messages.push(finding.message);
    if (rank[finding.severity] > rank[pin.severity]) pin.severity = finding.severity;
  }
  return [...pins.values()];
}

/** Whether `box` (flow coordinates) is wholly inside a pane of `pane` size at `transform` ([x, y, zoom]). */
export function boxInView(box: XY & Size, transform: readonly [number, number, number], pane: Size): boolean {
  const [tx, ty, zoom] = transform;
  if (!(zoom > 0)) return false;
  const left = -tx / zoom;
  const top = -ty / zoom;
  return (
    box.x >= left &&
    box.y >= top &&
    box.x + box.width <= left + pane.width / zoom &&
    box.y + box.height <= top + pane.height / zoom
  );
}

/** The shift (in screen pixels) that brings `[start, end)` into `[0, size)` with `margin`; 0 when it is there. */
function shiftInto(start: number, end: number, size: number, margin: number): number {
  if (start >= margin && end <= size - margin) return 0;
  if (end - start > size - 2 * margin || start < margin) return margin - start;
  return size - margin - end;
}

/**
 * The viewport translation that brings `box` on screen by panning as little as possible
 * (the zoom kept, `margin` screen pixels from the edges); null when it is in view.
 */
export function panToReveal(
  box: XY & Size,
  transform: readonly [number, number, number],
  pane: Size,
  margin = 40,
): XY | null {
  const [tx, ty, zoom] = transform;
  if (!(zoom > 0) || boxInView(box, transform, pane)) return null;
  const dx = shiftInto(tx + box.x * zoom, tx + (box.x + box.width) * zoom, pane.width, margin);
  const dy = shiftInto(ty + box.y * zoom, ty + (box.y + box.height) * zoom, pane.height, margin);
  return { x: tx + dx, y: ty + dy };
}
