import type { ReactNode } from 'react';

/**
 * Where the AI feature's controls go in the email editor. The app shell fills these
 * (features never import each other); the editor hands each slot the write it needs.
 */
export interface EmailAiSlots {
  /** With the message details: gets a function that sets the subject. */
  subject?: (use: (subject: string) => void) => ReactNode;
  /** With the message details: gets a function that adds paragraphs to the body. */
  draft?: (accept: (text: string) => void) => ReactNode;
  /** Under a text or heading block's fields: gets a function that replaces its text. */
  block?: (blockId: string, accept: (text: string) => void) => ReactNode;
}
