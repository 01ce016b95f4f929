import type { TrustBadgeView } from '../../../shared/trust/canvasTrust';
import type { CertificateView, EmailTrust, SignerIdentity } from '../../../shared/trust/types';

/** "0x12ab…cdef": enough of an address to tell two apart. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/**
 * Who signed, as the designer should read it: the name the team's address book knows
 * the address by, or, for an address nobody named, the name the certificate claims
 * with the address (a claim anyone could make).
 */
export function signerLabel(certificate: CertificateView, signer: SignerIdentity | null): string {
  if (signer?.knownAs) return signer.knownAs;
  return `${certificate.signerName} (unknown address ${shortAddress(certificate.signer)})`;
}

/** The short name on a badge: the known name, else the name the certificate claims. */
function badgeName(certificate: CertificateView, signer: SignerIdentity | null): string {
  return signer?.knownAs ?? certificate.signerName;
}

export type DateFormat = (ms: number) => string;

export const formatDate: DateFormat = (ms) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The badge one email's trust gives it on the canvas and in the editor. */
export function badgeOf(trust: EmailTrust, format: DateFormat = formatDate): TrustBadgeView {
  const cert = trust.certificate;
  if (trust.status === 'unsigned' || !cert)
    return { tone: 'unsigned', text: 'Unsigned', description: 'Unsigned: this email has no certificate yet' };
  const who = signerLabel(cert, trust.signer);
  const name = badgeName(cert, trust.signer);
  const version = `“${cert.versionLabel}”`;
  switch (trust.status) {
    case 'verified':
      return {
        tone: 'verified',
        text: `Verified · ${name}`,
        description: `Verified: signed by ${who} as ${version} on ${format(cert.issuedAt)}; the content matches`,
      };
    case 'modified':
      return {
        tone: 'modified',
        text: 'Modified since signing',
        description: `Modified since signing: the content changed after ${who} signed ${version}`,
      };
    case 'revoked':
      return {
        tone: 'revoked',
        text: 'Revoked',
        description: `Revoked: ${version} by ${who} was revoked${cert.revocation ? ` — ${cert.revocation.reason}` : ''}`,
      };
    case 'expired':
      return {
        tone: 'expired',
        text: 'Expired',
        description: `Expired: ${version} by ${who} expired${cert.expiresAt ? ` on ${format(cert.expiresAt)}` : ''}`,
      };
  }
}

/** The badges of every email in `emails`, by email id. */
export function badgesOf(
  emails: Readonly<Record<string, EmailTrust>>,
  format: DateFormat = formatDate,
): Map<string, TrustBadgeView> {
  return new Map(Object.entries(emails).map(([id, trust]) => [id, badgeOf(trust, format)]));
}

/** What a certificate's state is in a list: one word, for its row. */
export function certificateState(cert: CertificateView, now = Date.now()): 'Revoked' | 'Expired' | 'Valid' {
  if (cert.revocation) return 'Revoked';
  if (cert.expiresAt !== null && cert.expiresAt <= now) return 'Expired';
  return 'Valid';
}
