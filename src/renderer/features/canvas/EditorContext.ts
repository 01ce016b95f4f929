import { createContext } from 'react';
import type * as Y from 'yjs';
import type { Journey } from '../../../shared/journey';

/** What the editor's panels need to write to the journey. */
export interface Editor {
  doc: Y.Doc;
  /** This editor's transaction origin: its undo manager tracks only this. */
  origin: object;
  readOnly: boolean;
  /** The latest journey, for event handlers (reading it does not re-render). */
  journey: () => Journey;
  /**
   * Runs a discrete edit (add, delete, connect, paste, layout) as its own undo step,
   * not merged with typing that happened just before or after.
   */
  step: <T>(edit: () => T) => T;
  /** Shows a short message in the editor's live region (for `ms`, default 6 s). */
  announce: (message: string, ms?: number) => void;
  /** Opens the email editor for an Email node; absent when the shell offers none. */
  onEditEmail?: (emailId: string) => void;
}

export const EditorContext = createContext<Editor | null>(null);
