import { useId, useState } from 'react';
import { mailAddress } from '../../../../shared/email/smtp';
import { describeError } from '../describeError';
import { useEmailEditor } from '../EmailEditorContext';
import type { Sample } from '../preview/sampleData';

type Status = { state: 'idle' } | { state: 'sending' | 'sent' | 'failed'; message: string };

/** Sends this email, personalised for the sample contact, to one address through SMTP. */
export function SendTestForm({ sample }: { sample: Sample }) {
  const { api, campaignId, emailId } = useEmailEditor();
  const id = useId();
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const send = async () => {
    const address = mailAddress.safeParse(to);
    if (!address.success)
      return setStatus({ state: 'failed', message: 'Enter the address to send the test to, e.g. ana@example.com.' });
    setStatus({ state: 'sending', message: `Sending a test to ${address.data}…` });
    try {
      const result = await api.email.sendTest({ campaignId, emailId, to: address.data, sample });
      const accepted = result.accepted.length > 0 ? result.accepted.join(', ') : address.data;
      setStatus({
        state: 'sent',
        message: `Sent to ${accepted}. Check that inbox (and its spam folder). Message id ${result.messageId}.`,
      });
    } catch (error) {
      setStatus({
        state: 'failed',
        message: describeError(error, 'Sending the test'),
      });
    }
  };
  const busy = status.state === 'sending';
  return (
    <form
      className="ee-group"
      aria-label="Send a test"
      aria-busy={busy}
      data-local-undo
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="ee-field">
        <label htmlFor={id}>Test recipient</label>
        <div className="ee-row">
          <input
            id={id}
            type="email"
            autoComplete="email"
            placeholder="you@example.com"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-describedby={status.state === 'idle' ? undefined : `${id}-status`}
          />
          <button type="submit" className="primary" disabled={busy}>
            Send test
          </button>
        </div>
      </div>
      {busy && <progress aria-label="Sending the test" />}
      {status.state !== 'idle' && (
        <p
          id={`${id}-status`}
          role={status.state === 'failed' ? 'alert' : 'status'}
          className={status.state === 'failed' ? 'ee-field__error' : status.state === 'sent' ? 'ee-ok' : 'ee-hint'}
        >
          {status.message}
        </p>
      )}
    </form>
  );
}
