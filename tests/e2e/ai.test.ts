import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startHost, tempDataDir } from '../helpers/hostProcess';
import { writeTinyModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

/**
 * The AI actions end to end on a real (generated) model: llama.cpp in the host's model
 * process, tokens streaming to real Chromium. The model's words are noise; what is
 * tested is that every action streams, can be stopped, and lands where the designer works.
 */
const env = useHostAndBrowser({ startHost: false });

async function openWelcome(): Promise<{ page: Page; errors: string[] }> {
  const dataDir = tempDataDir();
  mkdirSync(join(dataDir, 'models'), { recursive: true });
  writeTinyModel(join(dataDir, 'models', 'tiny.gguf'));
  await env.host?.stop(); // one host per test: its own data folder and model
  env.host = await startHost(dataDir);
  const client = await TestClient.connect(env.host.origin, env.host.token);
  const campaign = await client.call('campaigns:create', { name: 'Welcome', template: 'welcome' });
  await client.call('memory:add', {
    kind: 'brandVoice',
    title: 'Our voice',
    text: 'Warm and brief. Welcome every new customer by name.',
  });
  client.close();
  const { page, errors } = await openPage(
    env.browser,
    `${env.host.origin}/?campaign=${campaign.id}#token=${env.host.token}`,
  );
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(9);
  return { page, errors };
}

describe('AI actions on a local model', () => {
  it('streams subject lines into the email editor, uses one, drafts and stops half way', async () => {
    const { page, errors } = await openWelcome();
    await page.locator('.react-flow__node:has([data-kind="email"])').first().click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Edit email' }).click();
    const editor = page.getByRole('dialog', { name: 'Email editor' });

    // Streaming can be over in a frame on this tiny model: record every streamed text the page shows.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __streamed: string[] }).__streamed = []);
      new MutationObserver(() => {
        for (const pre of document.querySelectorAll('pre.ai-stream')) seen.push(pre.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await editor.getByRole('button', { name: 'Suggest subject lines' }).click();
    const suggestions = editor.getByRole('list', { name: 'Suggested subject lines' });
    await suggestions.waitFor({ timeout: 60_000 });
    const streamed = await page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
    expect(streamed.some((text) => text.startsWith('{'))).toBe(true);
    await expect.poll(() => editor.getByText(/Used from memory: Our voice/).count()).toBe(1);
    const use = suggestions.getByRole('button', { name: /^Use “/ }).first();
    const chosen = /^Use “(.*)”$/s.exec((await use.getAttribute('aria-label'))!)![1];
    await use.click();
    await expect.poll(() => editor.getByLabel('Subject', { exact: true }).inputValue()).toBe(chosen);

    const before = await editor.locator('.ee-outline__row').count();
    await editor.getByLabel('Brief for the AI').fill('Welcome new customers and point them to their first order');
    await editor.getByRole('button', { name: 'Draft email' }).click();
    const stream = editor.getByLabel('the draft as it is written');
    await expect.poll(async () => ((await stream.count()) ? (await stream.innerText()).length : 0)).toBeGreaterThan(0);
    await editor.getByRole('region', { name: 'Draft with AI' }).getByRole('button', { name: 'Stop' }).click();
    await editor.getByText('Stopped. What was written so far is below.').waitFor();
    const drafted = await editor.getByLabel('Drafted text').innerText();
    expect(drafted.length).toBeGreaterThan(0);
    await editor.getByRole('button', { name: 'Add draft to the email' }).click();
    await expect.poll(() => editor.locator('.ee-outline__row').count()).toBeGreaterThan(before);

    // Rewrite one text block and take the rewrite.
    await editor.locator('.ee-outline__row:has-text("TEXT") .ee-outline__select').first().click();
    await editor.getByLabel('Rewrite', { exact: true }).selectOption('friendlier');
    await editor.getByRole('button', { name: 'Rewrite block' }).click();
    await editor.getByLabel('Rewritten text').waitFor({ timeout: 30_000 });
    await editor.getByRole('button', { name: 'Replace the block’s text' }).click();
    await editor.getByRole('status').filter({ hasText: 'Replaced the block’s text.' }).waitFor();
    await page.locator('[data-save="saved"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('suggests a next step as a ghost that can be added, and reviews the journey', async () => {
    const { page, errors } = await openWelcome();
    const aiStatus = page.getByRole('group', { name: 'AI', exact: true }).getByRole('status');
    // Stopped while the model is still loading: nothing lands on the canvas.
    await page.getByRole('button', { name: 'Suggest next step' }).click();
    await page.getByRole('button', { name: 'Stop the AI' }).click();
    await aiStatus.filter({ hasText: 'Stopped the AI.' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-ai-ghost]').count()).toBe(0);

    await page.getByRole('button', { name: 'Suggest next step' }).click();
    const ghost = page.locator('[data-ai-ghost]');
    await ghost.waitFor({ timeout: 60_000 });
    await ghost.getByRole('button', { name: /^Add the suggested step/ }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(10);

    await page.getByRole('button', { name: 'Review journey' }).click();
    await aiStatus.filter({ hasText: /review/i }).waitFor({ timeout: 60_000 });
    await page.locator('[data-save="saved"]').waitFor();
    expect(errors).toEqual([]);
  });
});
