import { mailAddress } from '../../../shared/email/smtp';
import { updateNodeData } from '../../../shared/journey/ydoc';
import { TextInput } from './blocks/controls';
import { useEmailEditor } from './EmailEditorContext';
import type { EmailNodeField, EmailNodeFields } from './useEmailNode';
import { useInputTarget } from './useInputTarget';

function addressProblem(value: string): string | undefined {
  if (!value.trim()) return undefined;
  return mailAddress.safeParse(value).success ? undefined : 'Enter a mail address, e.g. ana@example.com.';
}

/**
 * The message around the body: subject, preheader and sender. They live on the Email
 * node (the canvas inspector shows the same fields); tags work in subject and preheader.
 */
export function MessageFields({ node }: { node: EmailNodeFields }) {
  const { doc, emailId, origin, readOnly } = useEmailEditor();
  const write = (field: EmailNodeField) => (value: string) =>
    void updateNodeData(doc, emailId, { [field]: value }, origin);
  const subjectTarget = useInputTarget('Subject', node.subject, write('subject'));
  const preheaderTarget = useInputTarget('Preheader', node.preheader, write('preheader'));
  return (
    <section className="ee-block" aria-labelledby="ee-message-title">
      <header className="ee-block__head">
        <h2 id="ee-message-title">Message details</h2>
      </header>
      <fieldset className="ee-block__fields" disabled={readOnly}>
        <legend className="ee-visually-hidden">Message details</legend>
        <TextInput
          label="Subject"
          value={node.subject}
          error={node.subject.trim() ? undefined : 'An email needs a subject.'}
          onFocus={subjectTarget}
          onChange={write('subject')}
        />
        <TextInput
          label="Preheader"
          hint="The preview line most inboxes show after the subject."
          value={node.preheader}
          onFocus={preheaderTarget}
          onChange={write('preheader')}
        />
        <div className="ee-grid ee-grid--2">
          <TextInput label="Sender name" value={node.senderName} onChange={write('senderName')} />
          <TextInput
            label="Sender email"
            type="email"
            value={node.senderEmail}
            error={addressProblem(node.senderEmail)}
            onChange={write('senderEmail')}
          />
        </div>
        <TextInput
          label="Reply-to address"
          type="email"
          value={node.replyTo}
          error={addressProblem(node.replyTo)}
          onChange={write('replyTo')}
        />
      </fieldset>
    </section>
  );
}
