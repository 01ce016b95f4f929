import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';

const env = useHostAndBrowser();

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const previewText = (page: Page) =>
  page
    .frameLocator('iframe[title^="Email preview"]')
    .locator('body')
    .innerText()
    .catch(() => '');

describe('writing an email, as a new user would', () => {
  it('edits the second email of a template, previews it at both widths and exports it', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByRole('radio', { name: /Welcome series/ }).check();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(9);

    // The second email of the series, opened from its inspector.
    await page.locator('.react-flow__node:has([data-kind="email"])', { hasText: 'Tips' }).click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Edit email' }).click();
    const editor = page.getByRole('dialog', { name: 'Email editor' });
    await editor.waitFor();

    await editor.getByRole('button', { name: 'Message details' }).click();
    await editor.getByLabel('Subject', { exact: true }).fill('Ten tips for {{first_name | "you"}}');
    await editor
      .getByRole('list', { name: 'Blocks' })
      .getByRole('button', { name: /^Text:/ })
      .first()
      .click();
    const text = editor.getByRole('textbox', { name: 'Text', exact: true });
    await text.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Pineapple pizza is welcome here.');

    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('Pineapple pizza is welcome here.');
    await expect.poll(() => editor.getByRole('region', { name: 'Preview' }).innerText()).toContain('Ten tips for');
    await editor.getByRole('group', { name: 'Preview width' }).getByRole('button', { name: 'Phone' }).click();
    await page.locator('iframe[title*="phone"]').waitFor();
    await expect.poll(() => previewText(page)).toContain('Pineapple pizza is welcome here.');
    // The frame animates its width (0.15 s), so wait for it to settle.
    const phoneWidth = () =>
      page.locator('iframe[title^="Email preview"]').evaluate((f) => f.getBoundingClientRect().width);
    await expect.poll(phoneWidth).toBeLessThanOrEqual(380);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editor.getByRole('button', { name: 'Export HTML' }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toContain('Pineapple pizza is welcome here.');
    expect(download.suggestedFilename()).toMatch(/\.html$/);

    // Every block kind can be added and previews; an image comes from a local file.
    const blocks = editor.getByRole('list', { name: 'Blocks' });
    const before = await blocks.locator(':scope > li').count();
    const kinds = ['Heading', 'Text', 'Image', 'Button', 'Divider', 'Spacer', 'Two columns', 'Three columns'];
    for (const kind of kinds) {
      await editor.getByRole('button', { name: 'Add block' }).click();
      await editor.getByRole('menuitem', { name: kind, exact: true }).click();
    }
    await expect.poll(() => blocks.locator(':scope > li').count()).toBe(before + kinds.length);
    await blocks
      .getByRole('button', { name: /^Image:/ })
      .first()
      .click();
    await editor.getByLabel('Choose image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await expect
      .poll(() => blocks.getByRole('button', { name: /^Image:.*problem/ }).count(), { timeout: 15_000 })
      .toBe(0);
    await expect
      .poll(() => page.frameLocator('iframe[title^="Email preview"]').locator('img[src^="data:image/png"]').count())
      .toBeGreaterThan(0);

    await editor.getByRole('button', { name: 'Close' }).click();
    await page.locator('[data-save="saved"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
