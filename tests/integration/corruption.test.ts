import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startHost, type HostProcess } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

const hosts: HostProcess[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop('SIGKILL')));
});

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap('meta').set('text', text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('a corrupt campaign on disk', () => {
  it('opens read-only with a clear message and leaves the other campaigns untouched', async () => {
    const first = await startHost();
    hosts.push(first);
    const c = await TestClient.connect(first.origin, first.token);
    const good = await c.call('campaigns:create', { name: 'Good' });
    const broken = await c.call('campaigns:create', { name: 'Broken' });
    const goodDoc = new Y.Doc();
    const brokenDoc = new Y.Doc();
    for (let i = 0; i < 5; i++) {
      await c.call('docs:update', { campaignId: good.id, update: textUpdate(goodDoc, `good ${i}`) });
      await c.call('docs:update', { campaignId: broken.id, update: textUpdate(brokenDoc, `broken ${i}`) });
    }
    c.close();
    await first.stop('SIGTERM');

    // Damage one stored update of one campaign, as a failing disk or a bad peer might.
    const db = new Database(join(first.dataDir, 'workspace.sqlite'));
    const damaged = db
      .prepare(
        'UPDATE doc_updates SET data = randomblob(40) WHERE campaign_id = ? AND seq = (SELECT MAX(seq) FROM doc_updates WHERE campaign_id = ?)',
      )
      .run(broken.id, broken.id);
    const snapshots = db.prepare('UPDATE doc_snapshots SET data = randomblob(40) WHERE campaign_id = ?').run(broken.id);
    db.close();
    expect(damaged.changes + snapshots.changes).toBeGreaterThan(0);

    const second = await startHost(first.dataDir);
    hosts.push(second);
    const c2 = await TestClient.connect(second.origin, second.token);
    const openedBroken = await c2.call('docs:open', { campaignId: broken.id });
    expect(openedBroken.readOnly).toBe(true);
    expect(openedBroken.problem).toMatch(/read-only/i);
    const refused = await c2.request('docs:update', { campaignId: broken.id, update: textUpdate(brokenDoc, 'more') });
    expect(refused.ok ? null : refused.error.code).toBe('E_READ_ONLY');

    const openedGood = await c2.call('docs:open', { campaignId: good.id });
    expect(openedGood.readOnly).toBe(false);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, openedGood.state);
    expect(doc.getMap('meta').get('text')).toBe('good 4');
    const ack = await c2.call('docs:update', { campaignId: good.id, update: textUpdate(goodDoc, 'good 5') });
    expect(ack.seq).toBeGreaterThan(0);
    expect((await c2.call('campaigns:list', {})).map((x) => x.name).sort()).toEqual(['Broken', 'Good']);
    c2.close();
  });
});
