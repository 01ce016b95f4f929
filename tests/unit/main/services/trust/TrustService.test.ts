import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TypedDataEncoder, Wallet } from 'ethers';
import jsQR from 'jsqr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signCertificate } from '../../../../../src/main/services/trust/certificate';
import { encodePayload } from '../../../../../src/main/services/trust/payload';
import { signRevocation } from '../../../../../src/main/services/trust/revocation';
import { emailContentHash } from '../../../../../src/shared/trust/canonical';
import { updateNodeData, addNode } from '../../../../../src/shared/journey/ydoc';
import { certificatesMap, revocationsMap } from '../../../../../src/shared/trust/trustDoc';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import type { TypedDataSigner } from '../../../../../src/main/services/trust/TypedDataSigner';
import { aliceKey, fields, malloryKey, walletSigner } from './trustFixtures';
import { editDoc, harness, TEAM_ID, type Harness } from './trustHarness';

const PASS = 'correct horse battery';

/** The MailyError code `work` rejects (or throws) with. */
async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return (error as MailyError).code;
  }
  return 'no error';
}
let h: Harness;

beforeEach(() => {
  h = harness();
});
afterEach(() => h.dispose());

async function signed(expiresAt?: number) {
  await h.trust.importKey({ privateKey: aliceKey }, PASS);
  return h.trust.sign({
    campaignId: h.campaignId,
    emailId: h.emailId,
    versionLabel: 'Final',
    signer: 'local',
    expiresAt,
  });
}

describe('TrustService: the local key', () => {
  it('creates, locks and unlocks a key; a wrong passphrase is refused clearly', async () => {
    expect(h.trust.keyStatus()).toEqual({ state: 'none', address: null, vault: 'keystore', needsPassphrase: true });
    await expect(h.trust.createKey()).rejects.toThrow(/passphrase/);
    const created = await h.trust.createKey(PASS);
    expect(created).toMatchObject({ state: 'unlocked', address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/) });
    expect(h.trust.lock()).toMatchObject({ state: 'locked', address: created.address });
    const sign = h.trust.sign({ campaignId: h.campaignId, emailId: h.emailId, versionLabel: 'v1', signer: 'local' });
    expect(await codeOf(sign)).toBe(ErrorCode.Unauthorized);
    const wrong = h.trust.unlock('not the passphrase');
    expect(await codeOf(wrong)).toBe(ErrorCode.Unauthorized);
    await expect(h.trust.unlock('not the passphrase')).rejects.toThrow(
      'That passphrase does not unlock the signing key',
    );
    expect(h.trust.keyStatus().state).toBe('locked');
    expect(await h.trust.unlock(PASS)).toMatchObject({ state: 'unlocked', address: created.address });
    // A second key would silently lose the first: refused unless asked for.
    expect(await codeOf(h.trust.createKey(PASS))).toBe(ErrorCode.InvalidInput);
    expect((await h.trust.createKey(PASS, true)).address).not.toBe(created.address);
  });

  it('imports a hex key or a recovery phrase, and names a bad one without echoing it', async () => {
    const alice = new Wallet(aliceKey);
    expect((await h.trust.importKey({ privateKey: aliceKey.slice(2) }, PASS)).address).toBe(alice.address);
    const phrase = 'test test test test test test test test test test test junk';
    const imported = await h.trust.importKey({ mnemonic: phrase }, PASS, true);
    expect(imported.address).toBe(Wallet.fromPhrase(phrase).address);
    const bad = `0x${'00'.repeat(32)}`;
    const error = await h.trust.importKey({ privateKey: bad }, PASS, true).catch((e: Error) => e);
    expect(String((error as Error).message)).toBe('That private key is not valid.');
  });

  it('keeps the key encrypted on disk and never puts it in any output', async () => {
    const view = await signed();
    const file = readFileSync(h.keystoreFile, 'utf8');
    const secret = aliceKey.slice(2).toLowerCase();
    expect(file.toLowerCase()).not.toContain(secret);
    const outputs = [
      h.trust.keyStatus(),
      view,
      h.trust.list(h.campaignId),
      h.trust.campaignStatus(h.campaignId),
      h.trust.verify(view.link),
      await h.trust.qr(h.campaignId, view.uid),
      h.trust.exportFile(h.campaignId, view.uid),
      await h.trust.revoke(h.campaignId, view.uid, 'Superseded'),
      h.trust.addressBook(TEAM_ID),
      h.trust.lock(),
    ];
    const text = JSON.stringify(outputs).toLowerCase();
    expect(text).not.toContain(secret);
    expect(h.docs.open(h.campaignId).state.toString()).not.toContain(secret);
    expect(Buffer.from(h.docs.open(h.campaignId).state).toString('latin1').toLowerCase()).not.toContain(secret);
  });
});

describe('TrustService: certificates', () => {
  it('signs an email, stores it in the campaign doc and shows it verified, then modified after an edit', async () => {
    const changes: string[] = [];
    h.trust.onChanged(({ campaignId }) => changes.push(campaignId));
    const view = await signed();
    expect(view).toMatchObject({
      emailId: h.emailId,
      versionLabel: 'Final',
      signerName: 'Alice Designer',
      revocation: null,
    });
    expect(changes).toEqual([h.campaignId]);
    h.docs.read(h.campaignId, (doc) => expect(certificatesMap(doc).get(view.uid)).toEqual(expect.any(String)));
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId]).toMatchObject({
      status: 'verified',
      count: 1,
      certificate: { uid: view.uid },
      signer: { address: new Wallet(aliceKey).address, knownAs: 'Alice Designer', source: 'certificate' },
    });
    editDoc(h, (doc) => updateNodeData(doc, h.emailId, { subject: 'Changed subject' }));
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('modified');
    const verification = h.trust.verify(view.link);
    expect(verification).toMatchObject({ ok: true, content: 'modified', status: 'modified', expired: false });
    expect(verification.ok && verification.summary).toContain('modified since signing');
    // Changing it back makes it verified again: the hash is of content, not history.
    editDoc(h, (doc) => updateNodeData(doc, h.emailId, { subject: 'Welcome aboard' }));
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('verified');
  });

  it('lists every Email step, unsigned ones too, and refuses a missing one or a past expiry', async () => {
    let second = '';
    editDoc(h, (doc) => (second = addNode(doc, 'email', { x: 1, y: 1 })));
    await signed();
    const status = h.trust.campaignStatus(h.campaignId);
    expect(status.emails[second]).toMatchObject({ status: 'unsigned', certificate: null, count: 0 });
    const missing = h.trust.sign({ campaignId: h.campaignId, emailId: 'gone', versionLabel: 'x', signer: 'local' });
    expect(await codeOf(missing)).toBe(ErrorCode.NotFound);
    const past = h.trust.sign({
      ...{ campaignId: h.campaignId, emailId: h.emailId },
      versionLabel: 'x',
      signer: 'local',
      expiresAt: 5,
    });
    expect(await codeOf(past)).toBe(ErrorCode.InvalidInput);
    const wallet = h.trust.sign({
      campaignId: h.campaignId,
      emailId: h.emailId,
      versionLabel: 'x',
      signer: 'walletconnect',
    });
    expect(await codeOf(wallet)).toBe(ErrorCode.NotFound);
  });

  it('expires a certificate at its expiry time', async () => {
    const view = await signed(h.clock.now + 60_000);
    expect(view.expiresAt).toBe(h.clock.now + 60_000);
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('verified');
    h.clock.now += 60_000;
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('expired');
    expect(h.trust.verify(view.link)).toMatchObject({ ok: true, expired: true, status: 'expired' });
  });

  it('revokes with the signer’s key; the link then carries the revocation', async () => {
    const view = await signed();
    const revoked = await h.trust.revoke(h.campaignId, view.uid, 'Wrong price in the footer');
    expect(revoked.revocation).toMatchObject({ reason: 'Wrong price in the footer', by: new Wallet(aliceKey).address });
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('revoked');
    const verification = h.trust.verify(revoked.link);
    expect(verification).toMatchObject({
      ok: true,
      status: 'revoked',
      certificate: { revocation: { reason: 'Wrong price in the footer' } },
    });
    // The link made before the revocation still verifies, but the campaign here knows better.
    expect(h.trust.verify(view.link)).toMatchObject({ ok: true, status: 'verified' });
    expect(await codeOf(h.trust.revoke(h.campaignId, view.uid, 'again'))).toBe(ErrorCode.InvalidInput);
  });

  it('refuses a revocation by someone else, and skips one forged into the doc', async () => {
    const view = await signed();
    await h.trust.importKey({ privateKey: malloryKey }, PASS, true);
    const attempt = h.trust.revoke(h.campaignId, view.uid, 'I say so');
    expect(await codeOf(attempt)).toBe(ErrorCode.Unauthorized);
    await expect(h.trust.revoke(h.campaignId, view.uid, 'I say so')).rejects.toThrow(/Only the certificate's signer/);
    // A teammate's doc may carry a revocation Mallory signed herself.
    const forged = await signRevocation(view.uid, 'forged', h.clock.now, walletSigner(malloryKey));
    editDoc(h, (doc) => revocationsMap(doc).set(view.uid, JSON.stringify(forged)), 'peer');
    const status = h.trust.campaignStatus(h.campaignId);
    expect(status.emails[h.emailId].status).toBe('verified');
    expect(status.problems).toEqual([expect.objectContaining({ key: view.uid, reason: 'bad-revocation' })]);
  });

  it('signs and revokes with a wallet signer (the WalletConnect path), the same typed data', async () => {
    h.dispose();
    h = harness({ walletconnect: walletSigner(malloryKey, 'walletconnect') });
    await h.trust.importKey({ privateKey: aliceKey }, PASS); // a local key too, but another address
    const view = await h.trust.sign({
      campaignId: h.campaignId,
      emailId: h.emailId,
      versionLabel: 'W',
      signer: 'walletconnect',
    });
    expect(view.signer).toBe(new Wallet(malloryKey).address);
    expect(h.trust.verify(view.link)).toMatchObject({ ok: true, status: 'verified', content: 'matches' });
    const revoked = await h.trust.revoke(h.campaignId, view.uid, 'Sent by mistake'); // the wallet is the signer
    expect(revoked.revocation?.by).toBe(new Wallet(malloryKey).address);
    const mine = await h.trust.sign({
      campaignId: h.campaignId,
      emailId: h.emailId,
      versionLabel: 'L',
      signer: 'local',
    });
    const refused = h.trust.revoke(h.campaignId, mine.uid, 'x', 'walletconnect');
    expect(await codeOf(refused)).toBe(ErrorCode.Unauthorized);
  });

  it('skips and reports garbage in the campaign doc’s trust maps, and never crashes', async () => {
    const view = await signed();
    const other = harness({ ws: undefined });
    await other.trust.importKey({ privateKey: aliceKey }, PASS);
    const foreign = await other.trust.sign({
      campaignId: other.campaignId,
      emailId: other.emailId,
      versionLabel: 'x',
      signer: 'local',
    });
    const foreignPayload = other.docs.read(other.campaignId, (doc) => certificatesMap(doc).get(foreign.uid) as string);
    other.dispose();
    const payload = view.link.slice(view.link.indexOf('#') + 1);
    editDoc(
      h,
      (doc) => {
        const certs = certificatesMap(doc);
        certs.set('n', 42);
        certs.set('map', new Y.Map());
        certs.set('junk', 'hello world');
        certs.set('cut', payload.slice(0, 40));
        certs.set(`0x${'00'.repeat(32)}`, payload); // right payload, wrong key
        certs.set(foreign.uid, foreignPayload); // another campaign's certificate pasted in
        certs.set('big', 'x'.repeat(9_000));
        revocationsMap(doc).set('nothing', '["r1"]');
      },
      'peer',
    );
    const status = h.trust.campaignStatus(h.campaignId);
    expect(status.emails[h.emailId]).toMatchObject({ status: 'verified', count: 1 });
    expect(status.problems.map((p) => p.key).sort()).toEqual(
      ['n', 'map', 'junk', 'cut', `0x${'00'.repeat(32)}`, foreign.uid, 'big', 'nothing'].sort(),
    );
    for (const p of status.problems) expect(p.message.length).toBeGreaterThan(10);
    expect(h.trust.list(h.campaignId).certificates.map((c) => c.uid)).toEqual([view.uid]);
  });

  it('verifies a certificate synced from a teammate, learns their name, and lets a manual name win', async () => {
    await signed();
    const bob = new Wallet(malloryKey).address;
    const changes: string[] = [];
    h.trust.onChanged(({ campaignId }) => changes.push(campaignId));
    /** Bob signs the same content on his machine; his update arrives through the collaboration sync. */
    const fromBob = async (signerName: string) => {
      const hash = h.docs.read(h.campaignId, (doc) => emailContentHash(doc, h.emailId))!;
      const pkg = await signCertificate(
        { ...fields, contentHash: hash, campaignId: h.campaignId, emailId: h.emailId, signerName },
        { issuedAt: h.clock.now + 1_000, expiresAt: null },
        walletSigner(malloryKey),
      );
      const peer = new Y.Doc();
      certificatesMap(peer).set(pkg.sig.uid, encodePayload(pkg));
      h.docs.applyUpdate(h.campaignId, Y.encodeStateAsUpdate(peer), 'session-of-a-window-synced-with-bob');
      return pkg.sig.uid;
    };
    const uid = await fromBob('Bob');
    expect(changes).toEqual([h.campaignId]); // a teammate's certificate announces itself
    const status = h.trust.campaignStatus(h.campaignId).emails[h.emailId];
    expect(status).toMatchObject({
      status: 'verified',
      count: 2,
      certificate: { uid },
      signer: { knownAs: 'Bob', source: 'certificate' },
    });
    expect(h.trust.addressBook(TEAM_ID)).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: bob, name: 'Bob', source: 'certificate' })]),
    );
    h.trust.setName(TEAM_ID, bob.toLowerCase(), 'Robert (client side)');
    await fromBob('Bobby');
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].signer).toMatchObject({
      knownAs: 'Robert (client side)',
      source: 'manual',
    });
    h.trust.removeName(TEAM_ID, bob);
    expect(h.trust.addressBook(TEAM_ID).some((e) => e.address === bob)).toBe(false);
    expect(await codeOf(() => h.trust.addressBook('team_unknown1'))).toBe(ErrorCode.NotFound);
    // Edits that do not touch the trust maps announce nothing.
    editDoc(h, (doc) => updateNodeData(doc, h.emailId, { label: 'Renamed' }));
    expect(changes).toEqual([h.campaignId, h.campaignId]);
  });

  it('makes a QR code image of the link that decodes back to it', async () => {
    const view = await signed();
    const qr = await h.trust.qr(h.campaignId, view.uid);
    expect(qr.link).toBe(view.link);
    const { PNG } = createRequire(import.meta.url)('pngjs') as {
      PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
    };
    const png = PNG.sync.read(Buffer.from(qr.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(scanned?.data).toBe(view.link);
    expect(h.trust.verify(scanned!.data)).toMatchObject({ ok: true, status: 'verified', content: 'matches' });
  });

  it('exports a certificate file that verifies, and whose EAS package other tools can read', async () => {
    const view = await signed();
    const file = h.trust.exportFile(h.campaignId, view.uid);
    expect(file.fileName).toMatch(/^maily-certificate-Final-[0-9a-f]{8}\.json$/);
    const parsed = JSON.parse(file.text) as { format: string; eas: { sig: { uid: string }; signer: string } };
    expect(parsed).toMatchObject({ format: 'maily.certificate/1', eas: { sig: { uid: view.uid } } });
    expect(h.trust.verify(file.text)).toMatchObject({ ok: true, status: 'verified' });
    expect(h.trust.verify(JSON.stringify(parsed.eas))).toMatchObject({ ok: true, status: 'verified' });
    expect(h.trust.verify('{"hello": 1}')).toMatchObject({ ok: false, reason: 'not-maily' });
    expect(h.trust.verify('{"format": "maily.certificate/1"')).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});

describe('TrustService: a wallet signature that arrives after a restart', () => {
  it('stores the certificate from the signed typed data, once; other data or a wrong signature is refused', async () => {
    const alice = new Wallet(aliceKey);
    // The wallet signs while this host is gone: the request's caller never sees the answer.
    let queued: { typedData: string; signature: string } | null = null;
    const offline: TypedDataSigner = {
      kind: 'walletconnect',
      address: async () => alice.address,
      async signTypedData(domain, types, value) {
        const typedData = JSON.stringify(TypedDataEncoder.getPayload(domain, types, value));
        queued = { typedData, signature: await alice.signTypedData(domain, types, value) };
        throw new MailyError(ErrorCode.Disposed, 'Maily is closing; the signing request stays queued.');
      },
    };
    h.dispose();
    h = harness({ walletconnect: offline });
    const ask = {
      campaignId: h.campaignId,
      emailId: h.emailId,
      versionLabel: 'Queued',
      signer: 'walletconnect' as const,
    };
    expect(await codeOf(h.trust.sign(ask))).toBe(ErrorCode.Disposed);
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('unsigned');
    const { typedData, signature } = queued!;

    // Refused first (nothing stored yet, so a null here is the check's doing)
    const other = typedData.replace(/"time":"?\d+/, '"time":"1');
    expect(other).not.toBe(typedData);
    expect(await h.trust.adoptWalletSignature(other, signature, alice.address)).toBeNull();
    const mallory = new Wallet(malloryKey);
    expect(await h.trust.adoptWalletSignature(typedData, signature, mallory.address)).toBeNull();
    expect(await h.trust.adoptWalletSignature('not json', signature, alice.address)).toBeNull();
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('unsigned');

    const adopted = await h.trust.adoptWalletSignature(typedData, signature, alice.address);
    expect(adopted).toMatchObject({ signer: alice.address });
    expect(h.trust.campaignStatus(h.campaignId).emails[h.emailId].status).toBe('verified');
    expect(await h.trust.adoptWalletSignature(typedData, signature, alice.address)).toBeNull(); // stored already
    expect(h.trust.list(h.campaignId).certificates).toHaveLength(1);
  });
});
