import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../../src/shared/journey/ydoc';
import { startHost, type HostProcess } from '../helpers/hostProcess';
import { launchPeerBrowser, nodeCount, nodeLabels, openPeerPage } from '../helpers/peers';
import { TestClient } from '../helpers/wsClient';

/**
 * Two desktops (two hosts with their own data folders, two separately launched
 * Chromiums) co-edit one campaign through host A's built-in signaling server on
 * loopback; a third with the wrong team secret gets nothing and says so.
 */
let hostA: HostProcess;
let hostB: HostProcess;
let hostC: HostProcess;
const browsers: Browser[] = [];
let a: Page;
let b: Page;
const errors: string[][] = [];
let campaignId = '';
let invite = '';

async function seedCampaign(host: HostProcess): Promise<string> {
  const client = await TestClient.connect(host.origin, host.token);
  await client.call('profile:set', { name: 'Ana', colour: '#e5484d' });
  const { id } = await client.call('campaigns:create', { name: 'Launch' });
  const doc = new Y.Doc();
  addNode(doc, 'entry', { x: 0, y: 0 });
  addNode(doc, 'email', { x: 320, y: 0 });
  await client.call('docs:update', { campaignId: id, update: Y.encodeStateAsUpdate(doc) });
  client.close();
  return id;
}

async function setProfile(host: HostProcess, name: string, colour: string) {
  const client = await TestClient.connect(host.origin, host.token);
  await client.call('profile:set', { name, colour });
  client.close();
}

async function peerPage(host: HostProcess) {
  const browser = await launchPeerBrowser();
  browsers.push(browser);
  const opened = await openPeerPage(browser, host.url);
  errors.push(opened.errors);
  return opened.page;
}

const peers = (page: Page) => page.locator('[data-sync-peers]').getAttribute('data-sync-peers');

async function addStep(page: Page, kind: string) {
  await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
}

beforeAll(async () => {
  [hostA, hostB, hostC] = await Promise.all([
    startHost(undefined, ['--signaling-port', '0', '--signaling-host', '127.0.0.1']),
    startHost(),
    startHost(),
  ]);
  expect(hostA.signalingUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  campaignId = await seedCampaign(hostA);
  await setProfile(hostB, 'Ben', '#0090ff');
  [a, b] = await Promise.all([peerPage(hostA), peerPage(hostB)]);
});

afterAll(async () => {
  await Promise.all(browsers.map((br) => br.close()));
  await Promise.all([hostA, hostB, hostC].map((h) => h?.stop()));
});

describe('two desktops co-editing on a LAN with no server but their own', () => {
  it('shares a campaign through an invite and connects the two browsers', async () => {
    await a.getByRole('button', { name: 'Open Launch' }).click();
    await expect.poll(() => nodeCount(a)).toBe(2);
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByLabel('Team name').fill('Growth');
    await a.getByRole('button', { name: 'Create team and invite' }).click();
    invite = await a.getByLabel('Invite code').inputValue();
    expect(invite).toMatch(/^maily-invite:/);
    await expect.poll(() => a.getByRole('img', { name: /QR code of the invite/ }).count()).toBe(1);
    await a.getByRole('button', { name: 'Close' }).click();
    await a.locator('[data-sync-status="connected"]').waitFor();

    await b.getByRole('button', { name: 'Teams' }).click();
    await b.getByLabel('Paste an invite').fill(invite);
    await b.getByRole('button', { name: 'Join team' }).click();
    await expect.poll(() => nodeCount(b), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => peers(a), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => peers(b)).toBe('1');
  });

  it('merges concurrent edits and shows each other’s presence', async () => {
    await Promise.all([addStep(a, 'Delay'), addStep(b, 'Goal / Exit')]);
    await expect.poll(() => nodeCount(a)).toBe(4);
    await expect.poll(() => nodeCount(b)).toBe(4);
    expect(await nodeLabels(a)).toEqual(await nodeLabels(b));

    await expect.poll(() => b.getByRole('button', { name: 'Follow Ana' }).count()).toBe(1);
    await expect.poll(() => a.getByRole('button', { name: 'Follow Ben' }).count()).toBe(1);
    const pane = a.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
    await b.locator('[data-presence-cursor]').filter({ hasText: 'Ana' }).waitFor();

    // Following: Ben's canvas takes Ana's viewport as she zooms.
    await b.getByRole('button', { name: 'Follow Ana' }).click();
    await b.getByRole('status').filter({ hasText: 'Following Ana' }).waitFor();
    await a.getByRole('button', { name: 'Zoom in' }).click();
    await a.getByRole('button', { name: 'Zoom in' }).click();
    const transform = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');
    await expect.poll(async () => (await transform(b)) === (await transform(a)), { timeout: 5_000 }).toBe(true);
    await b.getByRole('button', { name: 'Stop following Ana' }).first().click();

    // In the email editor too: who else has this email open.
    for (const page of [a, b]) {
      await page.locator('.react-flow__node-email').first().click();
      await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Edit email' }).click();
    }
    const chip = b.getByRole('dialog', { name: 'Email editor' }).locator('[data-presence-email]');
    await expect.poll(() => chip.getAttribute('aria-label')).toBe('Ana');
    for (const page of [a, b]) {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Email editor' }).waitFor({ state: 'detached' });
    }
  });

  it('undoes only your own change', async () => {
    const before = await nodeLabels(a);
    await addStep(a, 'Condition');
    await expect.poll(() => nodeCount(b)).toBe(before.length + 1);
    await addStep(b, 'Note');
    await expect.poll(() => nodeCount(a)).toBe(before.length + 2);
    const withBoth = await nodeLabels(a);
    await a.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await a.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(a)).toBe(before.length + 1);
    await expect.poll(() => nodeCount(b)).toBe(before.length + 1);
    // Ben's note survives Ana's undo; Ana's condition is gone, on both.
    expect((await nodeLabels(b)).length).toBe(withBoth.length - 1);
    for (const page of [a, b]) {
      expect(await page.locator('.react-flow__node-note').count()).toBe(1);
      expect(await page.locator('.react-flow__node-condition').count()).toBe(0);
    }
  });

  it('merges what both did while one was offline, with no dialog', async () => {
    await b.locator('[data-sync-peers]').click();
    await b.getByRole('button', { name: 'Work offline' }).click();
    await b.locator('[data-sync-status="paused"]').waitFor();
    await expect.poll(() => peers(a), { timeout: 15_000 }).toBe('0');
    const base = await nodeCount(a);
    await addStep(a, 'Delay');
    await addStep(b, 'Goal / Exit');
    await addStep(b, 'Goal / Exit');
    await b.locator('[data-save="saved"]').waitFor();
    await expect.poll(() => nodeCount(a)).toBe(base + 1);
    await expect.poll(() => nodeCount(b)).toBe(base + 2);

    await b.getByRole('button', { name: 'Go online' }).click();
    await expect.poll(() => nodeCount(a), { timeout: 20_000 }).toBe(base + 3);
    await expect.poll(() => nodeCount(b), { timeout: 20_000 }).toBe(base + 3);
    expect(await nodeLabels(a)).toEqual(await nodeLabels(b));
    await expect.poll(() => a.getByRole('dialog').count()).toBe(0);
  });

  it('restores a named version while the teammate is connected, keeping their later work in history', async () => {
    await a.getByRole('button', { name: 'Versions', exact: true }).click();
    const versions = a.getByRole('complementary', { name: 'Versions' });
    await versions.getByLabel('Name this version').fill('Before review');
    await versions.getByRole('button', { name: 'Save version' }).click();
    await versions.getByText('Saved as “Before review”.').waitFor();
    const kept = await nodeLabels(a);
    await addStep(b, 'Email'); // Ben's later work
    await expect.poll(() => nodeCount(a)).toBe(kept.length + 1);
    await versions.getByRole('button', { name: 'Restore “Before review”' }).click();
    await versions.getByText(/Restored “Before review”/).waitFor();
    await expect.poll(() => nodeLabels(a)).toEqual(kept);
    await expect.poll(() => nodeLabels(b)).toEqual(kept);
    expect(await peers(b)).toBe('1');
    // Not silently thrown away: the version saved just before the restore holds Ben's step.
    await versions.getByRole('button', { name: 'Restore “Before restoring “Before review””' }).waitFor();
    await a.getByRole('button', { name: 'Versions', exact: true }).click();
  });

  it('keeps a device with the wrong team secret out, and says so', async () => {
    const payload = JSON.parse(Buffer.from(invite.slice('maily-invite:'.length), 'base64url').toString());
    payload.secret = Buffer.alloc(32, 7).toString('base64url');
    const forged = `maily-invite:${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const c = await peerPage(hostC);
    await c.getByRole('button', { name: 'Teams' }).click();
    await c.getByLabel('Paste an invite').fill(forged);
    await c.getByRole('button', { name: 'Join team' }).click();
    await c.locator('[data-sync-status]').waitFor();
    await c.locator('[data-sync-peers]').click();
    await c
      .getByRole('alert')
      .filter({ hasText: /different team secret/ })
      .waitFor({ timeout: 25_000 });
    expect(await nodeCount(c)).toBe(0);
    expect(await peers(c)).toBe('0');
    // The team is undisturbed: still one peer each, still in step.
    await addStep(a, 'Wait until');
    await expect.poll(() => nodeLabels(b)).toEqual(await nodeLabels(a));
    expect(await nodeCount(c)).toBe(0);
  });

  it('stored every merged change on both desktops, with no page errors', async () => {
    await a.locator('[data-save="saved"]').waitFor();
    await b.locator('[data-save="saved"]').waitFor();
    const count = await nodeCount(a);
    for (const host of [hostA, hostB]) {
      const client = await TestClient.connect(host.origin, host.token);
      const opened = await client.call('docs:open', { campaignId });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, opened.state);
      expect(doc.getMap('nodes').size).toBe(count);
      client.close();
    }
    expect(errors.flat()).toEqual([]);
  });
});
