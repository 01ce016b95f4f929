import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { BrowserWindow, Rectangle } from 'electron';

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(640).max(20_000),
  height: z.number().int().min(480).max(20_000),
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof stateSchema>;

const fallback: WindowState = { x: -1, y: -1, width: 1280, height: 820, maximized: false };

/** Reads the saved window bounds; a missing or damaged file gives the defaults. */
export function loadWindowState(file: string, displays: Rectangle[]): WindowState {
  let state: WindowState;
  try {
    state = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // First launch, or a hand-edited file: fall back to a centred default window.
    return fallback;
  }
  const visible = displays.some(
    (d) =>
      state.x < d.x + d.width - 50 &&
      state.x + state.width > d.x + 50 &&
      state.y >= d.y - 10 &&
      state.y < d.y + d.height - 50,
  );
  return visible ? state : { ...fallback, width: state.width, height: state.height, maximized: state.maximized };
}

/** Saves the window's bounds whenever it moves, resizes or closes. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    try {
      writeFileSync(file, JSON.stringify(state));
    } catch {
      // Best effort: losing the window position is not worth interrupting the user.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
