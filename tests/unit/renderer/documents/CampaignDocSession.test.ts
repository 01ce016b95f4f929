import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApiClient, createWireApi, type EventListener } from '../../../../src/shared/api/client';
import type { Connection, ConnectionState } from '../../../../src/renderer/app/transport/connection';
import { CampaignDocSession } from '../../../../src/renderer/features/documents/CampaignDocSession';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

let env: InProcess;
afterEach(async () => env?.dispose());

/** A renderer connection to the real in-process host that can be cut and restored. */
function flakyClient(env: InProcess) {
  let state: ConnectionState = 'open';
  const stateListeners = new Set<(s: ConnectionState) => void>();
  const listeners = new Set<EventListener>();
  let session = env.host.openSession((e, p) => listeners.forEach((l) => l(e, p)));
  const connection: Connection = {
    get: () => state,
    subscribe: (l) => (stateListeners.add(l), () => stateListeners.delete(l)),
  };
  const wire = createWireApi(
    async (channel, input) =>
      state === 'open'
        ? session.call(channel, input)
        : { ok: false, error: { code: 'E_DISCONNECTED', message: 'offline' } },
    (l) => (listeners.add(l), () => listeners.delete(l)),
  );
  const set = (next: ConnectionState) => {
    state = next;
    if (next !== 'open') session.close();
    else session = env.host.openSession((e, p) => listeners.forEach((l) => l(e, p)));
    stateListeners.forEach((l) => l(next));
  };
  return { api: createApiClient(wire), connection, goOffline: () => set('offline'), goOnline: () => set('open') };
}

const noteCount = (doc: Y.Doc | null) => doc?.getMap('nodes').size ?? -1;
const addNote = (doc: Y.Doc, id: string) => doc.getMap('nodes').set(id, new Y.Map([['kind', 'note']]));

async function started(env: InProcess, campaignId: string, client = flakyClient(env)) {
  const session = new CampaignDocSession(client.api, client.connection, campaignId);
  await session.start();
  return { session, ...client };
}

describe('CampaignDocSession against the real host', () => {
  it('shows saved only after the host stored the update', async () => {
    env = inProcessHost();
    const { id } = await flakyClient(env).api.campaigns.create({ name: 'A' });
    const { session } = await started(env, id);
    const doc = session.get().doc!;
    addNote(doc, 'n1');
    expect(session.get().save.kind).toBe('saving');
    await expect.poll(() => session.get().save.kind).toBe('saved');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, env.host.services.docs.open(id).state);
    expect(noteCount(stored)).toBe(1);
    session.dispose();
  });

  it('brings edits from another window in', async () => {
    env = inProcessHost();
    const { id } = await flakyClient(env).api.campaigns.create({ name: 'B' });
    const a = await started(env, id);
    const b = await started(env, id);
    addNote(a.session.get().doc!, 'from-a');
    await expect.poll(() => noteCount(b.session.get().doc)).toBe(1);
    a.session.dispose();
    b.session.dispose();
  });

  it('keeps offline edits, says so, and saves them on reconnect while merging others', async () => {
    env = inProcessHost();
    const { id } = await flakyClient(env).api.campaigns.create({ name: 'C' });
    const a = await started(env, id);
    const b = await started(env, id);
    a.goOffline();
    addNote(a.session.get().doc!, 'offline-1');
    addNote(a.session.get().doc!, 'offline-2');
    await expect.poll(() => a.session.get().save.kind).toBe('offline');
    addNote(b.session.get().doc!, 'while-away');
    await expect.poll(() => b.session.get().save.kind).toBe('saved');
    a.goOnline();
    await expect.poll(() => a.session.get().save.kind).toBe('saved');
    expect(noteCount(a.session.get().doc)).toBe(3);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, env.host.services.docs.open(id).state);
    expect([...stored.getMap('nodes').keys()].sort()).toEqual(['offline-1', 'offline-2', 'while-away']);
    a.session.dispose();
    b.session.dispose();
  });

  it('reports a campaign that cannot be opened', async () => {
    env = inProcessHost();
    const { session } = await started(env, 'missing-campaign');
    expect(session.get().status).toBe('failed');
    expect(session.get().problem).toMatch(/\S/);
  });
});
