import type { BlockKind } from '../../../../shared/email/blocks';
import { useEmailEditor } from '../EmailEditorContext';
import type { EmailAiSlots } from './aiSlots';
import { appendParagraphs, replaceBlockText, setSubject } from './aiWrites';

/**
 * The AI's controls for what is selected: with the message details, subject lines and
 * drafting; with a text or heading block, rewriting it. Accepting is one undo step.
 */
export function EmailAi({
  slots,
  blockId,
  blockKind,
}: {
  slots: EmailAiSlots;
  blockId: string | null;
  blockKind: BlockKind | null;
}) {
  const { doc, emailId, origin, step, announce, readOnly } = useEmailEditor();
  if (readOnly) return null;
  if (blockId) {
    if (!slots.block || (blockKind !== 'text' && blockKind !== 'heading')) return null;
    return (
      <section className="ee-block ee-ai" aria-label="AI for this block">
        {slots.block(blockId, (text) => {
          if (step(() => replaceBlockText(doc, emailId, blockId, text, origin))) announce('Replaced the block’s text.');
        })}
      </section>
    );
  }
  return (
    <section className="ee-block ee-ai" aria-label="AI help">
      {slots.subject?.((subject) => {
        step(() => setSubject(doc, emailId, subject, origin));
        announce(`Subject set to “${subject}”.`);
      })}
      {slots.draft?.((text) => {
        const added = step(() => appendParagraphs(doc, emailId, text, origin));
        announce(`Added ${added} ${added === 1 ? 'paragraph' : 'paragraphs'} to the email.`);
      })}
    </section>
  );
}
