import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { restoreVersion } from '../../../../../src/shared/collab/restoreVersion';
import { ErrorCode } from '../../../../../src/shared/errors';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import type { Database } from '../../../../../src/main/services/storage/Database';
import { VersionService } from '../../../../../src/main/services/versions/VersionService';
import { codeOf, JourneyClient, nodesOf, tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
let db: Database;
let docs: DocService;
let campaigns: CampaignService;
let versions: VersionService;
let clock: number;
let campaignId: string;
let client: JourneyClient;

beforeEach(() => {
  ws = tempWorkspace();
  db = ws.open();
  clock = 1_000;
  const now = () => clock;
  docs = new DocService(db, { now });
  campaigns = new CampaignService(db, { now });
  versions = new VersionService(db, docs, { now });
  campaignId = campaigns.create('Welcome').id;
  client = new JourneyClient();
  docs.applyUpdate(campaignId, client.addNode('a'), 'ui');
});
afterEach(() => {
  versions.dispose();
  docs.dispose();
  ws.cleanup();
});

/** A version's state as a document. */
function docOf(versionId: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, versions.get(campaignId, versionId).state);
  return doc;
}

describe('VersionService', () => {
  it('names the campaign as the host holds it, and lists versions newest first', () => {
    const first = versions.create(campaignId, '  First draft ', 'Ada');
    expect(first).toEqual({
      id: first.id,
      campaignId,
      name: 'First draft',
      author: 'Ada',
      automatic: false,
      createdAt: 1_000,
    });
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    docs.applyUpdate(campaignId, client.addNode('b'), 'ui');
    const second = versions.create(campaignId, 'Second', 'Ada', true); // same millisecond
    clock = 2_000;
    const third = versions.create(campaignId, 'Third', '  ');
    expect(versions.list(campaignId).map((v) => v.id)).toEqual([third.id, second.id, first.id]);
    expect(third.author).toBe('You');
    expect(versions.list(campaignId)[1].automatic).toBe(true);
    expect(Object.keys(nodesOf(versions.get(campaignId, first.id).state))).toEqual(['a']);
    expect(Object.keys(nodesOf(versions.get(campaignId, second.id).state)).sort()).toEqual(['a', 'b']);
  });

  it('keeps versions across a restart of the database', () => {
    const made = versions.create(campaignId, 'Kept', 'Ada');
    docs.dispose();
    db.dispose();
    const reopened = ws.open();
    const again = new VersionService(reopened, new DocService(reopened));
    expect(again.list(campaignId)).toEqual([made]);
    expect(Object.keys(nodesOf(again.get(campaignId, made.id).state))).toEqual(['a']);
  });

  it('refuses bad names, unknown campaigns and unknown versions with catalogue codes', () => {
    expect(codeOf(() => versions.create(campaignId, '  ', 'Ada'))).toBe(ErrorCode.InvalidInput);
    expect(codeOf(() => versions.create(campaignId, 'x'.repeat(121), 'Ada'))).toBe(ErrorCode.InvalidInput);
    expect(codeOf(() => versions.create('nope', 'V', 'Ada'))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => versions.get(campaignId, 'nope'))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => versions.delete(campaignId, 'nope'))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => versions.diff(campaignId, 'nope', 'current'))).toBe(ErrorCode.NotFound);
    campaigns.trash(campaignId);
    expect(codeOf(() => versions.create(campaignId, 'V', 'Ada'))).toBe(ErrorCode.NotFound);
  });

  it('answers E_CORRUPT with what to do when a version’s bytes changed on disk', () => {
    const made = versions.create(campaignId, 'Fragile', 'Ada');
    db.sqlite.prepare('UPDATE versions SET data = randomblob(40) WHERE id = ?').run(made.id);
    expect(codeOf(() => versions.get(campaignId, made.id))).toBe(ErrorCode.Corrupt);
    expect(() => versions.get(campaignId, made.id)).toThrow(/“Fragile” is damaged.*Pick another version/);
    expect(codeOf(() => versions.diff(campaignId, made.id, 'current'))).toBe(ErrorCode.Corrupt);
    // A damaged checksum, too: the data is never trusted without it.
    const other = versions.create(campaignId, 'Other', 'Ada');
    db.sqlite.prepare('UPDATE versions SET checksum = zeroblob(32) WHERE id = ?').run(other.id);
    expect(codeOf(() => versions.get(campaignId, other.id))).toBe(ErrorCode.Corrupt);
    expect(versions.list(campaignId)).toHaveLength(2);
  });

  it('diffs a version against the campaign now, and two versions against each other', () => {
    const before = versions.create(campaignId, 'Before', 'Ada');
    docs.applyUpdate(campaignId, client.addNode('b', 'delay'), 'ui');
    docs.applyUpdate(campaignId, client.setField('a', 'label', 'Renamed'), 'ui');
    const diff = versions.diff(campaignId, before.id, 'current');
    expect(diff).toMatchObject({ from: before.id, to: 'current', same: false });
    expect(diff.nodes.added).toEqual([{ id: 'b', label: 'Node b', kind: 'delay' }]);
    expect(diff.nodes.changed[0].changes).toEqual([{ field: 'label', before: 'Node a', after: 'Renamed' }]);
    const after = versions.create(campaignId, 'After', 'Ada');
    expect(versions.diff(campaignId, after.id, 'current').same).toBe(true);
    expect(versions.diff(campaignId, after.id, before.id).nodes.removed.map((n) => n.id)).toEqual(['b']);
    expect(versions.diff(campaignId, 'current', 'current').same).toBe(true);
  });

  it('deletes a version and tells listeners of every change', () => {
    const listener = vi.fn();
    const off = versions.onChanged(listener);
    const made = versions.create(campaignId, 'Gone soon', 'Ada');
    expect(versions.delete(campaignId, made.id)).toEqual({ versionId: made.id });
    expect(versions.list(campaignId)).toEqual([]);
    expect(listener.mock.calls).toEqual([[{ campaignId }], [{ campaignId }]]);
    off();
    versions.create(campaignId, 'Quiet', 'Ada');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('deletes the versions with the campaign when it is purged', () => {
    versions.create(campaignId, 'V', 'Ada');
    campaigns.trash(campaignId);
    campaigns.purge(campaignId);
    expect(versions.list(campaignId)).toEqual([]);
  });

  it('never loses the work a restore replaces: it lives on in the version saved before it', () => {
    const named = versions.create(campaignId, 'Named', 'Ada');
    // A teammate's step arrives (merged into the host) after the version was named.
    const teammate = new JourneyClient(docs.open(campaignId).state);
    docs.applyUpdate(campaignId, teammate.addNode('theirs', 'goal'), 'peer');
    // The restore flow: save the campaign as it is, then restore as an ordinary edit.
    const safety = versions.create(campaignId, 'Before restoring “Named”', 'Ada', true);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, docs.open(campaignId).state);
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    restoreVersion(editor, docOf(named.id), { editor: 'me' });
    expect(updates).toHaveLength(1);
    docs.applyUpdate(campaignId, updates[0], 'ui');
    expect(versions.diff(campaignId, named.id, 'current').same).toBe(true);
    expect(Object.keys(nodesOf(versions.get(campaignId, safety.id).state))).toContain('theirs');
    expect(versions.diff(campaignId, safety.id, 'current').nodes.removed.map((n) => n.id)).toEqual(['theirs']);
  });
});
