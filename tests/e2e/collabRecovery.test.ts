import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../../src/shared/journey/ydoc';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { launchPeerBrowser, nodeCount, nodeLabels, openPeerPage } from '../helpers/peers';
import { TestClient } from '../helpers/wsClient';

/**
 * Sync under trouble: a headless team node serves signaling and goes away and comes
 * back; a peer sends garbage and truncated updates; both join at the same moment.
 */
let signaling: HostProcess;
let hostA: HostProcess;
let hostB: HostProcess;
const browsers: Browser[] = [];
const errors: string[][] = [];
let a: Page;
let b: Page;
let signalingDir = '';
let signalingPort = '';

/** Records every data channel the page sends on, so the test can send garbage on it. */
const recordChannels = () => {
  const w = window as unknown as { __channels: Set<RTCDataChannel> };
  w.__channels = new Set();
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
    w.__channels.add(this);
    return send.call(this, data);
  };
};

async function setUp(): Promise<string> {
  const clientA = await TestClient.connect(hostA.origin, hostA.token);
  await clientA.call('profile:set', { name: 'Ana', colour: '#e5484d' });
  const { id } = await clientA.call('campaigns:create', { name: 'Launch' });
  const doc = new Y.Doc();
  addNode(doc, 'entry', { x: 0, y: 0 });
  await clientA.call('docs:update', { campaignId: id, update: Y.encodeStateAsUpdate(doc) });
  const team = await clientA.call('teams:create', { name: 'Growth', signaling: [signaling.signalingUrl!] });
  const invite = await clientA.call('teams:invite', { teamId: team.id, campaignId: id });
  clientA.close();
  const clientB = await TestClient.connect(hostB.origin, hostB.token);
  await clientB.call('profile:set', { name: 'Ben', colour: '#0090ff' });
  await clientB.call('teams:join', { invite: invite.code });
  clientB.close();
  return id;
}

async function page(host: HostProcess, record = false): Promise<Page> {
  const browser = await launchPeerBrowser();
  browsers.push(browser);
  const opened = await openPeerPage(browser, 'about:blank');
  if (record) await opened.context.addInitScript(recordChannels);
  await opened.page.goto(host.url);
  errors.push(opened.errors);
  return opened.page;
}

const peers = (p: Page) => p.locator('[data-sync-peers]').getAttribute('data-sync-peers');
const open = (p: Page) => p.getByRole('button', { name: 'Open Launch' }).click();
/** Loads the app afresh at its campaigns screen: a new window, so a new peer. */
async function relaunch(p: Page, host: HostProcess) {
  await p.goto('about:blank');
  await p.goto(host.url);
}

beforeAll(async () => {
  signalingDir = tempDataDir();
  [signaling, hostA, hostB] = await Promise.all([
    startHost(signalingDir, ['--signaling-port', '0', '--signaling-host', '127.0.0.1']),
    startHost(),
    startHost(),
  ]);
  signalingPort = new URL(signaling.signalingUrl!).port;
  await setUp();
  [a, b] = await Promise.all([page(hostA), page(hostB, true)]);
});

afterAll(async () => {
  await Promise.all(browsers.map((br) => br.close()));
  await Promise.all([signaling, hostA, hostB].map((h) => h?.stop()));
});

describe('sync under trouble', () => {
  it('connects two peers that open the campaign at the same moment, every time', async () => {
    for (let round = 0; round < 3; round++) {
      if (round > 0) await Promise.all([relaunch(a, hostA), relaunch(b, hostB)]);
      await Promise.all([open(a), open(b)]);
      await expect.poll(() => peers(a), { timeout: 20_000 }).toBe('1');
      await expect.poll(() => peers(b), { timeout: 20_000 }).toBe('1');
    }
    await expect.poll(() => nodeCount(b)).toBe(1);
  });

  it('drops garbage and truncated updates from a peer, logs them with its id, and keeps syncing', async () => {
    const before = await nodeLabels(a);
    const sent = await b.evaluate(() => {
      const channels = [...(window as unknown as { __channels: Set<RTCDataChannel> }).__channels];
      const open = channels.filter((c) => c.readyState === 'open');
      const bad = [
        new Uint8Array([0, 2, 50, 1, 2, 3]), // an update that claims 50 bytes and has 3
        new Uint8Array([0, 2, 6, 255, 255, 255, 255, 255, 255]), // not a Yjs update at all
        new Uint8Array([9, 9, 9]), // an unknown message type
        new Uint8Array([1, 8, 1, 42, 1, 4, 123, 110, 111, 116]), // presence that is not JSON
      ];
      for (const channel of open) for (const message of bad) channel.send(message);
      return open.length;
    });
    expect(sent).toBeGreaterThan(0);
    await a.locator('[data-sync-peers]').click();
    await expect
      .poll(() =>
        a
          .getByRole('list', { name: 'Recent sync events' })
          .getByText(/Dropped .* from peer/)
          .count(),
      )
      .toBeGreaterThanOrEqual(4);
    expect(await nodeLabels(a)).toEqual(before);
    await b.getByRole('button', { name: 'Add Email', exact: true }).click();
    await expect.poll(() => nodeCount(a)).toBe(before.length + 1);
    expect(await peers(a)).toBe('1');
  });

  it('keeps syncing when the signaling server goes away, and finds peers again when it is back', async () => {
    await signaling.stop();
    await b.locator('[data-sync-peers]').click();
    await b.getByText(/ws:\/\/127\.0\.0\.1:\d+ — not reachable/).waitFor({ timeout: 15_000 });
    const count = await nodeCount(b);
    await a.getByRole('button', { name: 'Add Delay', exact: true }).click();
    await expect.poll(() => nodeCount(b)).toBe(count + 1); // the peer connection needs no server

    signaling = await startHost(signalingDir, ['--signaling-port', signalingPort, '--signaling-host', '127.0.0.1']);
    await relaunch(b, hostB); // a new peer: it can only find Ana through the restarted server
    await open(b);
    await expect.poll(() => peers(b), { timeout: 20_000 }).toBe('1');
    await a.getByRole('button', { name: 'Add Goal / Exit', exact: true }).click();
    await expect.poll(() => nodeCount(b), { timeout: 10_000 }).toBe(count + 2);
    expect(await nodeLabels(b)).toEqual(await nodeLabels(a));
    expect(errors.flat()).toEqual([]);
  });
});
