import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../../../../src/shared/journey/ydoc';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

let env: InProcess;
afterEach(() => env.dispose());

describe('versions over the contract', () => {
  it('names, lists, diffs, reads and deletes versions, telling every session', async () => {
    env = inProcessHost();
    const { api } = env.connect();
    const events: string[] = [];
    api.on('versions:changed', (p) => events.push(p.campaignId));
    const { id } = await api.campaigns.create({ name: 'Welcome' });
    const doc = new Y.Doc();
    addNode(doc, 'entry', { x: 0, y: 0 });
    await api.docs.update({ campaignId: id, update: Y.encodeStateAsUpdate(doc) });

    const made = await api.versions.create({ campaignId: id, name: 'First' });
    expect(made).toMatchObject({ name: 'First', automatic: false, author: env.host.services.profile.get().name });
    const auto = await api.versions.create({ campaignId: id, name: 'Before restoring “First”', automatic: true });
    expect(auto.automatic).toBe(true);
    expect((await api.versions.list({ campaignId: id })).map((v) => v.name)).toEqual([
      'Before restoring “First”',
      'First',
    ]);
    expect((await api.versions.diff({ campaignId: id, from: made.id, to: 'current' })).same).toBe(true);
    const { state } = await api.versions.get({ campaignId: id, versionId: made.id });
    expect(state).toBeInstanceOf(Uint8Array);
    await api.versions.delete({ campaignId: id, versionId: auto.id });
    await expect(api.versions.get({ campaignId: id, versionId: auto.id })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(api.versions.create({ campaignId: id, name: '  ' })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
    expect(events).toEqual([id, id, id]);
  });
});
