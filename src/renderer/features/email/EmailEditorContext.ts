import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { MailyApi } from '../../../shared/api/client';

/** A field the personalisation picker can insert a tag into (the last one focused). */
export interface CaretTarget {
  /** Shown in the picker: "Insert into Subject". */
  label: string;
  insert: (text: string) => void;
}

/** What the editor's panels share. */
export interface EmailEditorState {
  api: MailyApi;
  doc: Y.Doc;
  campaignId: string;
  emailId: string;
  /** This editor's transaction origin; its undo manager tracks only this. */
  origin: object;
  readOnly: boolean;
  /** Runs a discrete edit as its own undo step. */
  step: <T>(edit: () => T) => T;
  undo: () => void;
  redo: () => void;
  /** Says something in the editor's status line (and to screen readers). */
  announce: (message: string) => void;
  /** Selects a block in the outline and the centre ('details': the message details). */
  select: (blockId: string | 'details') => void;
  /** Makes `target` the field the personalisation picker inserts into. */
  setCaretTarget: (target: CaretTarget) => void;
  /** Forgets `target` (its field went away), unless another field took over since. */
  releaseCaretTarget: (target: CaretTarget) => void;
}

export const EmailEditorContext = createContext<EmailEditorState | null>(null);

/** The editor's shared state; only inside `EmailEditor`. */
export function useEmailEditor(): EmailEditorState {
  const state = useContext(EmailEditorContext);
  if (!state) throw new Error('useEmailEditor must be used inside <EmailEditor>');
  return state;
}
