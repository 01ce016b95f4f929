import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';

const env = useHostAndBrowser();

describe('the workspace, as a designer uses it', () => {
  it('creates, renames, duplicates, searches, trashes and restores campaigns', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await page.getByText('No campaigns yet').waitFor();

    for (const name of ['Spring welcome', 'Black Friday']) {
      await page.getByRole('button', { name: 'New campaign' }).click();
      await page.getByLabel('Campaign name').fill(name);
      await page.getByRole('button', { name: 'Create campaign' }).click();
      await page.getByRole('button', { name: 'Back to campaigns' }).click();
    }
    const names = () => page.locator('.campaign-list .campaign-name').allInnerTexts();
    await expect.poll(names).toEqual(['Black Friday', 'Spring welcome']);

    // An empty name is refused with the reason, next to the field.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Campaign name').fill('   ');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('alert').getByText('Give the campaign a name').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Rename Spring welcome' }).click();
    await page.getByLabel('New name for Spring welcome').fill('Spring welcome v2');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(names).toEqual(['Spring welcome v2', 'Black Friday']);

    await page.getByRole('button', { name: 'Duplicate Black Friday' }).click();
    await expect.poll(names).toContain('Black Friday (copy)');

    await page.getByLabel('Search campaigns').fill('friday');
    await expect.poll(names).toEqual(expect.arrayContaining(['Black Friday', 'Black Friday (copy)']));
    expect(await names()).toHaveLength(2);
    await page.getByLabel('Search campaigns').fill('');

    await page.getByRole('button', { name: 'Move Black Friday (copy) to trash' }).click();
    await expect.poll(names).not.toContain('Black Friday (copy)');
    await page.getByRole('button', { name: 'Show trash' }).click();
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    await page.getByRole('button', { name: 'Restore Black Friday (copy)' }).click();
    await page.getByText('The trash is empty.').waitFor();
    await page.getByRole('button', { name: 'Back to campaigns' }).click();
    await expect.poll(names).toContain('Black Friday (copy)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains what to do when the page has no token', async () => {
    const { page, context } = await openPage(env.browser, env.host.origin);
    await page.getByRole('heading', { name: 'Maily cannot connect' }).waitFor();
    await page.getByText('#token=').waitFor();
    await context.close();
  });
});

describe('starting from a template', () => {
  it.each([
    ['Welcome series', 9],
    ['Abandoned cart', 7],
    ['Re-engagement', 9],
    ['Event invitation', 8],
  ])('opens “%s” as a valid journey', async (title, steps) => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByRole('radio', { name: new RegExp(title) }).check();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(steps);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByRole('region', { name: 'Problems' }).getByText('No problems').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
