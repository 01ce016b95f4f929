import { useCallback } from 'react';
import type * as Y from 'yjs';
import { nodesMap, readNode } from '../../../shared/journey/ydoc';
import { observeEntry } from './useEmailBody';
import { useObserved } from './useObserved';

/** The Email node's fields as shown in the editor (each '' when missing or not a string). */
export interface EmailNodeFields {
  label: string;
  subject: string;
  preheader: string;
  senderName: string;
  senderEmail: string;
  replyTo: string;
}

export type EmailNodeField = keyof EmailNodeFields;

const fieldNames: EmailNodeField[] = ['label', 'subject', 'preheader', 'senderName', 'senderEmail', 'replyTo'];

/** Reads the Email node `emailId`; null when it is gone or is not an Email node. */
export function readEmailNode(doc: Y.Doc, emailId: string): EmailNodeFields | null {
  const node = readNode(emailId, nodesMap(doc).get(emailId));
  if (!node || node.kind !== 'email') return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return Object.fromEntries(fieldNames.map((name) => [name, text(node.data[name])])) as unknown as EmailNodeFields;
}

/** The Email node's fields, re-read when they change (null once the node is deleted). */
export function useEmailNode(doc: Y.Doc, emailId: string): EmailNodeFields | null {
  const subscribe = useCallback(
    (onChange: () => void) => observeEntry(nodesMap(doc), emailId, onChange),
    [doc, emailId],
  );
  const read = useCallback(() => readEmailNode(doc, emailId), [doc, emailId]);
  return useObserved(subscribe, read);
}
