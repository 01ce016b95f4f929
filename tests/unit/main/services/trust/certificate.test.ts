import { Wallet, ZeroAddress, ZeroHash, solidityPackedKeccak256 } from 'ethers';
import { createRequire } from 'node:module';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkCertificate,
  encodeFields,
  signCertificate,
  type CertificatePackage,
} from '../../../../../src/main/services/trust/certificate';
import { easSdk } from '../../../../../src/main/services/trust/easSdk';
import { decodeInput, encodePayload, linkOf } from '../../../../../src/main/services/trust/payload';
import {
  TRUST_CHAIN_ID,
  TRUST_EAS_CONTRACT,
  TRUST_EAS_VERSION,
  TRUST_SCHEMA_UID,
} from '../../../../../src/shared/trust/constants';
import { aliceKey, fields, malloryKey, qrRoundTrip, walletSigner } from './trustFixtures';

const times = { issuedAt: 1_764_583_000_000, expiresAt: null };
let pkg: CertificatePackage;
let link: string;

/** Signs `fields` in any domain and schema, as another app (or chain) would. */
async function signElsewhere(domain: { chainId: number; contract: string; version: string }, schema: string) {
  const sdk = easSdk();
  const offchain = new sdk.Offchain(
    { address: domain.contract, version: domain.version, chainId: BigInt(domain.chainId) },
    sdk.OffchainAttestationVersion.Version2,
    undefined as never,
  );
  const wallet = new Wallet(aliceKey);
  const sig = await offchain.signOffchainAttestation(
    {
      schema,
      recipient: ZeroAddress,
      time: 1_764_583_000n,
      expirationTime: 0n,
      revocable: true,
      refUID: ZeroHash,
      data: encodeFields(fields),
    },
    wallet,
  );
  return linkOf(encodePayload({ sig, signer: wallet.address }));
}

/** Rebuilds a link after changing its compact JSON (as a forger with the link would). */
function tamper(source: string, change: (compact: unknown[]) => void): string {
  const payload = source.slice(source.indexOf('#') + 1);
  const compact = JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url')).toString()) as unknown[];
  change(compact);
  return linkOf(deflateRawSync(Buffer.from(JSON.stringify(compact))).toString('base64url'));
}

beforeAll(async () => {
  pkg = await signCertificate(fields, times, walletSigner(aliceKey));
  link = linkOf(encodePayload(pkg));
});

describe('certificates (EAS offchain attestations)', () => {
  it('signs with a TypedDataSigner and verifies offline, in Maily’s fixed domain and schema', () => {
    expect(pkg.sig.domain).toMatchObject({
      name: 'EAS Attestation',
      version: TRUST_EAS_VERSION,
      verifyingContract: TRUST_EAS_CONTRACT,
    });
    expect(BigInt(pkg.sig.domain.chainId)).toBe(BigInt(TRUST_CHAIN_ID));
    expect(pkg.sig.message.schema).toBe(TRUST_SCHEMA_UID);
    const check = checkCertificate(pkg);
    expect(check.ok && check.certificate).toMatchObject({
      fields,
      signer: new Wallet(aliceKey).address,
      issuedAt: times.issuedAt,
      expiresAt: null,
    });
  });

  it('names its schema UID as EAS computes it', () => {
    const schema =
      'bytes32 contentHash,string campaignId,string emailId,string versionLabel,string signerName,string rendererVersion';
    expect(TRUST_SCHEMA_UID).toBe(solidityPackedKeccak256(['string', 'address', 'bool'], [schema, ZeroAddress, true]));
  });

  it('round-trips through a short link, the maily:// form, a bare payload and a QR image', () => {
    expect(link.startsWith('https://maily.app/verify#')).toBe(true);
    expect(link.length).toBeLessThan(440); // EAS's own offchain link of the same attestation is ~570 here
    const payload = link.slice(link.indexOf('#') + 1);
    for (const form of [link, `maily://verify#${payload}`, payload, `  ${link}\n`]) {
      const decoded = decodeInput(form);
      expect(decoded.ok && checkCertificate(decoded.carried.pkg).ok).toBe(true);
    }
    const scanned = qrRoundTrip(link);
    expect(scanned).toBe(link);
    const decoded = decodeInput(scanned!);
    expect(decoded.ok && checkCertificate(decoded.carried.pkg)).toMatchObject({ ok: true });
  });

  it('reads EAS’s own offchain URL of a Maily certificate (as easscan shares it)', () => {
    const sdk = createRequire(import.meta.url)('@ethereum-attestation-service/eas-sdk') as {
      createOffchainURL(p: CertificatePackage): string;
    };
    const url = `https://sepolia.easscan.org${sdk.createOffchainURL(pkg)}`;
    const decoded = decodeInput(url);
    expect(decoded.ok && checkCertificate(decoded.carried.pkg)).toMatchObject({ ok: true });
    expect(decodeInput(url.slice(0, url.length - 20))).toMatchObject({ ok: false });
  });

  it('breaks verification when any signed field changes', () => {
    const edits: [string, (c: unknown[]) => void][] = [
      ['r', (c) => (c[1] = `0x${'11'.repeat(32)}`)],
      ['s', (c) => (c[2] = `0x${'22'.repeat(16)}${(c[2] as string).slice(34)}`)],
      ['v', (c) => (c[3] = (c[3] as number) === 27 ? 28 : 27)],
      ['signer', (c) => (c[4] = new Wallet(malloryKey).address)],
      ['time', (c) => (c[5] = (c[5] as number) + 1)],
      ['expirationTime', (c) => (c[6] = 1_900_000_000)],
      ['salt', (c) => (c[7] = `0x${'33'.repeat(32)}`)],
      ...(['contentHash', 'campaignId', 'emailId', 'versionLabel', 'signerName', 'rendererVersion'] as const).map(
        (name, index): [string, (c: unknown[]) => void] => [
          name,
          (c) => {
            const data = c[8] as string[];
            data[index] = index === 0 ? `0x${'cd'.repeat(32)}` : `${data[index]}x`;
          },
        ],
      ),
    ];
    for (const [name, edit] of edits) {
      const decoded = decodeInput(tamper(link, edit));
      expect(decoded.ok, name).toBe(true);
      const check = decoded.ok ? checkCertificate(decoded.carried.pkg) : null;
      expect(check, name).toMatchObject({ ok: false, reason: 'forged' });
    }
  });

  it('refuses a forged certificate: another signer’s valid signature claimed for Alice', async () => {
    const mallory = await signCertificate(fields, times, walletSigner(malloryKey));
    const claimed = { ...mallory, signer: new Wallet(aliceKey).address };
    expect(checkCertificate(claimed)).toMatchObject({ ok: false, reason: 'forged' });
    expect(checkCertificate(mallory)).toMatchObject({ ok: true });
  });

  it('names a certificate for another chain, another contract or another schema, and never accepts it', async () => {
    const cases: [string, Promise<string>, string][] = [
      [
        'chain',
        signElsewhere({ chainId: 1, contract: TRUST_EAS_CONTRACT, version: TRUST_EAS_VERSION }, TRUST_SCHEMA_UID),
        'other-chain',
      ],
      [
        'contract',
        signElsewhere(
          { chainId: TRUST_CHAIN_ID, contract: '0xA1207F3BBa224E2c9c3c6D5aF63D0eb1582Ce587', version: '1.0.0' },
          TRUST_SCHEMA_UID,
        ),
        'other-contract',
      ],
      [
        'schema',
        signElsewhere(
          { chainId: TRUST_CHAIN_ID, contract: TRUST_EAS_CONTRACT, version: TRUST_EAS_VERSION },
          `0x${'44'.repeat(32)}`,
        ),
        'other-schema',
      ],
    ];
    for (const [name, made, reason] of cases) {
      const decoded = decodeInput(await made);
      expect(decoded.ok, name).toBe(true);
      const check = decoded.ok ? checkCertificate(decoded.carried.pkg) : null;
      expect(check, name).toMatchObject({ ok: false, reason });
      expect(check && !check.ok && check.message.length, name).toBeGreaterThan(10);
    }
  });

  it('names a truncated link at every cut point and never accepts it', () => {
    const prefix = 'https://maily.app/verify#'.length;
    for (let cut = 8; cut < link.length; cut++) {
      const decoded = decodeInput(link.slice(0, cut));
      const accepted = decoded.ok && checkCertificate(decoded.carried.pkg).ok;
      expect(accepted, `cut at ${cut}`).toBe(false);
      if (!decoded.ok && cut > prefix + 1) expect(['truncated', 'corrupt'], `cut at ${cut}`).toContain(decoded.reason);
    }
  });

  it('says a QR code of something else is not a Maily certificate', () => {
    for (const text of [
      'https://example.com/hello',
      'WIFI:S:cafe;T:WPA;P:secret;;',
      'just some words',
      'maily://join#abc',
    ]) {
      const scanned = qrRoundTrip(text);
      expect(scanned).toBe(text);
      expect(decodeInput(scanned!), text).toMatchObject({ ok: false, reason: 'not-maily' });
    }
    expect(decodeInput('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeInput('https://maily.app/verify#!!!')).toMatchObject({ ok: false });
    // Valid DEFLATE of JSON that is not a certificate.
    const other = deflateRawSync(Buffer.from('{"hello":1}')).toString('base64url');
    expect(decodeInput(other)).toMatchObject({ ok: false, reason: 'not-maily' });
    const badShape = deflateRawSync(Buffer.from('["m1",1,2]')).toString('base64url');
    expect(decodeInput(badShape)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
