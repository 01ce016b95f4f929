import { ZeroAddress, ZeroHash } from 'ethers';
import { inflateRawSync, deflateRawSync, inflateSync } from 'node:zlib';
import { z } from 'zod';
import {
  TRUST_CHAIN_ID,
  TRUST_EAS_CONTRACT,
  TRUST_EAS_VERSION,
  TRUST_SCHEMA_UID,
  VERIFY_APP_URL,
  VERIFY_URL,
} from '../../../shared/trust/constants';
import type { VerifyFailureReason } from '../../../shared/trust/types';
import { decodeFields, encodeFields, type CertificatePackage } from './certificate';
import { easSdk } from './easSdk';
import { compactRevocationSchema, type CompactRevocation } from './revocation';

/**
 * The compact payload of a verify link: base64url (no padding) of raw DEFLATE of a JSON
 * array
 * `["m1", r, s, v, signer, time, expirationTime, salt, data, revocation | 0, domain | 0]`
 * where `data` is `[contentHash, campaignId, emailId, versionLabel, signerName,
 * rendererVersion]` (re-encoded with the schema on reading; raw ABI hex when that would
 * not reproduce it), `revocation` is the compact revocation, and `domain` is 0 when the
 * attestation uses Maily's constants, else
 * `[easVersion, chainId, contract, schemaUid]` (so a certificate for another chain is
 * still read, and refused by name). The EAS UID is recomputed, not carried.
 */

const MAX_INFLATED_BYTES = 64 * 1024;
const hex = (bytes: number) => z.string().regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`));
const timeSeconds = z
  .number()
  .int()
  .min(0)
  .max(2 ** 40);
const fieldTuple = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string()]);
const domainTuple = z.tuple([z.string().max(20), z.number().int().min(0), z.string().max(64), hex(32)]);
const compactSchema = z.tuple([
  z.literal('m1'),
  hex(32),
  hex(32),
  z.number().int().min(0).max(255),
  z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  timeSeconds,
  timeSeconds,
  hex(32),
  z.union([
    fieldTuple,
    z
      .string()
      .regex(/^0x[0-9a-fA-F]*$/)
      .max(8_000),
  ]),
  z.union([z.literal(0), compactRevocationSchema]),
  z.union([z.literal(0), domainTuple]),
]);

/** A certificate package with its revocation, as carried by a link or a file. */
export interface Carried {
  pkg: CertificatePackage;
  revocation: unknown;
}

export type Decoded = { ok: true; carried: Carried } | { ok: false; reason: VerifyFailureReason; message: string };

const fail = (reason: VerifyFailureReason, message: string): Decoded => ({ ok: false, reason, message });

const isMailyDomain = (pkg: CertificatePackage) =>
  BigInt(pkg.sig.domain.chainId) === BigInt(TRUST_CHAIN_ID) &&
  pkg.sig.domain.verifyingContract === TRUST_EAS_CONTRACT &&
  pkg.sig.domain.version === TRUST_EAS_VERSION &&
  pkg.sig.message.schema === TRUST_SCHEMA_UID;

/** The compact payload (the part after `#`) of a certificate and, optionally, its revocation. */
export function encodePayload(pkg: CertificatePackage, revocation?: CompactRevocation | null): string {
  const { sig } = pkg;
  const fields = decodeFields(sig.message.data);
  const data =
    fields && encodeFields(fields) === sig.message.data
      ? [
          fields.contentHash,
          fields.campaignId,
          fields.emailId,
          fields.versionLabel,
          fields.signerName,
          fields.rendererVersion,
        ]
      : sig.message.data;
  const domain = isMailyDomain(pkg)
    ? 0
    : [sig.domain.version, Number(sig.domain.chainId), sig.domain.verifyingContract, sig.message.schema];
  const compact = [
    'm1',
    sig.signature.r,
    sig.signature.s,
    sig.signature.v,
    pkg.signer,
    Number(sig.message.time),
    Number(sig.message.expirationTime),
    sig.message.salt,
    data,
    revocation ?? 0,
    domain,
  ];
  return deflateRawSync(Buffer.from(JSON.stringify(compact)), { level: 9 }).toString('base64url');
}

/** The verify link of a payload. */
export function linkOf(payload: string): string {
  return `${VERIFY_URL}${payload}`;
}

function packageFromCompact(c: z.infer<typeof compactSchema>): CertificatePackage {
  const [, r, s, v, signer, time, expirationTime, salt, data, , domain] = c;
  const [version, chainId, contract, schema] =
    domain === 0 ? [TRUST_EAS_VERSION, TRUST_CHAIN_ID, TRUST_EAS_CONTRACT, TRUST_SCHEMA_UID] : domain;
  const encoded =
    typeof data === 'string'
      ? data
      : encodeFields({
          contentHash: data[0],
          campaignId: data[1],
          emailId: data[2],
          versionLabel: data[3],
          signerName: data[4],
          rendererVersion: data[5],
        });
  const message = {
    version: 2,
    schema,
    recipient: ZeroAddress,
    time: BigInt(time),
    expirationTime: BigInt(expirationTime),
    revocable: true,
    refUID: ZeroHash,
    data: encoded,
    salt,
  };
  const sdk = easSdk();
  const uid = sdk.Offchain.getOffchainUID(
    2,
    schema,
    ZeroAddress,
    message.time,
    message.expirationTime,
    true,
    ZeroHash,
    encoded,
    salt,
  );
  // Rebuilt through EAS's own uncompacting, so the typed-data types are exactly EAS's.
  const shaped = sdk.uncompactOffchainAttestationPackage([
    version,
    BigInt(chainId),
    contract,
    r,
    s,
    v,
    signer,
    uid,
    schema,
    '0',
    time,
    expirationTime,
    '0',
    true,
    encoded,
    0,
    2,
    salt,
  ]);
  return { ...shaped, sig: { ...shaped.sig, message: { ...shaped.sig.message, ...message } } };
}

/** Decodes a bare payload (base64url of raw DEFLATE of the compact JSON). */
export function decodePayload(payload: string): Decoded {
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return fail('not-maily', 'This is not a Maily certificate link.');
  let json: string;
  try {
    json = inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8');
  } catch (error) {
    const cut = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
    return cut
      ? fail('truncated', 'This certificate link is cut off; copy or scan the whole link.')
      : fail('corrupt', 'This certificate link is damaged and cannot be read.');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('corrupt', 'This certificate link is damaged and cannot be read.');
  }
  if (!Array.isArray(value) || value[0] !== 'm1') return fail('not-maily', 'This is not a Maily certificate.');
  const parsed = compactSchema.safeParse(value);
  if (!parsed.success) return fail('corrupt', 'This certificate link is damaged and cannot be read.');
  try {
    return { ok: true, carried: { pkg: packageFromCompact(parsed.data), revocation: parsed.data[9] || null } };
  } catch {
    return fail('corrupt', 'This certificate link is damaged and cannot be read.');
  }
}

/** An EAS offchain URL (`…#attestation=…`: zlib DEFLATE, base64, URI-encoded), as easscan makes them. */
function decodeEasUrl(encoded: string): Decoded {
  try {
    const json = inflateSync(Buffer.from(decodeURIComponent(encoded), 'base64'), {
      maxOutputLength: MAX_INFLATED_BYTES,
    }).toString('utf8');
    const compact: unknown = JSON.parse(json);
    if (!Array.isArray(compact) || compact.length < 16) return fail('not-maily', 'This is not an EAS attestation.');
    return {
      ok: true,
      carried: { pkg: easSdk().uncompactOffchainAttestationPackage(compact as never), revocation: null },
    };
  } catch (error) {
    const cut = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
    return cut
      ? fail('truncated', 'This attestation link is cut off; copy or scan the whole link.')
      : fail('corrupt', 'This attestation link is damaged and cannot be read.');
  }
}

/**
 * Reads what a designer pasted or scanned: a verify link (`https://maily.app/verify#…`
 * or `maily://verify#…`), a bare payload, an EAS offchain URL, or a certificate file's
 * JSON text ({@link parseCertificateFile}).
 */
export function decodeInput(input: string): Decoded {
  const text = input.trim();
  if (text.length === 0) return fail('empty', 'Paste a certificate link, or choose a certificate file or QR image.');
  if (text.startsWith('{')) return parseCertificateFile(text);
  const easAt = text.indexOf('#attestation=');
  if (easAt >= 0) return decodeEasUrl(text.slice(easAt + '#attestation='.length));
  for (const prefix of [VERIFY_URL, VERIFY_APP_URL]) {
    if (text.startsWith(prefix)) return decodePayload(text.slice(prefix.length));
    // Cut off inside the prefix: clearly meant to be a Maily link.
    if (prefix.startsWith(text) && text.length >= 'maily://'.length)
      return fail('truncated', 'This certificate link is cut off; copy or scan the whole link.');
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return fail('not-maily', 'This link is not a Maily certificate link.');
  return decodePayload(text);
}

/** The certificate file's format name. */
export const FILE_FORMAT = 'maily.certificate/1';

/** A certificate file: EAS's package (bigints as decimal strings) plus Maily's link and revocation. */
export function certificateFileText(
  pkg: CertificatePackage,
  link: string,
  revocation: CompactRevocation | null,
): string {
  return JSON.stringify(
    { format: FILE_FORMAT, link, eas: pkg, revocation },
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    2,
  );
}

/** Reads a certificate file: Maily's (through its link, the signed part) or a bare EAS package JSON. */
export function parseCertificateFile(text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('corrupt', 'This certificate file is damaged (it is not JSON); export it again.');
  }
  if (typeof value !== 'object' || value === null) return fail('not-maily', 'This file is not a Maily certificate.');
  const file = value as Record<string, unknown>;
  if (file.format === FILE_FORMAT && typeof file.link === 'string') {
    const decoded = decodeInput(file.link);
    if (decoded.ok && file.revocation && !decoded.carried.revocation) decoded.carried.revocation = file.revocation;
    return decoded;
  }
  if (typeof file.sig === 'object' && file.sig !== null && typeof file.signer === 'string') {
    const pkg = value as CertificatePackage;
    try {
      // JSON carries EAS's bigints as strings; the SDK's checks compare bigints.
      const sig = pkg.sig;
      const message = {
        ...sig.message,
        time: BigInt(sig.message.time),
        expirationTime: BigInt(sig.message.expirationTime),
      };
      const domain = { ...sig.domain, chainId: BigInt(sig.domain.chainId) };
      return { ok: true, carried: { pkg: { ...pkg, sig: { ...sig, domain, message } }, revocation: null } };
    } catch {
      return fail('corrupt', 'This certificate file is damaged and cannot be read.');
    }
  }
  return fail('not-maily', 'This file is not a Maily certificate.');
}
