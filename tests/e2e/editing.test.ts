import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';

const env = useHostAndBrowser();

const nodes = (page: Page) => page.locator('.react-flow__node');
const selected = (page: Page) => page.locator('.react-flow__node.selected');
const positions = (page: Page) =>
  nodes(page).evaluateAll((els) => els.map((el) => (el as HTMLElement).style.transform).join('|'));

async function newCampaign(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Campaign name').fill(name);
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await page.locator('.react-flow__pane').waitFor();
}

describe('editing the canvas with mouse and keyboard', () => {
  it('adds by click and keyboard, copies, pastes, deletes, multi-selects, lays out and toggles layers', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await newCampaign(page, 'Editing');

    await page.getByRole('button', { name: 'Add Entry', exact: true }).click();
    await page.getByRole('button', { name: 'Add Email', exact: true }).click();
    await page.getByRole('button', { name: 'Add Note', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nodes(page).count()).toBe(3);

    // Select everything, copy, paste: three more steps, selected, with a message.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 }, force: true });
    await page.keyboard.press('Control+a');
    await expect.poll(() => selected(page).count()).toBe(3);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodes(page).count()).toBe(6);
    await page
      .getByRole('status')
      .filter({ hasText: /pasted/i })
      .first()
      .waitFor();
    await expect.poll(() => selected(page).count()).toBe(3);

    // Delete the pasted copies, then undo the delete.
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes(page).count()).toBe(3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes(page).count()).toBe(6);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodes(page).count()).toBe(3);

    // Shift-click adds to the selection.
    await page.locator('.react-flow__node:has([data-kind="entry"])').click();
    await page.locator('.react-flow__node:has([data-kind="email"])').click({ modifiers: ['Shift'] });
    await expect.poll(() => selected(page).count()).toBe(2);

    // Auto-layout runs in a worker and moves the steps in one undoable transaction.
    const before = await positions(page);
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 }, force: true });
    await page.keyboard.press('Shift+L');
    await expect.poll(() => positions(page), { timeout: 15_000 }).not.toBe(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => positions(page)).toBe(before);

    // The Notes layer hides and shows notes.
    const layers = page.getByRole('toolbar', { name: 'Layers' });
    await layers.getByRole('button', { name: 'Notes' }).click();
    await expect.poll(() => page.locator('[data-kind="note"]').count()).toBe(0);
    expect(await layers.getByRole('button', { name: 'Notes' }).getAttribute('aria-pressed')).toBe('false');
    await layers.getByRole('button', { name: 'Notes' }).click();
    await expect.poll(() => page.locator('[data-kind="note"]').count()).toBe(1);

    // The A/B split: a third variant adds a handle; percentages over 100 are a problem until fixed.
    await page.getByRole('button', { name: 'Add A/B experiment', exact: true }).click();
    await page.locator('.react-flow__node:has([data-kind="abSplit"])').click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'Add variant' }).click();
    await expect
      .poll(() => page.locator('.react-flow__node:has([data-kind="abSplit"]) .react-flow__handle.source').count())
      .toBe(4);
    await inspector.getByLabel('Variant 3 percent').fill('20');
    const percentProblem = page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button')
      .filter({ hasText: /100/ });
    await expect.poll(() => percentProblem.count()).toBeGreaterThan(0);
    await inspector.getByRole('button', { name: 'Remove variant 3' }).click();
    await expect.poll(() => percentProblem.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
