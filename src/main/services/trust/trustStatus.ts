import type { ContentCheck, TrustBadge } from '../../../shared/trust/types';
import type { StoredCertificate } from './checkEntries';

/**
 * The badge rules, pure. One certificate: revoked, else expired, else verified when the
 * content matches (or cannot be compared here), else modified. One email: verified when
 * any live certificate matches its content now (the newest such one is shown), else the
 * badge of its newest certificate, else unsigned.
 */

export function certificateBadge(
  certificate: Pick<StoredCertificate, 'revocation' | 'expiresAt'>,
  content: ContentCheck,
  now: number,
): TrustBadge {
  if (certificate.revocation) return 'revoked';
  if (isExpired(certificate, now)) return 'expired';
  return content === 'modified' ? 'modified' : 'verified';
}

export function isExpired(certificate: Pick<StoredCertificate, 'expiresAt'>, now: number): boolean {
  return certificate.expiresAt !== null && certificate.expiresAt <= now;
}

/** The badge of one email and the certificate behind it (null when unsigned). */
export function emailBadge(
  certificates: readonly StoredCertificate[],
  currentHash: string | null,
  now: number,
): { status: TrustBadge; certificate: StoredCertificate | null } {
  if (certificates.length === 0) return { status: 'unsigned', certificate: null };
  const newestFirst = [...certificates].sort((a, b) => b.issuedAt - a.issuedAt || (a.uid < b.uid ? -1 : 1));
  const content = (c: StoredCertificate): ContentCheck =>
    currentHash === null ? 'unknown' : c.fields.contentHash === currentHash ? 'matches' : 'modified';
  const live = newestFirst.find((c) => certificateBadge(c, content(c), now) === 'verified' && content(c) === 'matches');
  if (live) return { status: 'verified', certificate: live };
  const newest = newestFirst[0];
  return { status: certificateBadge(newest, content(newest), now), certificate: newest };
}
