import { kindInfo } from '../../../shared/journey';
import type { FlowNode } from './flowTypes';

/**
 * What the mini map draws, as a handful of SVG paths instead of one element per node:
 * a 2,000-step journey as 2,000 `<rect>`s costs style, layout and paint on every pan
 * frame (the viewport mask over them moves), a few paths cost next to nothing.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** All nodes of one colour, as one path of rectangles. */
export interface MiniMapPath {
  colour: string;
  d: string;
}

export interface MiniMapShapes {
  paths: MiniMapPath[];
  /** Around every shown node; null when none is shown. */
  bounds: Rect | null;
}

const groupColours: Record<string, string> = {
  Start: '#1f9d55',
  Actions: '#2f6fde',
  Timing: '#c77c02',
  Logic: '#7a4fd6',
  End: '#d14343',
  Annotate: '#e0b400',
};

const otherColour = '#888';

/** The mini map colour of a node: its palette group's. */
export function miniMapColour(node: FlowNode): string {
  return groupColours[kindInfo[node.type]?.group] ?? otherColour;
}

/** The node's size as React Flow sizes it: measured, else given, else estimated. */
function sizeOf(node: FlowNode): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? node.initialWidth ?? 0,
    height: node.measured?.height ?? node.height ?? node.initialHeight ?? 0,
  };
}

/** The shown nodes (not hidden, with a size) as one path per colour, and their bounds. */
export function miniMapShapes(nodes: readonly FlowNode[]): MiniMapShapes {
  const parts = new Map<string, string[]>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const { width, height } = sizeOf(node);
    if (node.hidden || width <= 0 || height <= 0) continue;
    const { x, y } = node.position;
    const colour = miniMapColour(node);
    let list = parts.get(colour);
    if (!list) parts.set(colour, (list = []));
    list.push(`M${Math.round(x)} ${Math.round(y)}h${Math.round(width)}v${Math.round(height)}h${-Math.round(width)}z`);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  const paths = [...parts].map(([colour, list]) => ({ colour, d: list.join('') }));
  const bounds = paths.length > 0 ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
  return { paths, bounds };
}

/** The flow area a viewport shows: `transform` is React Flow's [x, y, zoom]. */
export function viewRect(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

export interface MiniMapFrame {
  /** The flow area the map shows (its SVG viewBox, in the map's aspect ratio). */
  viewBox: Rect;
  /** Flow units per map pixel. */
  scale: number;
}

/**
 * What a map of `size` pixels shows: the nodes and the viewport, centred, at least
 * `margin` pixels from its edges (as React Flow's own mini map frames them).
 */
export function miniMapFrame(
  bounds: Rect | null,
  view: Rect,
  size: { width: number; height: number },
  margin = 5,
): MiniMapFrame {
  const box = bounds ? union(bounds, view) : view;
  const scale = Math.max(box.width / (size.width - 2 * margin), box.height / (size.height - 2 * margin)) || 1;
  const width = scale * size.width;
  const height = scale * size.height;
  return {
    viewBox: { x: box.x - (width - box.width) / 2, y: box.y - (height - box.height) / 2, width, height },
    scale,
  };
}

/** The mask that greys out all but the viewport (draw with `fill-rule: evenodd`). */
export function maskPath(viewBox: Rect, view: Rect): string {
  const outer = `M${viewBox.x},${viewBox.y}h${viewBox.width}v${viewBox.height}h${-viewBox.width}z`;
  return `${outer}M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
}
