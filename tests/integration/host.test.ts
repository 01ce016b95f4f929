import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startHost, type HostProcess } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

const hosts: HostProcess[] = [];
const clients: TestClient[] = [];

async function host(dataDir?: string): Promise<HostProcess> {
  const h = await startHost(dataDir);
  hosts.push(h);
  return h;
}

async function client(h: HostProcess): Promise<TestClient> {
  const c = await TestClient.connect(h.origin, h.token);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(hosts.splice(0).map((h) => h.stop('SIGKILL')));
});

/** A Y.Doc edit shaped like the journey model: one node with a label. */
function nodeUpdate(doc: Y.Doc, id: string, label: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (captured = u);
  doc.on('update', capture);
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    node.set('kind', 'note');
    node.set('x', 0);
    node.set('y', 0);
    const data = new Y.Map<unknown>();
    data.set('text', label);
    data.set('color', 'yellow');
    node.set('data', data);
    doc.getMap('nodes').set(id, node);
  });
  doc.off('update', capture);
  return captured!;
}

function labelsOf(state: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const nodes = doc.getMap<Y.Map<unknown>>('nodes');
  return [...nodes.values()].map((n) => (n.get('data') as Y.Map<string>).get('text')!).sort();
}

describe('headless host over its WebSocket with a real SQLite file', () => {
  it('keeps campaigns and documents across a restart', async () => {
    const first = await host();
    const c = await client(first);
    const campaign = await c.call('campaigns:create', { name: 'Spring welcome' });
    await c.call('docs:open', { campaignId: campaign.id });
    const doc = new Y.Doc();
    const ack = await c.call('docs:update', { campaignId: campaign.id, update: nodeUpdate(doc, 'n1', 'hello') });
    expect(ack.seq).toBeGreaterThan(0);
    c.close();
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await host(first.dataDir);
    const c2 = await client(second);
    const list = await c2.call('campaigns:list', {});
    expect(list.map((x) => x.name)).toEqual(['Spring welcome']);
    const opened = await c2.call('docs:open', { campaignId: campaign.id });
    expect(labelsOf(opened.state)).toEqual(['hello']);
  });

  it('loses nothing acknowledged as saved when killed with SIGKILL', async () => {
    const first = await host();
    const c = await client(first);
    const campaign = await c.call('campaigns:create', { name: 'Crash test' });
    await c.call('docs:open', { campaignId: campaign.id });
    const doc = new Y.Doc();
    const acked: string[] = [];
    for (let i = 0; i < 150; i++) {
      await c.call('docs:update', { campaignId: campaign.id, update: nodeUpdate(doc, `n${i}`, `label ${i}`) });
      acked.push(`label ${i}`);
    }
    first.process.kill('SIGKILL');
    await first.stop('SIGKILL');

    const second = await host(first.dataDir);
    const c2 = await client(second);
    const opened = await c2.call('docs:open', { campaignId: campaign.id });
    expect(opened.readOnly).toBe(false);
    expect(labelsOf(opened.state)).toEqual([...acked].sort());
  });

  it('rejects malformed frames with typed errors and keeps serving the same socket', async () => {
    const h = await host();
    const c = await client(h);
    c.sendRaw('{"t":"req","id":1,"ch":"app:info","in":{}}');
    c.sendRaw(Buffer.from([0xc1, 0xff, 0x00, 0x13]));
    c.sendRaw(Buffer.from([0x93, 0x01, 0x02, 0x03])); // valid MessagePack, wrong shape
    await expect.poll(() => c.orphanErrors.length).toBe(3);
    expect(c.orphanErrors.map((e) => (e.ok ? 'ok' : e.error.code))).toEqual([
      'E_MALFORMED_FRAME',
      'E_MALFORMED_FRAME',
      'E_MALFORMED_FRAME',
    ]);

    const unknown = await c.request('campaigns:explode', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('E_UNKNOWN_CHANNEL');
    const invalid = await c.request('campaigns:create', { name: 42 });
    expect(invalid.ok ? null : invalid.error.code).toBe('E_INVALID_INPUT');
    const missing = await c.request('docs:open', { campaignId: 'does-not-exist' });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
    const campaign = await c.call('campaigns:create', { name: 'Hostile' });
    const bad = await c.request('docs:update', {
      campaignId: campaign.id,
      update: new Uint8Array([1, 2, 3, 4, 5, 250, 250]),
    });
    expect(bad.ok ? null : bad.error.code).toBe('E_BAD_UPDATE');

    const info = await c.call('app:info', {});
    expect(info.host).toBe('headless');
    expect(c.isOpen).toBe(true);
  });

  it('refuses oversized payloads and keeps serving other clients', async () => {
    const h = await host();
    const c = await client(h);
    const campaign = await c.call('campaigns:create', { name: 'Big' });
    const tooBigUpdate = await c.request('docs:update', {
      campaignId: campaign.id,
      update: new Uint8Array(3 * 1024 * 1024),
    });
    expect(tooBigUpdate.ok ? null : tooBigUpdate.error.code).toBe('E_INVALID_INPUT');

    c.sendRaw(Buffer.alloc(5 * 1024 * 1024, 0x41));
    expect(await c.waitClosed()).toBe(1009);

    const other = await client(h);
    expect((await other.call('campaigns:list', {})).map((x) => x.name)).toEqual(['Big']);
  });

  it('refuses a wrong or missing token with 401 and keeps serving', async () => {
    const h = await host();
    await expect(TestClient.connect(h.origin, 'not-the-token')).rejects.toThrow('401');
    await expect(TestClient.connect(h.origin, '')).rejects.toThrow('401');
    await expect(TestClient.connect(h.origin, h.token, '/other')).rejects.toThrow('401');
    const ok = await client(h);
    expect((await ok.call('app:info', {})).name).toBe('Maily');
  });

  it('pushes updates to other sessions that have the campaign open', async () => {
    const h = await host();
    const a = await client(h);
    const b = await client(h);
    const campaign = await a.call('campaigns:create', { name: 'Shared' });
    await a.call('docs:open', { campaignId: campaign.id });
    await b.call('docs:open', { campaignId: campaign.id });
    await a.call('docs:update', { campaignId: campaign.id, update: nodeUpdate(new Y.Doc(), 'x', 'from a') });
    await expect.poll(() => b.events.filter((e) => e.ev === 'docs:remoteUpdate').length).toBe(1);
    expect(a.events.filter((e) => e.ev === 'docs:remoteUpdate')).toHaveLength(0);
    expect(b.events.some((e) => e.ev === 'campaigns:changed')).toBe(true);
  });

  it('serves the renderer with a CSP and never files outside it', async () => {
    const h = await host();
    const page = await fetch(`${h.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const escape = await fetch(`${h.origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
    expect((await fetch(`${h.origin}/healthz`)).status).toBe(200);
  });
});
