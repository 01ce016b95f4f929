import { createServer, type Server } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignalingStatus } from '../../../../../src/shared/collab/team';
import { SettingsStore } from '../../../../../src/main/services/settings/SettingsStore';
import {
  DEFAULT_SIGNALING_SETTINGS,
  describeListenError,
  SignalingService,
  signalingUrls,
  type SignalingServiceOptions,
} from '../../../../../src/main/services/signaling/SignalingService';
import { SignalingPeer } from '../../../../helpers/signalingPeer';
import { tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
const services: SignalingService[] = [];
const blockers: Server[] = [];

beforeEach(() => {
  ws = tempWorkspace();
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  await Promise.all(blockers.splice(0).map((b) => new Promise((r) => b.close(r))));
  ws.cleanup();
});

function service(options: SignalingServiceOptions = {}): SignalingService {
  const s = new SignalingService(new SettingsStore(ws.open()), options);
  services.push(s);
  return s;
}

/** Occupies a loopback port, as another program would. */
async function busyPort(): Promise<number> {
  const blocker = createServer();
  blockers.push(blocker);
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return (blocker.address() as { port: number }).port;
}

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('SignalingService', () => {
  it('is off by default and reports the defaults', async () => {
    const s = service();
    expect(await s.start()).toMatchObject({ ...DEFAULT_SIGNALING_SETTINGS, state: 'off', urls: [], boundPort: null });
  });

  it('keeps its settings across a reopen of the database and starts with them', async () => {
    const first = service();
    const running = await first.configure({ enabled: true, port: 0, host: '127.0.0.1' });
    expect(running).toMatchObject({ state: 'running', error: null, urls: [`ws://127.0.0.1:${running.boundPort}`] });
    await first.dispose();
    ws.open().dispose(); // the first service's database closes in cleanup; a second connection reads it
    const second = service();
    expect(second.status()).toMatchObject({ enabled: true, port: 0, host: '127.0.0.1', state: 'off' });
    expect((await second.start()).state).toBe('running');
  });

  it('turns a busy port into an error state that says what to do, then recovers on a free port', async () => {
    const port = await busyPort();
    const s = service();
    const failed = await s.configure({ enabled: true, port, host: '127.0.0.1' });
    expect(failed).toMatchObject({ state: 'error', boundPort: null, urls: [] });
    expect(failed.error).toBe(`Port ${port} is in use; choose another port.`);
    const ok = await s.configure({ enabled: true, port: 0, host: '127.0.0.1' });
    expect(ok).toMatchObject({ state: 'running', error: null });
    const peer = await SignalingPeer.connect(ok.urls[0]);
    peer.send({ type: 'ping' });
    await peer.next((m) => m.type === 'pong');
    await expect.poll(() => s.status().clients).toBe(1);
    peer.close();
  });

  it('frees the port when turned off', async () => {
    const s = service();
    const { boundPort } = await s.configure({ enabled: true, port: 0, host: '127.0.0.1' });
    const off = await s.configure({ enabled: false, port: 0, host: '127.0.0.1' });
    expect(off).toMatchObject({ state: 'off', boundPort: null, clients: 0 });
    expect(await portIsFree(boundPort!)).toBe(true);
  });

  it('says what to change for each listen failure it knows', () => {
    const want = { enabled: true, port: 80, host: '10.9.9.9' };
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(describeListenError(failure('EACCES'), want)).toMatch(/^Port 80 needs administrator rights/);
    expect(describeListenError(failure('EADDRNOTAVAIL'), want)).toMatch(
      /^10\.9\.9\.9 is not an address of this machine/,
    );
    expect(describeListenError(failure('ENOTFOUND'), want)).toMatch(/not an address of this machine/);
    expect(describeListenError(new Error('boom'), want)).toBeNull();
  });

  it('tells listeners about starting, running, client counts and stopping; unsubscribe stops that', async () => {
    const s = service();
    const seen: SignalingStatus[] = [];
    const off = s.onChanged((status) => seen.push(status));
    const running = await s.configure({ enabled: true, port: 0, host: '127.0.0.1' });
    expect(seen.map((x) => x.state)).toEqual(['starting', 'running']);
    const peer = await SignalingPeer.connect(running.urls[0]);
    await expect.poll(() => seen.at(-1)?.clients).toBe(1);
    peer.close();
    await s.configure({ enabled: false, port: 0, host: '127.0.0.1' });
    expect(seen.at(-1)?.state).toBe('off');
    off();
    const count = seen.length;
    await s.configure({ enabled: true, port: 0, host: '127.0.0.1' });
    expect(seen.length).toBe(count);
  });

  it('keeps the state truthful under concurrent configure calls: the last one wins', async () => {
    const s = service();
    const calls = [
      s.configure({ enabled: true, port: 0, host: '127.0.0.1' }),
      s.configure({ enabled: false, port: 0, host: '127.0.0.1' }),
      s.configure({ enabled: true, port: 0, host: '127.0.0.1' }),
    ];
    const results = await Promise.all(calls);
    expect(results.map((r) => r.state)).toEqual(['running', 'off', 'running']);
    const last = s.status();
    expect(last.state).toBe('running');
    const peer = await SignalingPeer.connect(last.urls[0]);
    peer.close();
  });

  it('lets run-only overrides win without storing them', async () => {
    const s = service({ override: { enabled: true, port: 0, host: '127.0.0.1' } });
    expect((await s.start()).state).toBe('running');
    await s.dispose();
    expect(service().status()).toMatchObject(DEFAULT_SIGNALING_SETTINGS);
  });

  it('lists every LAN IPv4 address plus loopback for a wildcard bind, else the bound address', () => {
    const addr = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
      ({ address, family, internal }) as NetworkInterfaceInfo;
    const interfaces = {
      lo: [addr('127.0.0.1', 'IPv4', true), addr('::1', 'IPv6', true)],
      eth0: [addr('192.168.1.20', 'IPv4'), addr('fe80::1', 'IPv6')],
      wlan0: [addr('10.0.0.5', 'IPv4')],
    };
    const lan = ['ws://192.168.1.20:4444', 'ws://10.0.0.5:4444', 'ws://127.0.0.1:4444'];
    expect(signalingUrls('0.0.0.0', 4444, interfaces)).toEqual(lan);
    expect(signalingUrls('::', 4444, interfaces)).toEqual(lan);
    expect(signalingUrls('127.0.0.1', 4444, interfaces)).toEqual(['ws://127.0.0.1:4444']);
    expect(signalingUrls('::1', 4444, interfaces)).toEqual(['ws://[::1]:4444']);
  });
});
