import { keccak256, toUtf8Bytes } from 'ethers';
import type * as Y from 'yjs';
import type { Block, TextRun } from '../email/blocks';
import { readEmail } from '../email/readEmail';
import { nodesMap, readNode } from '../journey/ydoc';

/**
 * The canonical form of one email version, which a certificate's content hash covers.
 * Any tool can recompute it: build the object below, serialise it with
 * {@link canonicalJson} (keys sorted by UTF-16 code units at every level, strings
 * NFC-normalised, no whitespace, integers only, no `undefined`) and take
 * keccak256 of its UTF-8 bytes.
 *
 * ```
 * { "blocks": [...], "format": "maily.email/1", "preheader": "…", "renderer": "maily-mjml/1",
 *   "sender": { "email": "…", "name": "…", "replyTo": "…" }, "subject": "…" }
 * ```
 * `blocks` is the email body as `readEmail` reads it from the campaign's Y.Doc (every
 * field of each block's schema, defaults filled in, in body order; text blocks as runs,
 * with adjacent runs of the same formats merged and empty runs dropped). The Email
 * step's label is not content and is not signed.
 */

/** Names this canonical form; changes whenever the form changes. */
export const CANONICAL_FORMAT = 'maily.email/1';
/** The email renderer's version: bump it when `toMjml` renders the same blocks differently. */
export const RENDERER_VERSION = 'maily-mjml/1';

/** The signed content of one email. */
export interface CanonicalEmail {
  format: typeof CANONICAL_FORMAT;
  sender: { name: string; email: string; replyTo: string };
  subject: string;
  preheader: string;
  blocks: Block[];
  renderer: string;
}

/** Deterministic JSON: sorted keys, NFC strings, integers only. Throws on anything else. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('The canonical form holds integers only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k.normalize('NFC'), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`The canonical form cannot hold a ${typeof value}`);
}

function sameFormats(a: TextRun['attributes'], b: TextRun['attributes']): boolean {
  return canonicalJson(a ?? {}) === canonicalJson(b ?? {});
}

/** Merges adjacent runs with equal formats and drops empty ones, so equal text is equal runs. */
export function normalizeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    if (run.insert.length === 0) continue;
    const last = out[out.length - 1];
    if (last && sameFormats(last.attributes, run.attributes)) last.insert += run.insert;
    else out.push(run.attributes ? { insert: run.insert, attributes: run.attributes } : { insert: run.insert });
  }
  return out;
}

function normalizeBlock(block: Block): Block {
  if (block.kind === 'text') return { ...block, text: normalizeRuns(block.text) };
  if (block.kind === 'columns')
    return { ...block, columns: block.columns.map((column) => column.map((b) => normalizeBlock(b) as typeof b)) };
  return block;
}

/**
 * The canonical content of the Email step `emailId` in a campaign's Y.Doc, or null when
 * there is no such Email step. Never throws on a damaged doc (a field that is not text reads empty).
 */
export function readCanonicalEmail(doc: Y.Doc, emailId: string, renderer = RENDERER_VERSION): CanonicalEmail | null {
  const node = readNode(emailId, nodesMap(doc).get(emailId));
  if (!node || node.kind !== 'email') return null;
  const data = (typeof node.data === 'object' && node.data !== null ? node.data : {}) as Record<string, unknown>;
  // Field by field: one damaged field (a teammate's doc may hold anything) reads as empty, the rest still count.
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  return {
    format: CANONICAL_FORMAT,
    sender: { name: text('senderName'), email: text('senderEmail'), replyTo: text('replyTo') },
    subject: text('subject'),
    preheader: text('preheader'),
    blocks: readEmail(doc, emailId).blocks.map(normalizeBlock),
    renderer,
  };
}

/** keccak256 of the canonical JSON's UTF-8 bytes: 0x + 64 hex digits. */
export function hashCanonicalEmail(email: CanonicalEmail): string {
  return keccak256(toUtf8Bytes(canonicalJson(email)));
}

/** The content hash of an Email step as it is now, or null when there is no such step. */
export function emailContentHash(doc: Y.Doc, emailId: string, renderer = RENDERER_VERSION): string | null {
  const email = readCanonicalEmail(doc, emailId, renderer);
  return email ? hashCanonicalEmail(email) : null;
}
