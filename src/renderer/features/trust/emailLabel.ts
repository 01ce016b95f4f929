import type * as Y from 'yjs';
import { nodesMap, readNode } from '../../../shared/journey/ydoc';

/** The label of the Email step `emailId` in `doc`, for dialog titles; "Untitled email" without one. */
export function emailLabelOf(doc: Y.Doc, emailId: string): string {
  const node = readNode(emailId, nodesMap(doc).get(emailId));
  const label = node && typeof node.data.label === 'string' ? node.data.label.trim() : '';
  return label.slice(0, 120) || 'Untitled email';
}
