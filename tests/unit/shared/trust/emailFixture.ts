import * as Y from 'yjs';
import { insertBlock } from '../../../../src/shared/email/emailDoc';
import type { Block } from '../../../../src/shared/email/blocks';
import { addNode } from '../../../../src/shared/journey/ydoc';

/** The Email step's fields used by the trust tests. */
export const emailFields = {
  label: 'Welcome',
  senderName: 'Maily Team',
  senderEmail: 'team@example.com',
  replyTo: 'reply@example.com',
  subject: 'Welcome aboard',
  preheader: 'Three things to try first',
};

/** A heading, a formatted text block and a button, with fixed ids. */
export const emailBlocks: Block[] = [
  {
    id: 'h1',
    kind: 'heading',
    level: 1,
    text: 'Hello there',
    align: 'left',
    padding: { top: 8, right: 8, bottom: 8, left: 8 },
    background: '',
  },
  {
    id: 't1',
    kind: 'text',
    text: [{ insert: 'Read the ' }, { insert: 'guide', attributes: { bold: true } }, { insert: ' today.' }],
    list: 'none',
    align: 'left',
    padding: { top: 8, right: 8, bottom: 8, left: 8 },
    background: '',
  },
  {
    id: 'b1',
    kind: 'button',
    label: 'Start',
    href: 'https://example.com/start',
    background: '#3366ff',
    color: '#ffffff',
    align: 'center',
    radius: 4,
    padding: { top: 8, right: 8, bottom: 8, left: 8 },
  },
];

/** A campaign doc with one Email step (returned id) holding {@link emailBlocks}. */
export function emailDoc(
  doc = new Y.Doc(),
  fields: Record<string, unknown> = emailFields,
): { doc: Y.Doc; emailId: string } {
  const emailId = addNode(doc, 'email', { x: 0, y: 0 }, { ...fields });
  emailBlocks.forEach((block, index) => insertBlock(doc, emailId, index, block));
  return { doc, emailId };
}
