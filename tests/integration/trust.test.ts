import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBlockText, insertBlock } from '../../src/shared/email/emailDoc';
import { addNode, updateNodeData } from '../../src/shared/journey/ydoc';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

/** A test-only key (Hardhat's well-known account #1): never holds anything. */
const PRIVATE_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const ADDRESS = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const PASS = 'integration passphrase';

let host: HostProcess | undefined;
const previousScrypt = process.env.MAILY_KEYSTORE_SCRYPT_N;
beforeAll(() => {
  process.env.MAILY_KEYSTORE_SCRYPT_N = '1024'; // the host's keystore, cheap for tests (the default is 2^17)
});
afterAll(() => {
  if (previousScrypt === undefined) delete process.env.MAILY_KEYSTORE_SCRYPT_N;
  else process.env.MAILY_KEYSTORE_SCRYPT_N = previousScrypt;
});
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function emailCampaign(client: TestClient) {
  const { id: campaignId } = await client.call('campaigns:create', { name: 'Launch' });
  const doc = new Y.Doc();
  const emailId = addNode(doc, 'email', { x: 0, y: 0 });
  updateNodeData(doc, emailId, { subject: 'Spring news', preheader: 'What is new', senderName: 'Ada' });
  const textId = insertBlock(doc, emailId, 0, 'text')!;
  getBlockText(doc, emailId, textId)!.insert(0, 'Thanks for joining!');
  await client.call('docs:update', { campaignId, update: Y.encodeStateAsUpdate(doc) });
  return { campaignId, emailId };
}

/** Edits the campaign as a window would: from the host's state, one update. */
async function edit(client: TestClient, campaignId: string, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await client.call('docs:open', { campaignId })).state);
  const before = Y.encodeStateVector(doc);
  change(doc);
  await client.call('docs:update', { campaignId, update: Y.encodeStateAsUpdate(doc, before) });
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('trust certificates through the host', () => {
  it('signs with the local key, shows verified, then modified after a subject edit; the original link still verifies', async () => {
    const dataDir = tempDataDir();
    host = await startHost(dataDir);
    const client = await TestClient.connect(host.origin, host.token);
    const seen: unknown[] = [];
    const call = async <T>(work: Promise<T>) => {
      const value = await work;
      seen.push(value);
      return value;
    };
    expect(await call(client.call('trust:keyStatus', {}))).toEqual({
      state: 'none',
      address: null,
      vault: 'keystore',
      needsPassphrase: true,
    });
    const imported = await call(client.call('trust:importKey', { privateKey: PRIVATE_KEY, passphrase: PASS }));
    expect(imported).toMatchObject({ state: 'unlocked', address: ADDRESS });
    const { campaignId, emailId } = await emailCampaign(client);
    await client.call('docs:open', { campaignId });
    const view = await call(
      client.call('trust:sign', { campaignId, emailId, versionLabel: 'Approved by client', signer: 'local' }),
    );
    expect(view).toMatchObject({ campaignId, emailId, signer: ADDRESS, versionLabel: 'Approved by client' });
    // Stored with the campaign and sent to the open window like any other update.
    await until(() => client.events.some((e) => e.ev === 'trust:changed'), 'trust:changed');
    await until(() => client.events.some((e) => e.ev === 'docs:remoteUpdate'), 'the trust write as a doc update');
    const status = await call(client.call('trust:campaignStatus', { campaignId }));
    expect(status.emails[emailId]).toMatchObject({ status: 'verified', certificate: { uid: view.uid } });

    await edit(client, campaignId, (doc) => updateNodeData(doc, emailId, { subject: 'Spring news (updated)' }));
    const after = await call(client.call('trust:campaignStatus', { campaignId }));
    expect(after.emails[emailId].status).toBe('modified');
    const verification = await call(client.call('trust:verify', { link: view.link }));
    expect(verification).toMatchObject({
      ok: true,
      content: 'modified',
      status: 'modified',
      signer: { address: ADDRESS },
    });

    // Bad input: a clear answer, never a crash.
    const cut = await call(client.call('trust:verify', { link: view.link.slice(0, view.link.length - 30) }));
    expect(cut).toMatchObject({ ok: false, reason: 'truncated' });
    expect(await call(client.call('trust:verify', { link: 'https://example.com/' }))).toMatchObject({
      ok: false,
      reason: 'not-maily',
    });
    const tooLong = await client.request('trust:verify', { link: 'x'.repeat(20_000) });
    expect(tooLong.ok ? null : tooLong.error.code).toBe('E_INVALID_INPUT');
    const badUid = await client.request('trust:qr', { campaignId, uid: 'nope' });
    expect(badUid.ok ? null : badUid.error.code).toBe('E_INVALID_INPUT');
    const qr = await call(client.call('trust:qr', { campaignId, uid: view.uid }));
    expect(qr.dataUrl).toMatch(/^data:image\/png;base64,/);

    // Locked, the key signs nothing; a wrong passphrase says so.
    await call(client.call('trust:lock', {}));
    const locked = await client.request('trust:sign', { campaignId, emailId, versionLabel: 'v2', signer: 'local' });
    expect(locked.ok ? null : locked.error).toMatchObject({ code: 'E_UNAUTHORIZED', message: /Unlock/ });
    const wrong = await client.request('trust:unlock', { passphrase: 'wrong passphrase' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'E_UNAUTHORIZED', message: /does not unlock/ });

    // The private key never crossed the socket, in any answer or event.
    const wire = JSON.stringify([seen, client.events.filter((e) => e.ev !== 'docs:remoteUpdate')]).toLowerCase();
    expect(wire).toContain(ADDRESS.toLowerCase());
    expect(wire).not.toContain(PRIVATE_KEY.slice(2));
    client.close();

    // After a restart the key is locked, the certificates are still with the campaign.
    await host.stop();
    host = await startHost(dataDir);
    const again = await TestClient.connect(host.origin, host.token);
    expect(await again.call('trust:keyStatus', {})).toMatchObject({ state: 'locked', address: ADDRESS });
    expect((await again.call('trust:campaignStatus', { campaignId })).emails[emailId].status).toBe('modified');
    await again.call('trust:unlock', { passphrase: PASS });
    await again.call('trust:sign', { campaignId, emailId, versionLabel: 'Updated subject', signer: 'local' });
    expect((await again.call('trust:campaignStatus', { campaignId })).emails[emailId]).toMatchObject({
      status: 'verified',
      count: 2,
    });
    again.close();
  }, 120_000);
});
