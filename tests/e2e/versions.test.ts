import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';

const env = useHostAndBrowser();

const panel = (page: Page) => page.getByRole('complementary', { name: 'Versions' });
const nodes = (page: Page) => page.locator('.react-flow__node');
const saved = (page: Page) => page.locator('[data-save="saved"]').waitFor();

describe('named versions, as a designer uses them', () => {
  it('names a version, shows what changed since, restores it (undoably) and keeps what it replaced', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Campaign name').fill('Versioned');
    await page.getByRole('radio', { name: /Welcome series/ }).check();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect.poll(() => nodes(page).count()).toBe(9);

    // The shortcut opens the panel; the header button shows it is open.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 }, force: true });
    await page.keyboard.press('Control+Alt+v');
    const versions = panel(page);
    await versions.getByText('No versions yet').waitFor();
    expect(await page.getByRole('button', { name: 'Versions', exact: true }).getAttribute('aria-pressed')).toBe('true');

    await versions.getByLabel('Name this version').fill('Launch copy');
    await versions.getByRole('button', { name: 'Save version' }).click();
    await versions.getByText('Saved as “Launch copy”.').waitFor();
    await versions.getByRole('button', { name: 'Restore “Launch copy”' }).waitFor();
    const diff = versions.getByRole('region', { name: 'Differences' });
    await diff.getByText('No differences').waitFor();

    // Change the journey: the diff follows as the edits are made.
    await page.getByRole('button', { name: 'Add Delay', exact: true }).click();
    await page.getByRole('button', { name: 'Add Goal / Exit', exact: true }).click();
    await expect.poll(() => nodes(page).count()).toBe(11);
    await saved(page);
    const added = diff.getByRole('region', { name: 'Nodes' }).locator('.vp-items--added > li');
    await expect.poll(() => added.allInnerTexts()).toEqual(['Delay', 'Goal']);

    await versions.getByRole('button', { name: 'Restore “Launch copy”' }).click();
    await versions.getByText(/Restored “Launch copy”/).waitFor();
    await expect.poll(() => nodes(page).count()).toBe(9);
    await saved(page);
    await diff.getByText('No differences').waitFor();
    // What the restore replaced is kept as a version of its own.
    await versions.getByRole('button', { name: 'Restore “Before restoring “Launch copy””' }).waitFor();

    // The canvas's undo takes the restore back, and redo does it again.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 }, force: true });
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes(page).count()).toBe(11);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodes(page).count()).toBe(9);
    await saved(page);

    // Comparing two versions: the one Maily saved before the restore holds the two new steps.
    await versions.getByLabel('From version', { exact: true }).selectOption({ label: 'Launch copy' });
    await versions.getByLabel('To version', { exact: true }).selectOption({ label: 'Before restoring “Launch copy”' });
    await expect.poll(() => added.allInnerTexts()).toEqual(['Delay', 'Goal']);

    // The restored journey is what the host stored (a reload returns to the campaign).
    await page.reload();
    await expect.poll(() => nodes(page).count()).toBe(9);
    expect(errors).toEqual([]);
    await context.close();
  });
});
