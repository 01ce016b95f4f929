import * as Y from 'yjs';
import { launchChromium, openPage } from '../tests/helpers/browser';
import { startHost } from '../tests/helpers/hostProcess';
import { TestClient } from '../tests/helpers/wsClient';
import { buildBigJourney } from './bigJourney';
import { percentile, round, writeResult } from './results';

/**
 * A 2,000-node / 2,500-edge campaign in headless Chromium against `maily serve`:
 * navigation to interactive (nodes on screen and the canvas answering input), then
 * frame times while panning for 3 s.
 */
export async function runCanvasBench(runs = 3) {
  const host = await startHost();
  const browser = await launchChromium();
  try {
    const client = await TestClient.connect(host.origin, host.token);
    const campaign = await client.call('campaigns:create', { name: 'Big journey' });
    await client.call('docs:update', { campaignId: campaign.id, update: Y.encodeStateAsUpdate(buildBigJourney()) });
    client.close();
    const url = `${host.origin}/?campaign=${campaign.id}#token=${host.token}`;
    const interactive: number[] = [];
    let frames: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { context, page } = await openPage(browser, url);
      // Polled on every animation frame in the page, so the wait measures the app, not the driver's polling.
      await page.waitForFunction(() => document.querySelector('.react-flow__node') !== null, undefined, {
        polling: 'raf',
        timeout: 60_000,
      });
      // One more frame after the first nodes paint: the canvas now reacts to input.
      interactive.push(
        await page.evaluate<number>('new Promise((r) => requestAnimationFrame(() => r(performance.now())))'),
      );
      console.log(
        await page.evaluate<string>(`JSON.stringify({
        script: Math.round(performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => e.responseEnd)[0]),
        domContentLoaded: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
        marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
      })`),
      );
      if (run === runs - 1) frames = await panFor(page, 3000);
      await context.close();
    }
    return writeResult(
      'canvas-2000',
      {
        nodes: 2000,
        edges: 2500,
        openToInteractiveMedianMs: round(percentile(interactive, 50)),
        openToInteractiveMaxMs: round(Math.max(...interactive)),
        panFrames: frames.length,
        panFrameMedianMs: round(percentile(frames, 50)),
        panFrameP95Ms: round(percentile(frames, 95)),
      },
      { openToInteractiveMedianMs: 1500, panFrameP95Ms: 33 },
      'Headless Chromium with --disable-gpu (software rendering) on 2 cores; interactive = first nodes painted plus one frame, measured from navigation start.',
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}

async function panFor(page: import('playwright-core').Page, ms: number): Promise<number[]> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas pane');
  // A string, not a function: tsx would wrap a function with helpers the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // Start in the empty margin fitView leaves, so the drag pans the view rather than moving a node.
  const x0 = pane.x + 6;
  const y0 = pane.y + 6;
  const started = Date.now();
  let direction = 1;
  while (Date.now() - started < ms) {
    const from = direction > 0 ? [x0, y0] : [x0 + 300, y0 + 120];
    await page.mouse.move(from[0], from[1]);
    await page.mouse.down();
    await page.mouse.move(from[0] + 300 * direction, from[1] + 120 * direction, { steps: 30 });
    await page.mouse.up();
    direction = -direction;
  }
  return page.evaluate<number[]>('(() => { window.__stop = true; return window.__frames.slice(1); })()');
}

if (import.meta.url === `file://${process.argv[1]}`) await runCanvasBench();
