import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SignalingStatus } from '../../src/shared/collab/team';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { SignalingPeer } from '../helpers/signalingPeer';
import { TestClient } from '../helpers/wsClient';

const hosts: HostProcess[] = [];
const peers: SignalingPeer[] = [];
const clients: TestClient[] = [];

async function host(dataDir = tempDataDir(), port = '0'): Promise<HostProcess> {
  const h = await startHost(dataDir, ['--signaling-port', port, '--signaling-host', '127.0.0.1']);
  hosts.push(h);
  return h;
}

async function peer(url: string): Promise<SignalingPeer> {
  const p = await SignalingPeer.connect(url);
  peers.push(p);
  return p;
}

async function signalingStatus(h: HostProcess): Promise<SignalingStatus> {
  const c = await TestClient.connect(h.origin, h.token);
  clients.push(c);
  const envelope = await c.request('signaling:get', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  for (const c of clients.splice(0)) c.close();
  await Promise.all(hosts.splice(0).map((h) => h.stop('SIGKILL')));
});

describe('maily serve --signaling-port', () => {
  it('prints the signaling address, routes a publish between two clients and stores nothing', async () => {
    const dataDir = tempDataDir();
    const h = await host(dataDir);
    expect(h.signalingUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(h.signalingUrl!.replace('ws:', 'http:'));
    expect(await health.text()).toBe('maily signaling');
    expect(await signalingStatus(h)).toMatchObject({ state: 'running', clients: 0, urls: [h.signalingUrl] });

    const [a, b] = [await peer(h.signalingUrl!), await peer(`${h.signalingUrl}/any/path`)];
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    await Promise.all([a.barrier(), b.barrier()]);
    a.send({ type: 'publish', topic: 'room', data: 'ciphertext' });
    expect(await b.next((m) => m.type === 'publish')).toEqual({
      type: 'publish',
      topic: 'room',
      data: 'ciphertext',
      clients: 2,
    });

    await hosts.pop()!.stop('SIGTERM');
    const plain = await startHost(dataDir);
    hosts.push(plain);
    expect(plain.signalingUrl).toBeUndefined();
    expect(await signalingStatus(plain)).toMatchObject({ enabled: false, port: 4444, state: 'off' });
  });

  it('drops a client sending garbage or oversized frames and keeps serving the other', async () => {
    const h = await host();
    const [good, garbage, huge] = [
      await peer(h.signalingUrl!),
      await peer(h.signalingUrl!),
      await peer(h.signalingUrl!),
    ];
    good.send({ type: 'subscribe', topics: ['room'] });
    await good.barrier();
    for (let i = 0; i < 10; i++) garbage.sendRaw(i % 2 ? '{"type":' : Buffer.from([i]));
    huge.send({ type: 'publish', topic: 'room', data: 'x'.repeat(1024 * 1024) });
    expect((await garbage.closed).code).toBe(1008);
    expect((await huge.closed).code).toBe(1009);
    const sender = await peer(h.signalingUrl!);
    sender.send({ type: 'publish', topic: 'room', data: 'still here' });
    expect((await good.next((m) => m.type === 'publish')).data).toBe('still here');
    expect(good.publishes('room')).toHaveLength(1);
  });

  it('is reachable again by a reconnecting y-webrtc client after the host stops and another starts on the same port', async () => {
    const dataDir = tempDataDir();
    const first = await host(dataDir);
    const port = new URL(first.signalingUrl!).port;
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    const { SignalingConn } = await import('y-webrtc');
    const conn = new SignalingConn(first.signalingUrl!);
    try {
      await expect.poll(() => conn.connected).toBe(true);
      expect(await hosts.pop()!.stop('SIGTERM')).toBe(0);
      await expect.poll(() => conn.connected).toBe(false);

      const second = await host(dataDir, port);
      expect(second.signalingUrl).toBe(first.signalingUrl);
      // lib0 retries with a backoff of at most 2.5 s; y-webrtc subscribes its rooms on 'connect'.
      await expect.poll(() => conn.connected, { timeout: 10_000 }).toBe(true);
      const messages: { type: string; data?: unknown }[] = [];
      conn.on('message', (m: { type: string }) => messages.push(m));
      conn.send({ type: 'subscribe', topics: ['room'] });
      const other = await peer(second.signalingUrl!);
      await expect.poll(async () => (await signalingStatus(second)).clients).toBe(2);
      other.send({ type: 'publish', topic: 'room', data: 'back' });
      await expect.poll(() => messages.find((m) => m.type === 'publish')?.data).toBe('back');
    } finally {
      conn.destroy();
      globalThis.WebSocket = previous;
    }
  });
});
