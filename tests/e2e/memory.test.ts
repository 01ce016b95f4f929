import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';

const env = useHostAndBrowser();

describe('the memory dialog', () => {
  it('adds, finds with the ranks the AI would use, edits and removes an item', async () => {
    const { page, context, errors } = await openPage(env.browser, env.host.url);
    page.on('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Memory' }).click();
    const dialog = page.getByRole('dialog', { name: 'Memory' });
    await dialog.getByText(/Nothing remembered yet/).waitFor();

    await dialog.getByRole('button', { name: 'Add item' }).click();
    const form = dialog.getByRole('form', { name: 'New memory item' });
    await form.getByLabel('Title').fill('Tone of voice');
    await form.getByLabel('Kind').selectOption({ label: 'Brand voice' });
    await form.getByLabel('What the AI should remember').fill('Warm, short sentences. Never use jargon.');
    await form.getByRole('button', { name: 'Add to memory' }).click();
    await dialog.getByRole('status').getByText('Added “Tone of voice” to the memory.').waitFor();
    const voice = dialog.getByRole('region', { name: 'Brand voice' });
    await voice.getByText('Tone of voice').waitFor();
    await voice.getByText('Words only').waitFor(); // no model loaded: not embedded

    await dialog.getByLabel('Search memory').fill('jargon');
    const preview = dialog.getByRole('region', { name: 'What the AI would use' });
    const row = preview.getByRole('row', { name: /Tone of voice/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', 'Tone of voice', '1', '—', '0.0164']);
    await preview.getByText(/Matched by words only/).waitFor();

    await dialog.getByLabel('Search memory').fill('');
    await dialog.getByRole('button', { name: 'Edit “Tone of voice”' }).click();
    const edit = dialog.getByRole('form', { name: 'Edit “Tone of voice”' });
    await edit.getByLabel('What the AI should remember').fill('Formal and precise.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await voice.getByText('Formal and precise.').waitFor();

    await dialog.getByRole('button', { name: 'Remove “Tone of voice”' }).click();
    await dialog.getByText(/Nothing remembered yet/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
