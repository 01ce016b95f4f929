import { Signature, getAddress, verifyTypedData, type TypedDataDomain } from 'ethers';
import { z } from 'zod';
import {
  MAX_REASON_CHARS,
  REVOCATION_DOMAIN_NAME,
  REVOCATION_DOMAIN_VERSION,
  REVOCATION_TYPES,
  TRUST_CHAIN_ID,
  TRUST_EAS_CONTRACT,
} from '../../../shared/trust/constants';
import type { RevocationView } from '../../../shared/trust/types';
import type { TypedDataSigner } from './TypedDataSigner';

/**
 * A revocation: EIP-712 typed data `Revoke(bytes32 uid,string reason,uint64 time)` in the
 * `Maily Revocation` domain, signed by the certificate's signer. Compact form (stored in
 * the campaign doc and carried in links): `["r1", uid, reason, time (s), signature]`.
 */

export const REVOCATION_DOMAIN: TypedDataDomain = {
  name: REVOCATION_DOMAIN_NAME,
  version: REVOCATION_DOMAIN_VERSION,
  chainId: TRUST_CHAIN_ID,
  verifyingContract: TRUST_EAS_CONTRACT,
};

const hex32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/);
export const compactRevocationSchema = z.tuple([
  z.literal('r1'),
  hex32,
  z.string().max(MAX_REASON_CHARS),
  z
    .number()
    .int()
    .min(0)
    .max(2 ** 40),
  z.string().regex(/^0x[0-9a-fA-F]{130}$/),
]);
export type CompactRevocation = z.infer<typeof compactRevocationSchema>;

/** Signs a revocation of certificate `uid` with `signer`. */
export async function signRevocation(
  uid: string,
  reason: string,
  revokedAt: number,
  signer: TypedDataSigner,
  signal?: AbortSignal,
): Promise<CompactRevocation> {
  const time = Math.floor(revokedAt / 1000);
  const raw = await signer.signTypedData(REVOCATION_DOMAIN, REVOCATION_TYPES, { uid, reason, time }, signal);
  return ['r1', uid, reason, time, Signature.from(raw).serialized];
}

/**
 * The revocation as a view when it is well formed, for `uid`, and signed by `signer`;
 * otherwise a reason it is refused.
 */
export function checkRevocation(
  value: unknown,
  uid: string,
  signer: string,
): { ok: true; revocation: RevocationView; compact: CompactRevocation } | { ok: false; message: string } {
  const parsed = compactRevocationSchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: 'A revocation is not readable; it was ignored.' };
  const [, revokedUid, reason, time, signature] = parsed.data;
  if (revokedUid.toLowerCase() !== uid.toLowerCase())
    return { ok: false, message: 'A revocation names another certificate; it was ignored.' };
  let by: string;
  try {
    by = verifyTypedData(REVOCATION_DOMAIN, REVOCATION_TYPES, { uid: revokedUid, reason, time }, signature);
  } catch {
    return { ok: false, message: 'A revocation has an invalid signature; it was ignored.' };
  }
  if (getAddress(by) !== getAddress(signer))
    return {
      ok: false,
      message: `A revocation was signed by ${by}, not by the certificate's signer; it was ignored.`,
    };
  return { ok: true, revocation: { uid, reason, revokedAt: time * 1000, by: getAddress(by) }, compact: parsed.data };
}
