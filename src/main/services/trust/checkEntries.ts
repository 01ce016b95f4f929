import type * as Y from 'yjs';
import { readTrustEntries } from '../../../shared/trust/trustDoc';
import type { CertificateView, RevocationView, TrustProblem } from '../../../shared/trust/types';
import { checkCertificate, type CheckedCertificate } from './certificate';
import { decodePayload, encodePayload, linkOf } from './payload';
import { checkRevocation, type CompactRevocation } from './revocation';

/** A stored certificate that checked out, with its revocation when a valid one is stored. */
export interface StoredCertificate extends CheckedCertificate {
  /** The payload as stored in the doc (the certificate alone). */
  payload: string;
  revocation: RevocationView | null;
  compactRevocation: CompactRevocation | null;
}

/** What a campaign's trust maps hold: the certificates that check out, and what was skipped. */
export interface CheckedEntries {
  certificates: StoredCertificate[];
  problems: TrustProblem[];
}

type PayloadCheck = { ok: true; certificate: CheckedCertificate } | { ok: false; problem: Omit<TrustProblem, 'key'> };

/** Most payload checks remembered (each is a signature recovery, a few ms; badges refresh on every change). */
const CACHE_LIMIT = 5_000;

/**
 * Checks the certificates and revocations stored in a campaign doc, remembering each
 * payload's verdict (payloads are immutable: the same text always checks the same), so
 * badges can be recomputed on every change. Never throws on what a doc holds.
 */
export class EntryChecker {
  readonly #cache = new Map<string, PayloadCheck>();

  check(doc: Y.Doc, campaignId: string): CheckedEntries {
    const { certificates, revocations, problems } = readTrustEntries(doc);
    const valid: StoredCertificate[] = [];
    for (const [key, payload] of certificates) {
      const result = this.#checkPayload(payload);
      if (!result.ok) {
        problems.push({ key: key.slice(0, 80), ...result.problem });
        continue;
      }
      const certificate = result.certificate;
      if (certificate.uid !== key.toLowerCase() || certificate.fields.campaignId !== campaignId) {
        problems.push({
          key: key.slice(0, 80),
          reason: 'corrupt',
          message: 'A stored certificate belongs to another campaign or entry; it was skipped.',
        });
        continue;
      }
      const stored: StoredCertificate = { ...certificate, payload, revocation: null, compactRevocation: null };
      const raw = revocations.get(key);
      if (raw !== undefined) {
        const revocation = parseJson(raw);
        const checked = checkRevocation(revocation, certificate.uid, certificate.signer);
        if (checked.ok) {
          stored.revocation = checked.revocation;
          stored.compactRevocation = checked.compact;
        } else problems.push({ key: key.slice(0, 80), reason: 'bad-revocation', message: checked.message });
      }
      valid.push(stored);
    }
    for (const key of revocations.keys()) {
      if (!certificates.has(key))
        problems.push({
          key: key.slice(0, 80),
          reason: 'bad-revocation',
          message: 'A revocation names a certificate this campaign does not hold; it was ignored.',
        });
    }
    return { certificates: valid, problems };
  }

  #checkPayload(payload: string): PayloadCheck {
    const cached = this.#cache.get(payload);
    if (cached) return cached;
    const decoded = decodePayload(payload);
    const checked = decoded.ok ? checkCertificate(decoded.carried.pkg) : decoded;
    const result: PayloadCheck = checked.ok
      ? { ok: true, certificate: checked.certificate }
      : {
          ok: false,
          problem: { reason: checked.reason, message: `A stored certificate was skipped: ${checked.message}` },
        };
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(payload, result);
    return result;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON: checkRevocation names it unreadable
  }
}

/** The view of a checked certificate, with a link that carries its revocation too. */
export function viewOf(
  certificate: CheckedCertificate,
  revocation: RevocationView | null,
  compact: CompactRevocation | null,
  /** The stored payload, reused as the link when there is no revocation. */
  payload?: string,
): CertificateView {
  return {
    ...certificate.fields,
    uid: certificate.uid,
    signer: certificate.signer,
    issuedAt: certificate.issuedAt,
    expiresAt: certificate.expiresAt,
    revocation,
    link: linkOf(payload !== undefined && compact === null ? payload : encodePayload(certificate.pkg, compact)),
  };
}
