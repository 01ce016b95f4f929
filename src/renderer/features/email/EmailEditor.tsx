import './email.css';
import { useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type * as Y from 'yjs';
import { findBlock } from './blockInfo';
import { BlockPanel } from './blocks/BlockPanel';
import { Disclosure } from './Disclosure';
import { EditorSide } from './EditorSide';
import { EmailEditorContext } from './EmailEditorContext';
import { ExportBar } from './export/ExportBar';
import { MessageFields } from './MessageFields';
import { PreviewPane } from './preview/PreviewPane';
import { emailTexts, initialSample, sampleAttributes, toSample, type Sample } from './preview/sampleData';
import { SampleFields } from './preview/SampleFields';
import { usePreview } from './preview/usePreview';
import { SendTestForm } from './send/SendTestForm';
import { SmtpSettingsForm } from './send/SmtpSettingsForm';
import { TagPicker } from './TagPicker';
import { useEditorState } from './useEditorState';
import { useEmailBody } from './useEmailBody';
import { useEmailNode } from './useEmailNode';
import { useHistoryKeys, useModal } from './useModalDialog';
import { useProblems } from './useProblems';
import type { PresenceFeed } from '../../../shared/collab/presence';
import { BlockPresence, EmailPresence } from './presence/EmailPresence';
import { useEmailPresence } from './presence/useEmailPresence';
import { EmailAi } from './ai/EmailAi';
import type { EmailAiSlots } from './ai/aiSlots';

export interface EmailEditorProps {
  /** The campaign's document; the body is read from and written to `emails[emailId]`. */
  doc: Y.Doc;
  campaignId: string;
  /** The Email node's id, which is also the key of its body. */
  emailId: string;
  /** When true nothing can be changed; preview, export and test sends still work. */
  readOnly: boolean;
  /** Esc, the Close button, or the browser closing the dialog. */
  onClose: () => void;
  /**
   * Teammates' presence (from the collaboration feature): who else has this email open
   * and which block they are in; this editor publishes its email and selected block.
   * Defaults to none.
   */
  presence?: PresenceFeed;
  /** The AI's controls (subject lines, drafting, rewriting a block). Defaults to none. */
  ai?: EmailAiSlots;
  /** The trust feature's certificate badge and its buttons, shown in the header. Defaults to none. */
  trust?: ReactNode;
}

function EditorDialog({ doc, campaignId, emailId, readOnly, onClose, presence, ai, trust }: EmailEditorProps) {
  const body = useEmailBody(doc, emailId);
  const node = useEmailNode(doc, emailId);
  const { state, history, status, selected, caretTarget } = useEditorState({
    doc,
    campaignId,
    emailId,
    readOnly: readOnly || node === null,
  });
  const { dialog, handlers } = useModal(onClose);
  useHistoryKeys(dialog, history);
  const [values, setValues] = useState<Sample>(initialSample);
  const texts = emailTexts(body.blocks, node?.subject, node?.preheader);
  const attributes = sampleAttributes(texts);
  const sampleKey = JSON.stringify(toSample(values, attributes));
  const sample = useMemo(() => JSON.parse(sampleKey) as Sample, [sampleKey]);
  const preview = usePreview(state.api, doc, campaignId, emailId, sample);
  const problems = useProblems(body.problems, preview.rendered?.errors ?? []);
  const place = selected === 'details' ? null : findBlock(body.blocks, selected);
  const label = node?.label || 'Untitled email';
  useEmailPresence(presence, emailId, selected);

  return (
    <dialog ref={dialog} className="ee-dialog" aria-label="Email editor" {...handlers}>
      <EmailEditorContext.Provider value={state}>
        <header className="ee-head">
          <h1>
            <span className="ee-hint">Email</span> {label}
          </h1>
          {state.readOnly && <span className="ee-badge">View only</span>}
          {presence && <EmailPresence presence={presence} emailId={emailId} />}
          {trust}
          <div className="ee-row" role="group" aria-label="History">
            <button
              type="button"
              disabled={!history.canUndo || state.readOnly}
              onClick={history.undo}
              aria-keyshortcuts="Control+Z"
            >
              Undo
            </button>
            <button
              type="button"
              disabled={!history.canRedo || state.readOnly}
              onClick={history.redo}
              aria-keyshortcuts="Control+Shift+Z"
            >
              Redo
            </button>
          </div>
          <ExportBar label={label} />
          <p className="ee-status" role="status">
            {status}
          </p>
          <button type="button" className="ee-close" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </button>
        </header>
        <div className="ee-body">
          <EditorSide blocks={body.blocks} selected={selected} problemCounts={problems.counts} />
          <section className="ee-centre" aria-label="Block editor" data-doc-undo>
            <div className="ee-centre__bar">
              <TagPicker target={caretTarget} used={attributes} disabled={state.readOnly} />
            </div>
            {node === null && (
              <p className="ee-notice" role="alert">
                This email’s step was deleted from the journey, so it can no longer be edited. Close the editor.
              </p>
            )}
            {problems.general.length > 0 && (
              <ul className="ee-problems" aria-label="Problems with this email">
                {problems.general.map((message, i) => (
                  <li key={i}>{message}</li>
                ))}
              </ul>
            )}
            {presence && place && <BlockPresence presence={presence} emailId={emailId} blockId={place.block.id} />}
            {place ? (
              <BlockPanel key={place.block.id} place={place} problems={problems.byBlock.get(place.block.id) ?? []} />
            ) : (
              node && <MessageFields node={node} />
            )}
            {ai && node && (
              <EmailAi slots={ai} blockId={place?.block.id ?? null} blockKind={place?.block.kind ?? null} />
            )}
          </section>
          <aside className="ee-right" aria-label="Preview and test">
            <PreviewPane preview={preview} onShowBlock={state.select} />
            <Disclosure title="Sample contact" initiallyOpen>
              <SampleFields attributes={attributes} sample={values} onChange={setValues} />
            </Disclosure>
            <Disclosure title="Send a test">
              <SendTestForm sample={sample} />
            </Disclosure>
            <Disclosure title="SMTP settings">
              <SmtpSettingsForm />
            </Disclosure>
          </aside>
        </div>
      </EmailEditorContext.Provider>
    </dialog>
  );
}

/**
 * The email editor of one Email node, as a modal dialog over the canvas: the outline of
 * blocks (drag or Alt+↑/↓ to reorder), the selected block's fields, and the preview at
 * desktop and phone width with sample data, export and test sends. Text is edited in
 * the blocks' Y.Text, so people editing the same email at once merge.
 */
export function EmailEditor(props: EmailEditorProps) {
  // Outside the canvas's element, so its shortcuts never see keys typed here.
  return createPortal(<EditorDialog key={`${props.doc.guid}:${props.emailId}`} {...props} />, document.body);
}
