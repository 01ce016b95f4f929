import type { ContentCheck, SignerIdentity, Verification } from '../../../shared/trust/types';
import { checkCertificate } from './certificate';
import { viewOf } from './checkEntries';
import { decodeInput } from './payload';
import { checkRevocation } from './revocation';
import { certificateBadge, isExpired } from './trustStatus';

/** What verifying needs from the workspace; every part may answer "not here". */
export interface VerifyContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** Who an address is (address book of `teamId`, or of any team when null). */
  identify(address: string, teamId: string | null): SignerIdentity;
  /** The email's content hash here and the campaign's team; null when the campaign is not here, hash null when the email is not. */
  currentHash(campaignId: string, emailId: string): { teamId: string | null; hash: string | null } | null;
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/**
 * Verifies what a designer pasted or scanned, offline: decodes it (link, payload or
 * file), checks the domain, schema and signature, then expiry, revocation and whether
 * the email here still has the signed content. Bad input is a named reason, never an
 * exception.
 */
export function verifyInput(input: string, ctx: VerifyContext): Verification {
  const decoded = decodeInput(input);
  if (!decoded.ok) return decoded;
  const checked = checkCertificate(decoded.carried.pkg);
  if (!checked.ok) return checked;
  const certificate = checked.certificate;
  const warnings: string[] = [];
  let revocation = null;
  let compact = null;
  if (decoded.carried.revocation) {
    const r = checkRevocation(decoded.carried.revocation, certificate.uid, certificate.signer);
    if (r.ok) {
      revocation = r.revocation;
      compact = r.compact;
    } else warnings.push(r.message);
  }
  const here = ctx.currentHash(certificate.fields.campaignId, certificate.fields.emailId);
  const content: ContentCheck =
    here?.hash == null ? 'unknown' : here.hash === certificate.fields.contentHash ? 'matches' : 'modified';
  const signer = ctx.identify(certificate.signer, here?.teamId ?? null);
  const expired = isExpired(certificate, ctx.now);
  const status = certificateBadge({ revocation, expiresAt: certificate.expiresAt }, content, ctx.now);
  const who = signer.knownAs ? `${signer.knownAs} (${short(signer.address)})` : `unknown address ${signer.address}`;
  const parts = [
    `Valid signature by ${who}, who signed as “${certificate.fields.signerName}”.`,
    content === 'matches'
      ? 'The email here has exactly the signed content.'
      : content === 'modified'
        ? 'The email here was modified since signing.'
        : 'This email is not in this workspace, so only the signature was checked.',
    ...(expired ? ['The certificate has expired.'] : []),
    ...(revocation ? [`It was revoked: ${revocation.reason}`] : []),
  ];
  return {
    ok: true,
    certificate: viewOf(certificate, revocation, compact),
    signer,
    content,
    expired,
    status,
    summary: parts.join(' '),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
