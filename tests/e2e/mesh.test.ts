import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';
import { startHost, tempDataDir } from '../helpers/hostProcess';
import { writeTinyModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

/**
 * The mesh view and the traces view in real Chromium against `maily serve`: an external
 * OpenAI-compatible server added through the UI becomes a node of the graph; an AI action
 * on the generated model shows as a trace whose waterfall has the LLM job's span.
 */
const env = useHostAndBrowser({ startHost: false });
const KEY = 'sk-e2e-never-shown-9931';
let server: FakeOpenAiServer | null = null;

afterAll(async () => {
  await server?.close();
});

describe('the mesh view', () => {
  it('adds an external server through the UI and shows it as a node of the graph, never its key', async () => {
    server = await startFakeOpenAiServer({ apiKey: KEY });
    env.host = await startHost();
    const { page, context, errors } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Mesh', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'AI mesh' });
    const graph = dialog.getByRole('region', { name: 'Mesh graph' });
    await graph.getByRole('group', { name: /, This device, / }).waitFor(); // this machine, whatever the mesh names it

    const form = dialog.getByRole('form', { name: 'Add a server' });
    await form.getByLabel('Name').fill('GPU box');
    await form.getByLabel('Server address').fill('ftp://gpu-box/v1');
    await form.getByLabel('Model').fill('fake-model');
    await form.getByRole('button', { name: 'Add server' }).click();
    await dialog
      .getByRole('status', { name: 'Mesh notice' })
      .getByText(/Use an http:\/\/ or https:\/\/ address/)
      .waitFor();

    await form.getByLabel('Server address').fill(server.url);
    await form.getByLabel(/^API key/).fill(KEY);
    await form.getByRole('button', { name: 'Add server' }).click();
    await dialog.getByRole('status', { name: 'Mesh notice' }).getByText('Added GPU box.').waitFor();
    const card = graph.getByRole('group', { name: /^GPU box, External server, Ready/ });
    await card.waitFor({ timeout: 20_000 });
    await card.getByText('fake-model').waitFor();
    const row = dialog.getByRole('list', { name: 'External servers list' }).getByRole('listitem', { name: 'GPU box' });
    await row.getByText(/Ready · key set/).waitFor();
    expect(await page.content()).not.toContain(KEY);

    // Editing shows that a key is set without showing it; removing takes the node off the graph.
    await row.getByRole('button', { name: 'Edit GPU box' }).click();
    const edit = dialog.getByRole('form', { name: 'Edit GPU box' });
    await edit.getByLabel(/a key is set; leave empty to keep it/).waitFor();
    expect(await edit.getByLabel(/^API key/).inputValue()).toBe('');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Remove GPU box' }).click();
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);
    // Esc closes the view; Ctrl+Alt+M opens it again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Alt+KeyM');
    await dialog.waitFor();
    expect(errors).toEqual([]);
    await context.close();
    await env.host.stop();
  });
});

describe('the traces view', () => {
  it('lists an AI action and shows its waterfall with the LLM job’s span', async () => {
    const dataDir = tempDataDir();
    mkdirSync(join(dataDir, 'models'), { recursive: true });
    writeTinyModel(join(dataDir, 'models', 'tiny.gguf'));
    env.host = await startHost(dataDir);
    const client = await TestClient.connect(env.host.origin, env.host.token);
    const campaign = await client.call('campaigns:create', { name: 'Welcome', template: 'welcome' });
    const { jobId } = await client.call('ai:run', { action: { kind: 'reviewJourney', campaignId: campaign.id } });
    const finished = () =>
      client.events.some(
        (e) => (e.ev === 'ai:done' || e.ev === 'ai:failed') && (e.data as { jobId: string }).jobId === jobId,
      );
    await expect.poll(finished, { timeout: 90_000 }).toBe(true);
    client.close();

    const { page, context, errors } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Mesh', exact: true }).click();
    await page.getByRole('dialog', { name: 'AI mesh' }).getByRole('button', { name: 'Traces', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Traces' });
    const list = dialog.getByRole('list', { name: 'Recent traces' });
    const trace = list.getByRole('button', { name: /ai\.reviewJourney/ });
    await trace.waitFor({ timeout: 10_000 });
    await trace.getByText(/local/).waitFor(); // the node that ran it
    await trace.click();
    const spans = dialog.getByRole('region', { name: 'Trace waterfall' }).getByRole('list', { name: 'Spans' });
    await spans.getByRole('listitem', { name: /^ai\.reviewJourney on this device/ }).waitFor();
    await spans.getByRole('listitem', { name: /^llm\.job on local, [\d.]+ (ms|s)/ }).waitFor();
    await spans.getByRole('listitem', { name: /^model\.prepare on this device/ }).waitFor();
    // Esc closes the traces view only, not the mesh view it was opened from.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('dialog', { name: 'AI mesh' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
