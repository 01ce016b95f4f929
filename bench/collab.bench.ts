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

/**
 * Records when data-channel messages arrive (before y-webrtc reads them), to split the
 * latency into the network part and the render part.
 */
const recordArrivals = () => {
  const w = window as unknown as { __arrivals: number[] };
  w.__arrivals = [];
  const descriptor = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage')!;
  Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
    ...descriptor,
    set(this: RTCDataChannel, handler: ((event: MessageEvent) => void) | null) {
      descriptor.set!.call(this, (event: MessageEvent) => {
        w.__arrivals.push(performance.timeOrigin + performance.now());
        handler?.(event);
      });
    },
  });
};

interface Samples {
  render: number[];
  network: number[];
}

async function measure(peers: number, edits: number): Promise<Samples> {
  const { signaling, hosts, campaignId } = await setUpTeam(peers);
  const browsers: Browser[] = [];
  try {
    const pages: Page[] = [];
    for (const host of hosts) {
      const browser = await launchPeerBrowser();
      browsers.push(browser);
      const url = `${host.origin}/?campaign=${campaignId}#token=${host.token}`;
      const opened = await openPeerPage(browser, 'about:blank');
      await opened.context.addInitScript(recordArrivals);
      await opened.page.goto(url);
      pages.push(opened.page);
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
    const samples: Samples = { render: [], network: [] };
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
        const renderedAt = (await seen.jsonValue())!; // waitForFunction resolves only once it is set
        samples.render.push(renderedAt - started);
        const arrivedAt = await page.evaluate<number | undefined, number>(
          (t0) => (window as unknown as { __arrivals: number[] }).__arrivals.find((t) => t >= t0),
          started,
        );
        if (arrivedAt !== undefined) samples.network.push(arrivedAt - started);
      }
      await editor.waitForTimeout(300); // let the last edit's saving and validation settle, as between a designer's actions
    }
    const counts = await Promise.all(pages.map(nodeCount));
    if (new Set(counts).size !== 1) throw new Error(`peers disagree: ${counts.join(', ')}`);
    return samples;
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
      twoPeersP50Ms: round(percentile(two.render, 50)),
      twoPeersP95Ms: round(percentile(two.render, 95)),
      sixPeersP50Ms: round(percentile(six.render, 50)),
      sixPeersP95Ms: round(percentile(six.render, 95)),
      sixPeersMaxMs: round(Math.max(...six.render)),
      twoPeersNetworkP95Ms: round(percentile(two.network, 95)),
      sixPeersNetworkP50Ms: round(percentile(six.network, 50)),
      sixPeersNetworkP95Ms: round(percentile(six.network, 95)),
    },
    { twoPeersP95Ms: 50, sixPeersP95Ms: 50 },
    'Each sample: click "Add Note" in one browser → the node element appears in another browser (MutationObserver). ' +
      'Network: the same click → the first data-channel message arriving in the other browser. ' +
      'Separate Chromium processes over WebRTC on loopback, one maily host per peer, 2 CPU cores shared by all.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runCollabBench();
