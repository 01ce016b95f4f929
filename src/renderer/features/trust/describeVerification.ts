import type { Verification, VerifyFailureReason } from '../../../shared/trust/types';
import { formatDate, shortAddress, type DateFormat } from './badges';

/** One line of the verify screen's answer. */
export interface VerdictLine {
  tone: 'good' | 'warning' | 'bad' | 'info';
  text: string;
}

/** The verify screen's answer: a headline and the lines under it. */
export interface Verdict {
  tone: 'good' | 'warning' | 'bad';
  headline: string;
  lines: VerdictLine[];
}

const refusals: Record<VerifyFailureReason, { headline: string; next: string }> = {
  empty: { headline: 'Nothing to verify', next: 'Paste a certificate link, or pick a certificate file or QR image.' },
  truncated: {
    headline: 'This link is cut off',
    next: 'Part of the certificate is missing. Copy the whole link again, or scan the QR code instead.',
  },
  corrupt: {
    headline: 'This certificate is damaged',
    next: 'Its data does not decode. Ask the signer for the link or file again.',
  },
  'not-maily': {
    headline: 'Not a Maily certificate',
    next: 'This holds something else. Check that you picked the certificate’s link, file or QR code.',
  },
  'other-chain': {
    headline: 'Made for another chain',
    next: 'It was signed for a different network than Maily certificates use, so it is not accepted.',
  },
  'other-contract': {
    headline: 'Made for another contract',
    next: 'It names a different attestation contract than Maily certificates use, so it is not accepted.',
  },
  'other-schema': {
    headline: 'Another kind of attestation',
    next: 'It is an attestation of a different schema, not a Maily email certificate.',
  },
  forged: {
    headline: 'Forged signature',
    next: 'The signature does not match the certificate’s contents: do not trust this version.',
  },
  'bad-revocation': {
    headline: 'The attached revocation is not valid',
    next: 'It was not signed by the certificate’s signer. Ask the signer for the current link.',
  },
};

/** The verify screen's answer to `verification`, in plain words. */
export function describeVerification(
  verification: Verification,
  format: DateFormat = formatDate,
  /** This device's own signing addresses (the local key, the paired wallet), any case. */
  own: readonly string[] = [],
): Verdict {
  if (!verification.ok) {
    const refusal = refusals[verification.reason];
    return {
      tone: 'bad',
      headline: `Refused: ${refusal.headline}`,
      lines: [
        { tone: 'bad', text: verification.message },
        { tone: 'info', text: refusal.next },
      ],
    };
  }
  const { certificate: cert, signer, content } = verification;
  const lines: VerdictLine[] = [];
  const mine = own.some((a) => a.toLowerCase() === cert.signer.toLowerCase());
  lines.push(
    signer.knownAs
      ? { tone: 'good', text: `Valid signature by ${signer.knownAs} (${cert.signer})` }
      : mine
        ? { tone: 'good', text: `Valid signature by you (${cert.signer}, this device’s key), as “${cert.signerName}”` }
        : {
            tone: 'warning',
            text: `Valid signature by an unknown address ${cert.signer} — the certificate calls its signer “${cert.signerName}”, which nobody in your teams has confirmed`,
          },
  );
  if (content === 'matches') lines.push({ tone: 'good', text: 'Content matches the email in this workspace' });
  else if (content === 'modified')
    lines.push({ tone: 'warning', text: 'Modified since signing: the email here has changed since it was signed' });
  else lines.push({ tone: 'info', text: 'This email is not in this workspace, so only the signature was checked' });
  if (cert.revocation)
    lines.push({
      tone: 'bad',
      text: `Revoked on ${format(cert.revocation.revokedAt)}: ${cert.revocation.reason}`,
    });
  if (verification.expired && cert.expiresAt !== null)
    lines.push({ tone: 'bad', text: `Expired on ${format(cert.expiresAt)}` });
  else if (cert.expiresAt !== null) lines.push({ tone: 'info', text: `Valid until ${format(cert.expiresAt)}` });
  lines.push({
    tone: 'info',
    text: `Version “${cert.versionLabel}”, signed ${format(cert.issuedAt)} by ${shortAddress(cert.signer)}`,
  });
  // What the certificate carried that the host ignored (e.g. a revocation by someone else).
  for (const warning of (verification as { warnings?: string[] }).warnings ?? [])
    lines.push({ tone: 'warning', text: warning });
  const tone =
    cert.revocation || verification.expired
      ? 'bad'
      : content === 'modified' || !(signer.knownAs || mine)
        ? 'warning'
        : 'good';
  const headline = cert.revocation
    ? 'Valid signature, but revoked'
    : verification.expired
      ? 'Valid signature, but expired'
      : content === 'modified'
        ? 'Valid signature; the email was modified since signing'
        : 'Valid certificate';
  return { tone, headline, lines };
}
