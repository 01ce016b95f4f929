import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { addNode } from '../src/shared/journey/ydoc';
import { startHost, type HostProcess } from '../tests/helpers/hostProcess';
import { launchPeerBrowser, nodeCount, openPeerPage } from '../tests/helpers/peers';
import { TestClient } from '../tests/helpers/wsClient';
import { percentile, round, writeResult } from './results';

/**
 * Edit in one browser to render in the others, over real WebRTC between separately
 * launched Chromiums (one host each, signaling on a headless team node), on loopback.
 * The clock is each page's `performance.timeOrigin + now()`: one machine, one clock.
 */
async function setUpTeam(peers: number) {
  const signaling = await startHost(undefined, ['--signaling-port', '0', '--signaling-host', '127.0.0.1']);
  const hosts = await Promise.all(Array.from({ length: peers }, () => startHost()));
  const first = await TestClient.connect(hosts[0].origin, hosts[0].token);
  const { id } = await first.call('campaigns:create', { name: 'Bench' });
  const doc = new Y.Doc();
  addNode(doc, 'entry', { x: 0, y: 0 });
  await first.call('docs:update', { campaignId: id, update: Y.encodeStateAsUpdate(doc) });
  const team = await first.call('teams:create', { name: 'Bench team', signaling: [signaling.signalingUrl!] });
  const invite = await first.call('teams:invite', { teamId: team.id, campaignId: id });
  first.close();
  for (const host of hosts.slice(1)) {
    const client = await TestClient.connect(host.origin, host.token);
    await client.call('teams:join', { invite: invite.code });
    client.close();
  }
  return { signaling, hosts, campaignId: id };
}

/**
 * Starts recording, in the page, when the node count grows. A string: tsx would wrap
 * named inner functions in a helper the page does not have.
 */
const watchNodes = `(() => {
  window.__seen = [];
  const count = () => document.querySelectorAll('.react-flow__node').length;
  let last = count();
  new MutationObserver(() => {
    const now = count();
    if (now > last) window.__seen.push({ count: now, at: performance.timeOrigin + performance.now() });
    last = now;
  }).observe(document.querySelector('.react-flow__nodes'), { childList: true });
})()`;

async function measure(peers: number, edits: number): Promise<number[]> {
  const { signaling, hosts, campaignId } = await setUpTeam(peers);
  const browsers: Browser[] = [];
  try {
    const pages: Page[] = [];
    for (const host of hosts) {
      const browser = await launchPeerBrowser();
      browsers.push(browser);
      const url = `${host.origin}/?campaign=${campaignId}#token=${host.token}`;
      pages.push((await openPeerPage(browser, url)).page);
    }
    for (const page of pages) {
      await page.waitForFunction(
        (n) => document.querySelector('[data-sync-peers]')?.getAttribute('data-sync-peers') === String(n),
        peers - 1,
        { timeout: 60_000 },
      );
      await page.evaluate(watchNodes);
    }
    const [editor, ...others] = pages;
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const expected = 2 + i;
      const started = await editor.evaluate(() => {
        const at = performance.timeOrigin + performance.now();
        document.querySelector<HTMLButtonElement>('button[aria-label="Add Note"]')!.click();
        return at;
      });
      for (const page of others) {
        const seen = await page.waitForFunction(
          (n) =>
            (window as unknown as { __seen: { count: number; at: number }[] }).__seen.find((s) => s.count >= n)?.at,
          expected,
          { timeout: 10_000, polling: 20 },
        );
        latencies.push((await seen.jsonValue()) - started);
      }
      await editor.waitForTimeout(100);
    }
    const counts = await Promise.all(pages.map(nodeCount));
    if (new Set(counts).size !== 1) throw new Error(`peers disagree: ${counts.join(', ')}`);
    return latencies;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await Promise.all([signaling, ...hosts].map((h: HostProcess) => h.stop()));
  }
}

export async function runCollabBench(edits = 30) {
  const two = await measure(2, edits);
  const six = await measure(6, edits);
  return writeResult(
    'collab-latency',
    {
      edits,
      twoPeersP50Ms: round(percentile(two, 50)),
      twoPeersP95Ms: round(percentile(two, 95)),
      sixPeersP50Ms: round(percentile(six, 50)),
      sixPeersP95Ms: round(percentile(six, 95)),
      sixPeersMaxMs: round(Math.max(...six)),
    },
    { twoPeersP95Ms: 50, sixPeersP95Ms: 50 },
    'Each sample: click "Add Note" in one browser → the node element appears in another browser (MutationObserver). ' +
      'Separate Chromium processes over WebRTC on loopback, one maily host per peer, 2 CPU cores shared by all.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runCollabBench();
