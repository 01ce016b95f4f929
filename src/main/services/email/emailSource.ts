import type * as Y from 'yjs';
import { readEmail } from '../../../shared/email/emailDoc';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { emailSchema, type NodeDataOf } from '../../../shared/journey/kinds';
import { nodesMap, readNode } from '../../../shared/journey/ydoc';

const emptyFields: NodeDataOf<'email'> = {
  label: '',
  senderName: '',
  senderEmail: '',
  replyTo: '',
  subject: '',
  preheader: '',
};

/**
 * An Email node's fields and body, read from a campaign document (never trusted: damaged
 * fields read as empty). Throws E_NOT_FOUND when the step is gone.
 */
export function readEmailSource(doc: Y.Doc, emailId: string) {
  const node = readNode(emailId, nodesMap(doc).get(emailId));
  if (!node || node.kind !== 'email') {
    throw new MailyError(
      ErrorCode.NotFound,
      'This email step no longer exists in the campaign; it may have been deleted.',
    );
  }
  const parsed = emailSchema.safeParse(node.data);
  return { node: parsed.success ? parsed.data : emptyFields, content: readEmail(doc, emailId) };
}
