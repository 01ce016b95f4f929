import type { LocalPresence } from '../../../../shared/collab/presence';
import { maxSelectionIds } from './selectionStyle';

/** Longest id presence carries; longer ones would make peers drop our whole state. */
const maxIdLength = 64;

/** The selected node ids as presence carries them: short ids only, at most 500. */
export function selectionPresence(ids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (id.length > maxIdLength) continue;
    out.push(id);
    if (out.length === maxSelectionIds) break;
  }
  return out;
}

type Viewport = NonNullable<LocalPresence['viewport']>;

/** React Flow's transform `[x, y, zoom]` as presence; null while it is not a usable viewport. */
export function viewportPresence([x, y, zoom]: readonly [number, number, number]): Viewport | null {
  return Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(zoom) && zoom > 0 ? { x, y, zoom } : null;
}

/** Whether two viewports are the same to the eye (so following does not animate for nothing). */
export function sameViewport(a: Viewport | null | undefined, b: Viewport | null | undefined): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}
