import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';

/**
 * A Chromium that can be a real WebRTC peer on loopback: a separately launched browser
 * is a separate process, so two of them talk over real ICE/DTLS/SCTP.
 */
export function launchPeerBrowser(): Promise<Browser> {
  return launchChromium(['--allow-loopback-in-peer-connection']);
}

/**
 * A page in a fresh context with camera and microphone granted (without them Chromium
 * offers no ICE candidates), failing the test on any uncaught page error.
 */
export async function openPeerPage(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['camera', 'microphone']);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { context, page, errors };
}

/** The journey's node count as React Flow renders it. */
export const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

/** The labels of the journey's nodes, sorted. */
export async function nodeLabels(page: Page): Promise<string[]> {
  const labels = await page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
  return labels.sort();
}
