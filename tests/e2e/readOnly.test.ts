import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../../src/shared/journey/ydoc';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startHost } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

const env = useHostAndBrowser({ startHost: false });

async function seed(client: TestClient, name: string): Promise<string> {
  const { id } = await client.call('campaigns:create', { name });
  const doc = new Y.Doc();
  addNode(doc, 'entry', { x: 0, y: 0 });
  addNode(doc, 'email', { x: 300, y: 0 });
  await client.call('docs:update', { campaignId: id, update: Y.encodeStateAsUpdate(doc) });
  return id;
}

describe('a damaged campaign in the UI', () => {
  it('opens read-only with the reason while the other campaigns stay editable', async () => {
    const first = await startHost();
    const client = await TestClient.connect(first.origin, first.token);
    const broken = await seed(client, 'Damaged');
    await seed(client, 'Healthy');
    client.close();
    await first.stop();
    const db = new Database(join(first.dataDir, 'workspace.sqlite'));
    db.prepare('UPDATE doc_updates SET data = randomblob(64) WHERE campaign_id = ?').run(broken);
    db.prepare('UPDATE doc_snapshots SET data = randomblob(64) WHERE campaign_id = ?').run(broken);
    db.close();

    env.host = await startHost(first.dataDir);
    const { page, context, errors } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Open Damaged' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /read-only/i })
      .waitFor();
    await page.getByText('Read-only', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Add Email', exact: true }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Back to campaigns' }).click();
    await page.getByRole('button', { name: 'Open Healthy' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Add Email', exact: true }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Add Email', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await page.locator('[data-save="saved"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
