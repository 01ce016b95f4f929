import { Wallet } from 'ethers';
import QRCode from 'qrcode';
import * as Y from 'yjs';
import { checkCertificate, signCertificate, type CertificatePackage } from '../src/main/services/trust/certificate';
import { EntryChecker } from '../src/main/services/trust/checkEntries';
import { decodeInput, encodePayload, linkOf } from '../src/main/services/trust/payload';
import type { TypedDataSigner } from '../src/main/services/trust/TypedDataSigner';
import { certificatesMap } from '../src/shared/trust/trustDoc';
import { percentile, round, writeResult, type BenchResult } from './results';

const CERTIFICATES = 1_000;

function localSigner(wallet: Pick<Wallet, 'address' | 'signTypedData'>): TypedDataSigner {
  return {
    kind: 'local',
    address: async () => wallet.address,
    signTypedData: (domain, types, value) => wallet.signTypedData(domain, types, value),
  };
}

const stats = (prefix: string, values: number[]) => ({
  [`${prefix}P50Ms`]: round(percentile(values, 50), 2),
  [`${prefix}P95Ms`]: round(percentile(values, 95), 2),
});

/**
 * Trust certificates, in process: signing (EAS offchain attestation through a
 * TypedDataSigner over an ethers key) and verifying from the link (inflate, rebuild,
 * domain/schema checks, signature recovery), per certificate; verifying 1,000 distinct
 * certificates; a campaign's badges with 1,000 stored certificates, cold and with the
 * verdict cache warm; and the link's length against EAS's ~440-character offchain link.
 */
export async function runTrustBench(): Promise<BenchResult> {
  const signer = localSigner(Wallet.createRandom());
  const fields = {
    contentHash: `0x${'ab'.repeat(32)}`,
    campaignId: 'k3j4h5k3j4h5k3j4h5k3j4',
    emailId: 'n_8f7d6s5a4',
    versionLabel: 'Approved by the client',
    signerName: 'Ana Designer',
    rendererVersion: 'maily-mjml/1',
  };
  // Warm-up: loading the EAS SDK (~0.5 s) and the first signature are not per-certificate costs.
  await signCertificate(fields, { issuedAt: Date.now(), expiresAt: null }, signer);
  const signMs: number[] = [];
  const packages: CertificatePackage[] = [];
  for (let i = 0; i < CERTIFICATES; i++) {
    const started = performance.now();
    packages.push(
      await signCertificate(
        { ...fields, versionLabel: `Version ${i}` },
        { issuedAt: 1_764_583_000_000 + i * 1000, expiresAt: null },
        signer,
      ),
    );
    signMs.push(performance.now() - started);
  }
  const links = packages.map((pkg) => linkOf(encodePayload(pkg)));
  const verifyMs: number[] = [];
  const allStarted = performance.now();
  for (const link of links) {
    const started = performance.now();
    const decoded = decodeInput(link);
    if (!decoded.ok || !checkCertificate(decoded.carried.pkg).ok) throw new Error('a certificate did not verify');
    verifyMs.push(performance.now() - started);
  }
  const verifyAllMs = performance.now() - allStarted;

  const doc = new Y.Doc();
  doc.transact(() => {
    for (const pkg of packages) certificatesMap(doc).set(pkg.sig.uid, encodePayload(pkg));
  });
  const checker = new EntryChecker();
  let started = performance.now();
  checker.check(doc, fields.campaignId);
  const statusColdMs = performance.now() - started;
  started = performance.now();
  checker.check(doc, fields.campaignId);
  const statusWarmMs = performance.now() - started;
  const linkChars = Math.max(...links.map((l) => l.length));
  const qrVersion = QRCode.create(links[0], { errorCorrectionLevel: 'M' }).version;
  return writeResult(
    'trust',
    {
      ...stats('sign', signMs),
      ...stats('verify', verifyMs),
      verify1000TotalMs: round(verifyAllMs),
      campaign1000CertificatesColdMs: round(statusColdMs),
      campaign1000CertificatesWarmMs: round(statusWarmMs, 2),
      linkChars,
      qrVersion,
    },
    { linkChars: 440 },
    'No timing targets in the issue; the link target is EAS’s own offchain link length. Badges re-check each stored certificate once (verdicts cached by payload).',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runTrustBench();
