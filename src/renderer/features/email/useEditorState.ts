import { useCallback, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useApi } from '../../app/BackendContext';
import { newId } from '../../../shared/journey/ydoc';
import type { CaretTarget, EmailEditorState } from './EmailEditorContext';
import { useEmailUndo } from './useEmailUndo';

/** A short message in the editor's status line; repeated messages are announced again. */
function useAnnouncer() {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback((text: string) => {
    if (timer.current) clearTimeout(timer.current);
    setMessage('');
    // Cleared first, so a screen reader announces the same message twice in a row.
    timer.current = setTimeout(() => setMessage(text), 30);
  }, []);
  return [message, announce] as const;
}

/** Where the personalisation picker inserts: the last focused field that takes tags. */
function useCaretTarget() {
  const [target, setTarget] = useState<CaretTarget | null>(null);
  const set = useCallback((next: CaretTarget) => setTarget(next), []);
  const release = useCallback((gone: CaretTarget) => setTarget((t) => (t === gone ? null : t)), []);
  return { target, set, release };
}

interface EditorStateInput {
  doc: Y.Doc;
  campaignId: string;
  emailId: string;
  readOnly: boolean;
}

/** The state every panel of the editor shares (see {@link EmailEditorState}). */
export function useEditorState({ doc, campaignId, emailId, readOnly }: EditorStateInput) {
  const api = useApi();
  const [origin] = useState(() => ({ emailEditor: newId() }));
  const history = useEmailUndo(doc, origin);
  const [status, announce] = useAnnouncer();
  const caret = useCaretTarget();
  const [selected, setSelected] = useState<string>('details');
  const { step, undo, redo } = history;
  const state = useMemo<EmailEditorState>(
    () => ({
      api,
      doc,
      campaignId,
      emailId,
      origin,
      readOnly,
      step,
      undo,
      redo,
      announce,
      select: setSelected,
      setCaretTarget: caret.set,
      releaseCaretTarget: caret.release,
    }),
    [api, doc, campaignId, emailId, origin, readOnly, step, undo, redo, announce, caret.set, caret.release],
  );
  return { state, history, status, selected, caretTarget: caret.target };
}
