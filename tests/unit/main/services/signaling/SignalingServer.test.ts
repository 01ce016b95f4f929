import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  SignalingCloseReason,
  SignalingServer,
  type SignalingServerOptions,
} from '../../../../../src/main/services/signaling/SignalingServer';
import { MAX_TOPICS_PER_CLIENT } from '../../../../../src/main/services/signaling/signalingMessages';
import { SignalingPeer } from '../../../../helpers/signalingPeer';

const servers: SignalingServer[] = [];
const peers: SignalingPeer[] = [];

async function server(options: Partial<SignalingServerOptions> = {}): Promise<SignalingServer> {
  const s = await SignalingServer.start({ host: '127.0.0.1', port: 0, ...options });
  servers.push(s);
  return s;
}

async function peer(s: SignalingServer, path = '/', options?: WebSocket.ClientOptions): Promise<SignalingPeer> {
  const p = await SignalingPeer.connect(`ws://127.0.0.1:${s.port}${path}`, options);
  peers.push(p);
  return p;
}

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('SignalingServer routing', () => {
  it('answers a plain GET as a health check and refuses other methods', async () => {
    const s = await server();
    const get = await fetch(`http://127.0.0.1:${s.port}/anything`);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('maily signaling');
    expect((await fetch(`http://127.0.0.1:${s.port}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('routes a publish to every subscriber of its topic and no one else, with the count', async () => {
    const s = await server();
    const [a, b, c] = [await peer(s), await peer(s, '/some/room/path?x=1'), await peer(s)];
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    c.send({ type: 'subscribe', topics: ['room-2'] });
    await Promise.all([a.barrier(), b.barrier(), c.barrier()]);
    expect(s.topics).toBe(2);
    expect(s.clients).toBe(3);

    a.send({ type: 'publish', topic: 'room-1', data: 'b64-ciphertext', smuggled: 'dropped' });
    const got = await b.next((m) => m.type === 'publish');
    expect(got).toEqual({ type: 'publish', topic: 'room-1', data: 'b64-ciphertext', clients: 2 });
    await a.next((m) => m.type === 'publish'); // y-webrtc senders hear themselves and skip by peer id
    await c.barrier();
    expect(c.publishes('room-1')).toEqual([]);
  });

  it('stops routing after unsubscribe and forgets empty topics', async () => {
    const s = await server();
    const [a, b] = [await peer(s), await peer(s)];
    a.send({ type: 'subscribe', topics: ['r'] });
    b.send({ type: 'subscribe', topics: ['r'] });
    await Promise.all([a.barrier(), b.barrier()]);
    b.send({ type: 'unsubscribe', topics: ['r'] });
    await b.barrier();
    a.send({ type: 'publish', topic: 'r', data: { n: 1 } });
    expect((await a.next((m) => m.type === 'publish')).clients).toBe(1);
    await b.barrier();
    expect(b.publishes('r')).toEqual([]);
    a.send({ type: 'unsubscribe', topics: ['r'] });
    await a.barrier();
    expect(s.topics).toBe(0);
    a.close();
    await a.closed;
    await expect.poll(() => s.clients).toBe(1);
  });

  it('answers ping with pong', async () => {
    const s = await server();
    const a = await peer(s);
    a.send({ type: 'ping' });
    expect(await a.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('speaks the frames y-webrtc 10.3 sends (subscribe on connect, encrypted announce, signal, unsubscribe)', async () => {
    const s = await server();
    const [a, b] = [await peer(s), await peer(s)];
    // Copied from y-webrtc/src/y-webrtc.js: SignalingConn 'connect', publishSignalingMessage, Room.disconnect.
    a.send({ type: 'subscribe', topics: [] });
    a.send({ type: 'subscribe', topics: ['maily-room'] });
    b.send({ type: 'subscribe', topics: ['maily-room'] });
    await Promise.all([a.barrier(), b.barrier()]);
    a.send({ type: 'publish', topic: 'maily-room', data: 'AAECAwQFBgcICQ==' });
    const signal = { to: 'peer-b', from: 'peer-a', type: 'signal', token: 0.5, signal: { type: 'offer', sdp: 'v=0' } };
    a.send({ type: 'publish', topic: 'maily-room', data: signal });
    await b.next((m) => m.type === 'publish' && typeof m.data === 'object');
    expect(b.publishes('maily-room').map((m) => m.data)).toEqual(['AAECAwQFBgcICQ==', signal]);
    a.send({ type: 'unsubscribe', topics: ['maily-room'] });
    await a.barrier();
    expect(s.topics).toBe(1);
  });

  it("works with y-webrtc's own SignalingConn (lib0 websocket client)", async () => {
    const s = await server();
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    const { SignalingConn } = await import('y-webrtc');
    const conn = new SignalingConn(`ws://127.0.0.1:${s.port}`);
    try {
      await expect.poll(() => conn.connected).toBe(true);
      const messages: unknown[] = [];
      conn.on('message', (m: unknown) => messages.push(m));
      conn.send({ type: 'subscribe', topics: ['lib0-room'] });
      const other = await peer(s);
      await expect.poll(() => s.topics).toBe(1);
      other.send({ type: 'publish', topic: 'lib0-room', data: 'hello' });
      await expect.poll(() => messages).toEqual([{ type: 'publish', topic: 'lib0-room', data: 'hello', clients: 1 }]);
    } finally {
      conn.destroy();
      globalThis.WebSocket = previous;
    }
  });
});

describe('SignalingServer hardening', () => {
  it('closes a client sending an oversized frame with 1009 while others keep working', async () => {
    const s = await server({ maxPayloadBytes: 256 * 1024 });
    const [big, ok] = [await peer(s), await peer(s)];
    big.send({ type: 'publish', topic: 'r', data: 'x'.repeat(300 * 1024) });
    expect((await big.closed).code).toBe(1009);
    await ok.barrier();
    expect(ok.isOpen).toBe(true);
  });

  it('ignores garbage, binary and wrong-shape frames, and closes a client that keeps sending them', async () => {
    const s = await server({ maxBadFrames: 5 });
    const [bad, ok] = [await peer(s), await peer(s)];
    ok.send({ type: 'subscribe', topics: ['r'] });
    await ok.barrier();
    bad.sendRaw('not json {');
    bad.sendRaw(Buffer.from([0x81, 0x00, 0xff]));
    bad.send({ type: 'subscribe', topics: 'r' });
    bad.send({ type: 'publish', topic: 'x'.repeat(257), data: 1 });
    await bad.barrier(); // four strikes: still served
    bad.send({ type: 'shout', topic: 'r' });
    expect(await bad.closed).toEqual({ code: 1008, reason: SignalingCloseReason.Malformed });
    await ok.barrier();
    expect(ok.publishes('r')).toEqual([]);
  });

  it(`refuses topics beyond ${MAX_TOPICS_PER_CLIENT} per client`, async () => {
    const s = await server();
    const [greedy, other] = [await peer(s), await peer(s)];
    const topics = Array.from({ length: MAX_TOPICS_PER_CLIENT + 1 }, (_, i) => `t${i}`);
    greedy.send({ type: 'subscribe', topics });
    await greedy.barrier();
    expect(s.topics).toBe(MAX_TOPICS_PER_CLIENT);
    other.send({ type: 'publish', topic: `t${MAX_TOPICS_PER_CLIENT}`, data: 1 });
    other.send({ type: 'publish', topic: 't0', data: 2 });
    await greedy.next((m) => m.type === 'publish' && m.topic === 't0');
    expect(greedy.publishes(`t${MAX_TOPICS_PER_CLIENT}`)).toEqual([]);
  });

  it('closes a flooding client with a rate-limit reason and keeps serving the others', async () => {
    const s = await server({ rateBurst: 20, ratePerSecond: 10 });
    const [flood, ok] = [await peer(s), await peer(s)];
    for (let i = 0; i < 200; i++) flood.send({ type: 'ping' });
    expect(await flood.closed).toEqual({ code: 1008, reason: SignalingCloseReason.RateLimited });
    expect(flood.received.length).toBeLessThanOrEqual(21);
    await ok.barrier();
  });

  it('drops a client that stops answering pings and keeps one that answers', async () => {
    const s = await server({ pingIntervalMs: 100 });
    const silent = await peer(s, '/', { autoPong: false });
    const alive = await peer(s);
    const started = Date.now();
    expect((await silent.closed).code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(alive.isOpen).toBe(true);
    expect(s.clients).toBe(1);
  });
});

describe('SignalingServer binding and close', () => {
  it('accepts connections only on the address it is bound to', async (ctx) => {
    // 127.0.0.2 is another loopback address on Linux; elsewhere it may not exist.
    const other = await SignalingServer.start({ host: '127.0.0.2', port: 0 }).catch(() => null);
    if (!other) return ctx.skip();
    servers.push(other);
    peers.push(await SignalingPeer.connect(`ws://127.0.0.2:${other.port}`));
    await expect(SignalingPeer.connect(`ws://127.0.0.1:${other.port}`)).rejects.toThrow(/ECONNREFUSED/);
    const s = await server({ host: '127.0.0.1' });
    await expect(SignalingPeer.connect(`ws://127.0.0.2:${s.port}`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('close() drops every client and frees the port', async () => {
    const s = await SignalingServer.start({ host: '127.0.0.1', port: 0 });
    const a = await peer(s);
    await s.close();
    await s.close(); // idempotent
    expect((await a.closed).code).toBe(1006);
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(s.port, '127.0.0.1', () => resolve());
    });
    await new Promise((resolve) => probe.close(resolve));
  });
});
