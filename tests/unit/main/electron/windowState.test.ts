import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState } from '../../../../src/main/electron/windowState';

const display = { x: 0, y: 0, width: 1920, height: 1080 };
const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'maily-ws-')), 'window-state.json');
  writeFileSync(path, content);
  return path;
};

describe('window state', () => {
  it('restores saved bounds that are on a screen', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    expect(loadWindowState(file(JSON.stringify(saved)), [display])).toEqual(saved);
  });

  it('recentres a window saved on a screen that is gone, keeping its size', () => {
    const saved = { x: 4000, y: 80, width: 1200, height: 800, maximized: false };
    expect(loadWindowState(file(JSON.stringify(saved)), [display])).toMatchObject({
      x: -1,
      y: -1,
      width: 1200,
      height: 800,
    });
  });

  it('falls back to defaults for a missing or damaged file', () => {
    expect(loadWindowState('/nonexistent/state.json', [display]).width).toBe(1280);
    expect(loadWindowState(file('{"x": "oops"'), [display]).width).toBe(1280);
    expect(loadWindowState(file('{"x":1,"y":1,"width":10,"height":10,"maximized":false}'), [display]).width).toBe(1280);
  });
});
