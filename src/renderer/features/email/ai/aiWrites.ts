import type * as Y from 'yjs';
import { defaultBlock, getBlockText, insertBlock, readEmail } from '../../../../shared/email/emailDoc';
import type { Block } from '../../../../shared/email/blocks';
import { updateNodeData } from '../../../../shared/journey/ydoc';

/** The edits an accepted AI suggestion makes, each one transaction with the editor's origin. */

export function setSubject(doc: Y.Doc, emailId: string, subject: string, origin: unknown): void {
  updateNodeData(doc, emailId, { subject }, origin);
}

/** Adds each paragraph of `text` as a text block at the end of the body. Returns how many. */
export function appendParagraphs(doc: Y.Doc, emailId: string, text: string, origin: unknown): number {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let added = 0;
  doc.transact(() => {
    for (const paragraph of paragraphs) {
      const block = { ...defaultBlock('text'), text: [{ insert: paragraph }] } as Block;
      if (insertBlock(doc, emailId, readEmail(doc, emailId).blocks.length, block, origin)) added += 1;
    }
  }, origin);
  return added;
}

/** Replaces the whole text of a text or heading block. False when the block has no text. */
export function replaceBlockText(doc: Y.Doc, emailId: string, blockId: string, text: string, origin: unknown): boolean {
  const target = getBlockText(doc, emailId, blockId);
  if (!target) return false;
  doc.transact(() => {
    target.delete(0, target.length);
    target.insert(0, text.trim());
  }, origin);
  return true;
}
