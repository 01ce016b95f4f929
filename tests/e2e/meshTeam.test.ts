import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeshStatus } from '../../src/shared/mesh/mesh';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { writeTinyModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

/**
 * Three desktops of one team (three `maily serve` processes on loopback): Ana's has no
 * model, Bo's and Cy's have one. In Ana's window (real Chromium) the mesh view shows the
 * three nodes, and subject lines she asks for are written on a teammate's node and
 * stream into her email editor.
 */
const env = useHostAndBrowser({ startHost: false });
const teammates: HostProcess[] = [];

afterAll(async () => {
  await Promise.all(teammates.splice(0).map((h) => h.stop('SIGKILL')));
});

async function teammate(name: string, invite: string): Promise<HostProcess> {
  const dataDir = tempDataDir('maily-mesh-e2e-');
  writeTinyModel(join(dataDir, 'models', 'tiny.gguf'));
  const host = await startHost(dataDir);
  teammates.push(host);
  const client = await TestClient.connect(host.origin, host.token);
  await client.call('profile:set', { name, colour: '#22aa77' });
  await client.call('teams:join', { invite });
  client.close();
  return host;
}

describe('the team’s AI mesh in the app', () => {
  it('shows three nodes and streams subject lines written on a teammate’s desktop', async () => {
    env.host = await startHost(tempDataDir('maily-mesh-e2e-'));
    const ana = await TestClient.connect(env.host.origin, env.host.token);
    await ana.call('profile:set', { name: 'Ana', colour: '#aa2277' });
    const team = await ana.call('teams:create', { name: 'Growth' });
    await expect
      .poll(async () => ((await ana.call('mesh:status', {})) as MeshStatus).state, { timeout: 20_000 })
      .toBe('running');
    const invite = await ana.call('teams:invite', { teamId: team.id });
    await Promise.all([teammate('Bo', invite.code), teammate('Cy', invite.code)]);
    const campaign = await ana.call('campaigns:create', { name: 'Welcome', template: 'welcome' });
    // The teammates join and advertise their models (the view is then checked against this)
    await expect
      .poll(
        async () =>
          ((await ana.call('mesh:status', {})) as MeshStatus).nodes.filter((n) => n.kind === 'peer' && n.models.length)
            .length,
        { timeout: 60_000 },
      )
      .toBe(2);
    ana.close();

    const { page, context, errors } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Mesh', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'AI mesh' });
    const graph = dialog.getByRole('region', { name: 'Mesh graph' });
    await graph.getByRole('group', { name: /, This device, / }).waitFor();
    for (const name of ['Bo', 'Cy'])
      await graph.getByRole('group', { name: new RegExp(`^${name}, Teammate, Ready`) }).waitFor({ timeout: 30_000 });
    expect(await graph.getByRole('group', { name: /, (This device|Teammate|External server), / }).count()).toBe(3);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${env.host.origin}/?campaign=${campaign.id}#token=${env.host.token}`);
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 20_000 }).toBe(9);
    await page.locator('.react-flow__node:has([data-kind="email"])').first().click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Edit email' }).click();
    const editor = page.getByRole('dialog', { name: 'Email editor' });
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __streamed: string[] }).__streamed = []);
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('pre.ai-stream, .ai-running [role=status]'))
          seen.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await editor.getByRole('button', { name: 'Suggest subject lines' }).click();
    const suggestions = editor.getByRole('list', { name: 'Suggested subject lines' });
    await suggestions.waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
      throw new Error(`no suggestions; the editor said: ${(await editor.innerText()).slice(0, 2_000)}`, {
        cause: error,
      });
    });
    const streamed = await page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
    expect(streamed.some((text) => text.startsWith('{'))).toBe(true); // it streamed into the editor
    expect(streamed).toContainEqual(expect.stringMatching(/^Writing subject lines on (Bo|Cy)…$/)); // said where, while
    await editor.getByText(/^Written on (Bo|Cy)$/).waitFor(); // … from a teammate's node: Ana has no model
    const use = suggestions.getByRole('button', { name: /^Use “/ }).first();
    const chosen = /^Use “(.*)”$/s.exec((await use.getAttribute('aria-label'))!)![1];
    await use.click();
    await expect.poll(() => editor.getByLabel('Subject', { exact: true }).inputValue()).toBe(chosen);
    expect(errors).toEqual([]);
    await context.close();
  });
});
