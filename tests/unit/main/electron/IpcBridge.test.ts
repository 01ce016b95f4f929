import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

// Electron cannot run on the CI machines; this stands in for ipcMain only, so the
// bridge's own checks run against the real host and services.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { IpcBridge } = await import('../../../../src/main/electron/IpcBridge');
const { IPC_INVOKE } = await import('../../../../src/shared/api/ipc');

const trusted = 'file:///app/out/renderer/index.html';

function fakeSender(url: string, subframe = false) {
  const mainFrame = { url };
  const listeners: Record<string, () => void> = {};
  const sender = {
    id: Math.floor(Math.random() * 1e9),
    mainFrame,
    isDestroyed: () => false,
    send: vi.fn(),
    once: (event: string, fn: () => void) => (listeners[event] = fn),
    on: vi.fn(),
  };
  return { sender, senderFrame: subframe ? { url } : mainFrame, listeners };
}

let env: InProcess;
afterEach(async () => env?.dispose());

describe('IpcBridge', () => {
  it('answers our renderer and refuses other origins and subframes', async () => {
    env = inProcessHost();
    const bridge = new IpcBridge(env.host, (url) => url === trusted);
    const invoke = handlers.get(IPC_INVOKE)!;
    const ok = await invoke(fakeSender(trusted), 'app:info', {});
    expect(ok).toMatchObject({ ok: true, value: { name: 'Maily' } });
    expect(await invoke(fakeSender('https://evil.example/'), 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'E_UNAUTHORIZED' },
    });
    expect(await invoke(fakeSender(trusted, true), 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'E_UNAUTHORIZED' },
    });
    expect(await invoke(fakeSender(trusted), 'campaigns:create', { name: 7 })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT' },
    });
    bridge.dispose();
    expect(handlers.has(IPC_INVOKE)).toBe(false);
  });

  it('pushes events to the window that belongs to the session', async () => {
    env = inProcessHost();
    const bridge = new IpcBridge(env.host, () => true);
    const invoke = handlers.get(IPC_INVOKE)!;
    const a = fakeSender(trusted);
    await invoke(a, 'campaigns:create', { name: 'Hello' });
    expect(a.sender.send).toHaveBeenCalledWith(
      'maily:event',
      'campaigns:changed',
      expect.objectContaining({ id: expect.any(String) }),
    );
    bridge.dispose();
  });
});
