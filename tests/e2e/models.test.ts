import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { tempDataDir } from '../helpers/hostProcess';
import { startModelServer, type ModelServer } from '../helpers/modelServer';
import { tinyModelBytes, writeTinyModel } from '../helpers/tinyModel';

const env = useHostAndBrowser();

describe('the models page', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ bytesPerSecond: 150_000 });
    server.put('/downloaded.gguf', tinyModelBytes({ seed: 21, name: 'Downloaded tiny model' }));
  });
  afterAll(() => server?.close());

  it('imports the tiny model by path, shows its metadata, downloads one with progress, pause and resume', async () => {
    const file = writeTinyModel(join(tempDataDir('maily-e2e-model-'), 'tiny.gguf'));
    const { page, context, errors } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Models' }).click();
    const dialog = page.getByRole('dialog', { name: 'Models' });
    await dialog.getByText(/No models yet/).waitFor();
    await dialog.getByRole('button', { name: /Download Qwen2.5 0.5B/ }).waitFor();

    await dialog.getByLabel('Path of a .gguf file on this machine').fill(file.path);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const row = dialog.getByRole('listitem', { name: 'Maily tiny test model' });
    await row.getByText(/llama · 128k parameters · F32 · 2,048-token context/).waitFor();
    await row.getByText(/Needs about \d+(\.\d)? MB of memory/).waitFor();
    await row.getByText('Default').waitFor();

    await dialog.getByLabel('Path of a .gguf file on this machine').fill(join(tempDataDir(), 'missing.gguf'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog
      .getByRole('status')
      .getByText(/There is no file at .* Check the path/)
      .waitFor();

    await dialog.getByLabel('Link or Hugging Face reference').fill(`${server.url}/downloaded.gguf`);
    await dialog.getByRole('button', { name: 'Download', exact: true }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Download progress of downloaded.gguf' });
    await progress.waitFor();
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 10_000 })
      .toBeGreaterThan(50_000);
    await dialog.getByRole('button', { name: 'Pause downloaded.gguf' }).click();
    await dialog.getByText('Paused').waitFor();
    const pausedAt = Number(await progress.getAttribute('value'));
    expect(pausedAt).toBeLessThan(tinyModelBytes().length);
    server.setRate(0);
    await dialog.getByRole('button', { name: 'Resume downloaded.gguf' }).click();
    await dialog.getByText('Downloaded', { exact: true }).waitFor({ timeout: 20_000 });
    expect(server.requests.some((r) => r.range !== null)).toBe(true);
    await dialog.getByRole('listitem', { name: 'Downloaded tiny model' }).waitFor();
    await dialog.getByRole('button', { name: 'Use Downloaded tiny model by default' }).click();
    await dialog.getByRole('status').getByText('downloaded.gguf is now the default.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
