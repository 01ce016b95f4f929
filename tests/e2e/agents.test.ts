import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startHost, tempDataDir } from '../helpers/hostProcess';
import { writeTinyModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

/**
 * The agents end to end on a real (generated) model: the plan, its live graph, the run
 * in the host's llama.cpp process, and the landing on the canvas in real Chromium.
 */
const env = useHostAndBrowser({ startHost: false });

describe('Agents in the campaign screen', () => {
  it('plans a welcome series, shows it as a graph, runs it and adds the emails to the canvas', async () => {
    const dataDir = tempDataDir();
    mkdirSync(join(dataDir, 'models'), { recursive: true });
    writeTinyModel(join(dataDir, 'models', 'tiny.gguf'));
    env.host = await startHost(dataDir);
    const client = await TestClient.connect(env.host.origin, env.host.token);
    const campaign = await client.call('campaigns:create', { name: 'Welcome', template: 'welcome' });
    client.close();
    const { page, errors } = await openPage(
      env.browser,
      `${env.host.origin}/?campaign=${campaign.id}#token=${env.host.token}`,
    );
    // The journey canvas, not the plan graph (both are React Flow).
    const canvasSteps = page.locator('.je-path-scope .react-flow__node');
    await expect.poll(() => canvasSteps.count()).toBe(9);
    const emailSteps = page.locator('.je-path-scope .react-flow__node:has([data-kind="email"])');
    expect(await emailSteps.count()).toBe(3);

    // The shortcut opens the panel; the header button says so.
    await page.keyboard.press('Control+Alt+g');
    const panel = page.getByRole('complementary', { name: 'Agents' });
    await panel.waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Agents', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');

    const request = panel.getByLabel('What should the agents do?');
    await expect.poll(() => request.evaluate((el) => el === document.activeElement)).toBe(true);
    await request.fill('Draft a 3-email welcome series');
    await panel.getByRole('button', { name: 'Plan', exact: true }).click();
    const graph = panel.getByRole('region', { name: 'Plan graph' });
    await graph.waitFor({ timeout: 120_000 });
    const cards = graph.locator('[data-subtask]');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    expect(await panel.locator('.ag-source').innerText()).toMatch(
      /^(Planned by the model|Built-in plan: Welcome series)/,
    );
    const emailCards = graph.locator('[data-subtask]:has(.ag-card__output:text-is("email"))');
    const emails = await emailCards.count();
    expect(emails).toBeGreaterThanOrEqual(3);
    expect(await graph.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    const total = await cards.count();

    await panel.getByRole('button', { name: 'Run', exact: true }).click();
    const progress = panel.locator('.ag-progress');
    await expect
      .poll(() => progress.innerText(), { timeout: 180_000, interval: 250 })
      .toMatch(/^(All \d+ subtasks done|\d+ of \d+ subtasks done, \d+ failed)/);
    expect(await progress.innerText()).toBe(
      `All ${total} subtasks done in ${/in ([\d.]+) s/.exec(await progress.innerText())![1]} s.`,
    );
    expect(await graph.locator('[data-subtask][data-status="done"]').count()).toBe(total);
    // Each card names the node that ran it.
    const label = await cards.first().getAttribute('aria-label');
    expect(label).toMatch(/, Done, on \S.*$/);

    await panel.getByRole('button', { name: 'Add to canvas' }).click();
    await panel.getByText(`Added ${emails} emails`).waitFor();
    await expect.poll(() => emailSteps.count()).toBe(3 + emails);
    await page.locator('[data-save="saved"]').waitFor();
    expect(await panel.getByRole('button', { name: 'Add to canvas' }).isDisabled()).toBe(true);

    // The landing's own undo: the added steps go, and can be added again.
    await panel.getByRole('button', { name: 'Remove the added steps' }).click();
    await expect.poll(() => emailSteps.count()).toBe(3);
    await panel.getByRole('button', { name: 'Add to canvas' }).click();
    await expect.poll(() => emailSteps.count()).toBe(3 + emails);
    await page.locator('[data-save="saved"]').waitFor();

    await panel.getByRole('button', { name: 'Close agents' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
