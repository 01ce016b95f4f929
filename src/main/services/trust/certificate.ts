import { TypedDataEncoder, ZeroAddress, ZeroHash, getAddress, isAddress } from 'ethers';
import { z } from 'zod';
import { ErrorCode, MailyError } from '../../../shared/errors';
import {
  MAX_LABEL_CHARS,
  MAX_NAME_CHARS,
  TRUST_CHAIN_ID,
  TRUST_EAS_CONTRACT,
  TRUST_EAS_VERSION,
  TRUST_SCHEMA,
  TRUST_SCHEMA_UID,
} from '../../../shared/trust/constants';
import type { CertificateFields, VerifyFailureReason } from '../../../shared/trust/types';
import { easSdk, type AttestationShareablePackageObject, type SignedOffchainAttestation } from './easSdk';
import type { TypedDataSigner } from './TypedDataSigner';

/**
 * A Maily certificate is an EAS offchain attestation (version 2) in the fixed domain of
 * `shared/trust/constants.ts`, over {@link TRUST_SCHEMA}; as a package it is EAS's
 * shareable `{ sig, signer }`, which EAS tools read as is.
 */
export type CertificatePackage = AttestationShareablePackageObject;

/** What signing needs beyond the signed fields. */
export interface CertificateTimes {
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** Milliseconds since the epoch, or null for never. */
  expiresAt: number | null;
}

/** A certificate whose domain, schema, data and signature all check out. */
export interface CheckedCertificate extends CertificateTimes {
  pkg: CertificatePackage;
  uid: string;
  signer: string;
  fields: CertificateFields;
}

export type CertificateCheck =
  { ok: true; certificate: CheckedCertificate } | { ok: false; reason: VerifyFailureReason; message: string };

const EAS_DOMAIN_NAME = 'EAS Attestation';
const fieldNames = ['contentHash', 'campaignId', 'emailId', 'versionLabel', 'signerName', 'rendererVersion'] as const;
const idText = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const fieldsSchema = z.object({
  contentHash: z.string().regex(/^0x[0-9a-f]{64}$/),
  campaignId: idText,
  emailId: idText,
  versionLabel: z.string().min(1).max(MAX_LABEL_CHARS),
  signerName: z.string().min(1).max(MAX_NAME_CHARS),
  rendererVersion: z.string().min(1).max(64),
});

let cachedOffchain: InstanceType<ReturnType<typeof easSdk>['Offchain']> | null = null;
function offchain() {
  const sdk = easSdk();
  cachedOffchain ??= new sdk.Offchain(
    { address: TRUST_EAS_CONTRACT, version: TRUST_EAS_VERSION, chainId: BigInt(TRUST_CHAIN_ID) },
    sdk.OffchainAttestationVersion.Version2,
    // The EAS instance is only used to simulate an on-chain attest (verifyOnchain), which Maily never asks for.
    undefined as never,
  );
  return cachedOffchain;
}

let cachedEncoder: InstanceType<ReturnType<typeof easSdk>['SchemaEncoder']> | null = null;
function encoder() {
  cachedEncoder ??= new (easSdk().SchemaEncoder)(TRUST_SCHEMA);
  return cachedEncoder;
}

/** ABI-encodes the signed fields as the schema's data. */
export function encodeFields(fields: CertificateFields): string {
  return encoder().encodeData(
    fieldNames.map((name) => ({ name, type: name === 'contentHash' ? 'bytes32' : 'string', value: fields[name] })),
  );
}

/** The signed fields from the schema's data, or null when it does not decode or a field is out of bounds. */
export function decodeFields(data: string): CertificateFields | null {
  try {
    const items = encoder().decodeData(data);
    const raw = Object.fromEntries(items.map((item) => [item.name, item.value.value]));
    const parsed = fieldsSchema.safeParse({
      ...raw,
      contentHash: typeof raw.contentHash === 'string' ? raw.contentHash.toLowerCase() : raw.contentHash,
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not ABI data of this schema: the caller names it corrupt
  }
}

/** Signs `fields` as a certificate with `signer` (the local key or a wallet). */
export async function signCertificate(
  fields: CertificateFields,
  times: CertificateTimes,
  signer: TypedDataSigner,
  signal?: AbortSignal,
  /** The attestation's salt; a new random one when unset (set when rebuilding a signed one). */
  salt?: string,
): Promise<CertificatePackage> {
  const address = getAddress(await signer.address());
  const sig = await offchain().signOffchainAttestation(
    {
      schema: TRUST_SCHEMA_UID,
      recipient: ZeroAddress,
      time: BigInt(Math.floor(times.issuedAt / 1000)),
      expirationTime: BigInt(times.expiresAt === null ? 0 : Math.floor(times.expiresAt / 1000)),
      revocable: true,
      refUID: ZeroHash,
      data: encodeFields(fields),
      ...(salt ? { salt } : {}),
    },
    {
      getAddress: async () => address,
      signTypedData: (domain, types, value) => signer.signTypedData(domain, types, value, signal),
    },
  );
  const pkg = { sig, signer: address };
  const check = checkCertificate(pkg);
  if (!check.ok) {
    // A wallet that signed with another account than it reported, say.
    throw new MailyError(ErrorCode.Unauthorized, `The signature did not check out: ${check.message}`);
  }
  return pkg;
}

function fail(reason: VerifyFailureReason, message: string): CertificateCheck {
  return { ok: false, reason, message };
}

/** Which of Maily's fixed domain and schema values a package has otherwise, as a named reason. */
function checkIdentity(sig: SignedOffchainAttestation): CertificateCheck | null {
  const { domain, message } = sig;
  if (domain?.name !== EAS_DOMAIN_NAME || typeof message !== 'object' || message === null)
    return fail('not-maily', 'This is not an EAS attestation, so not a Maily certificate.');
  if (BigInt(domain.chainId) !== BigInt(TRUST_CHAIN_ID))
    return fail(
      'other-chain',
      `This attestation is for chain ${String(domain.chainId)}; Maily certificates use chain ${TRUST_CHAIN_ID}.`,
    );
  if (!isAddress(domain.verifyingContract) || getAddress(domain.verifyingContract) !== TRUST_EAS_CONTRACT)
    return fail('other-contract', `This attestation is for another EAS contract (${domain.verifyingContract}).`);
  if (domain.version !== TRUST_EAS_VERSION)
    return fail('other-contract', `This attestation is for EAS version ${domain.version}, not ${TRUST_EAS_VERSION}.`);
  if (String(message.schema).toLowerCase() !== TRUST_SCHEMA_UID.toLowerCase())
    return fail('other-schema', `This attestation uses another schema (${message.schema}), not Maily's certificate.`);
  if (
    sig.version !== 2 ||
    message.revocable !== true ||
    message.recipient !== ZeroAddress ||
    message.refUID !== ZeroHash
  )
    return fail('not-maily', 'This attestation is not shaped like a Maily certificate.');
  return null;
}

/**
 * Checks a package offline: Maily's domain and schema (else named as another chain,
 * contract or schema), readable data, and a signature by `signer` over exactly these
 * fields (else `forged`). Expiry and revocation are the caller's.
 */
export function checkCertificate(pkg: CertificatePackage): CertificateCheck {
  try {
    return checkPackage(pkg);
  } catch {
    // A hostile package can make ethers or the SDK throw (a chain id that is no number, say).
    return fail('corrupt', 'The certificate is damaged and cannot be read.');
  }
}

function checkPackage(pkg: CertificatePackage): CertificateCheck {
  const { sig } = pkg;
  const identity = checkIdentity(sig);
  if (identity) return identity;
  if (!isAddress(pkg.signer) || getAddress(pkg.signer) === ZeroAddress)
    return fail('corrupt', 'The certificate does not name a valid signer address.');
  const fields = decodeFields(sig.message.data);
  if (!fields) return fail('corrupt', 'The certificate’s signed data is not readable.');
  let valid = false;
  try {
    valid = offchain().verifyOffchainAttestationSignature(pkg.signer, sig);
  } catch {
    valid = false; // malformed signature bytes: as good as forged
  }
  if (!valid)
    return fail(
      'forged',
      `The signature does not match: this certificate was not signed by ${pkg.signer} as it reads, or it was altered.`,
    );
  const time = Number(sig.message.time);
  const expiration = Number(sig.message.expirationTime);
  return {
    ok: true,
    certificate: {
      pkg,
      uid: sig.uid.toLowerCase(),
      signer: getAddress(pkg.signer),
      fields,
      issuedAt: time * 1000,
      expiresAt: expiration === 0 ? null : expiration * 1000,
    },
  };
}

/**
 * Rebuilds the certificate a wallet signed from the EIP-712 JSON it was sent and its
 * signature (a request queued while offline and signed after a restart, when the caller
 * that asked for it is gone). Null when it is not a Maily certificate; the signature is
 * checked like any other (a wrong one is refused).
 */
export async function certificateFromSignedTypedData(
  typedData: string,
  signature: string,
  address: string,
): Promise<CertificatePackage | null> {
  let parsed: { primaryType?: unknown; message?: Record<string, unknown> };
  try {
    parsed = JSON.parse(typedData) as typeof parsed;
  } catch {
    return null;
  }
  const m = parsed.message;
  if (parsed.primaryType !== 'Attest' || !m || typeof m.data !== 'string' || typeof m.salt !== 'string') return null;
  const fields = decodeFields(m.data);
  if (!fields) return null;
  const seconds = (value: unknown) => Number(BigInt(String(value)));
  const expiry = seconds(m.expirationTime);
  const replay: TypedDataSigner = {
    kind: 'walletconnect',
    address: async () => address,
    async signTypedData(domain, types, value) {
      // The same fields, times and salt give the same typed data, byte for byte.
      if (JSON.stringify(TypedDataEncoder.getPayload(domain, types, value)) !== typedData)
        throw new MailyError(ErrorCode.InvalidInput, 'The wallet signed other data than a Maily certificate.');
      return signature;
    },
  };
  const times = { issuedAt: seconds(m.time) * 1000, expiresAt: expiry === 0 ? null : expiry * 1000 };
  return signCertificate(fields, times, replay, undefined, m.salt);
}
