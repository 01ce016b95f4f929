import * as Y from 'yjs';
import type { TrustProblem } from './types';

/**
 * Certificates and revocations live in the campaign's Y.Doc, so they sync to teammates
 * with the campaign:
 * - `trust`: certificate uid → the certificate's compact payload (the text after
 *   `#` in its verify link, without a revocation)
 * - `trustRevocations`: certificate uid → the revocation's compact JSON text
 *
 * Only the main process writes them (origin `trust`). Everything read here may come
 * from a peer: entries that are not strings of a sane size are skipped and reported;
 * the strings themselves are checked (signature and all) by the trust service.
 */

export const TRUST_KEY = 'trust';
export const REVOCATIONS_KEY = 'trustRevocations';
/** Most characters of one stored entry. */
export const MAX_ENTRY_CHARS = 8_000;
/** Most entries read from one map (a hostile doc could hold millions). */
export const MAX_ENTRIES = 2_000;

export function certificatesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TRUST_KEY);
}

export function revocationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REVOCATIONS_KEY);
}

/** The raw string entries of both maps; what is not a string of a sane size is a problem. */
export interface TrustEntries {
  certificates: Map<string, string>;
  revocations: Map<string, string>;
  problems: TrustProblem[];
}

function readMap(map: Y.Map<unknown>, what: string, problems: TrustProblem[]): Map<string, string> {
  const out = new Map<string, string>();
  let seen = 0;
  map.forEach((value, key) => {
    if (++seen > MAX_ENTRIES) return;
    const shown = key.slice(0, 80);
    if (typeof value !== 'string' || value.length > MAX_ENTRY_CHARS)
      problems.push({ key: shown, reason: 'corrupt', message: `A stored ${what} is not readable; it was skipped.` });
    else out.set(key, value);
  });
  if (seen > MAX_ENTRIES)
    problems.push({
      key: '',
      reason: 'corrupt',
      message: `The campaign holds more than ${MAX_ENTRIES} ${what}s; the rest were skipped.`,
    });
  return out;
}

/** Reads both trust maps of a campaign doc. Never throws. */
export function readTrustEntries(doc: Y.Doc): TrustEntries {
  const problems: TrustProblem[] = [];
  const certificates = readMap(certificatesMap(doc), 'certificate', problems);
  const revocations = readMap(revocationsMap(doc), 'revocation', problems);
  return { certificates, revocations, problems };
}

/** True when a Yjs transaction touched the trust maps (to refresh badges only then). */
export function touchesTrust(doc: Y.Doc, transaction: Y.Transaction): boolean {
  const touched = (map: Y.Map<unknown>) =>
    transaction.changed.has(map as unknown as Parameters<typeof transaction.changed.has>[0]);
  return touched(certificatesMap(doc)) || touched(revocationsMap(doc));
}
