import { useEffect, useId, useState } from 'react';
import type { SmtpSettingsView } from '../../../../shared/api/dto';
import { TextInput } from '../blocks/controls';
import { describeError } from '../describeError';
import { useEmailEditor } from '../EmailEditorContext';
import { checkDraft, draftFrom, type SmtpDraft } from './smtpForm';

type Status = { state: 'loading' | 'idle' | 'saving' | 'saved' | 'failed'; message?: string };

/** The SMTP server test sends go through, stored by the host (the password in its secret store). */
export function SmtpSettingsForm({ onSaved }: { onSaved?: (view: SmtpSettingsView) => void }) {
  const { api } = useEmailEditor();
  const [stored, setStored] = useState<SmtpSettingsView | null>(null);
  const [draft, setDraft] = useState<SmtpDraft>(draftFrom(null));
  const [errors, setErrors] = useState<Partial<Record<keyof SmtpDraft, string>>>({});
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const secureId = useId();

  useEffect(() => {
    let live = true;
    api.mail.getSettings({}).then(
      (view) => {
        if (!live) return;
        setStored(view);
        setDraft(draftFrom(view));
        setStatus({ state: 'idle' });
      },
      (error) => live && setStatus({ state: 'failed', message: describeError(error, 'Loading the SMTP settings') }),
    );
    return () => void (live = false);
  }, [api]);

  const set = (patch: Partial<SmtpDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = async () => {
    const checked = checkDraft(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok)
      return setStatus({ state: 'failed', message: 'Some settings need fixing; see the messages by the fields.' });
    setStatus({ state: 'saving', message: 'Saving…' });
    try {
      const view = await api.mail.saveSettings(checked.settings);
      setStored(view);
      setDraft(draftFrom(view));
      setStatus({ state: 'saved', message: 'Saved. Send a test to check them.' });
      onSaved?.(view);
    } catch (error) {
      setStatus({ state: 'failed', message: describeError(error, 'Saving the SMTP settings') });
    }
  };

  const forget = async () => {
    setStatus({ state: 'saving', message: 'Forgetting the password…' });
    try {
      await api.mail.forgetPassword({});
      const view = await api.mail.getSettings({});
      setStored(view);
      setStatus({ state: 'saved', message: 'The stored password was removed.' });
    } catch (error) {
      setStatus({ state: 'failed', message: describeError(error, 'Forgetting the password') });
    }
  };

  return (
    <form
      className="ee-group"
      aria-label="SMTP settings"
      aria-busy={status.state === 'loading' || status.state === 'saving'}
      data-local-undo
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="ee-grid ee-grid--2">
        <TextInput
          label="SMTP server"
          placeholder="smtp.example.com"
          value={draft.host}
          error={errors.host}
          onChange={(host) => set({ host })}
        />
        <TextInput label="Port" value={draft.port} error={errors.port} onChange={(port) => set({ port })} />
      </div>
      <div className="ee-check">
        <input
          id={secureId}
          type="checkbox"
          checked={draft.secure}
          aria-describedby={`${secureId}-hint`}
          onChange={(e) => set({ secure: e.target.checked })}
        />
        <label htmlFor={secureId}>Connect with TLS (SSL)</label>
        <span id={`${secureId}-hint`} className="ee-hint">
          Usually with port 465. Off: STARTTLS is used when the server offers it.
        </span>
      </div>
      <TextInput
        label="User name"
        hint="Leave empty if the server needs no login."
        value={draft.user}
        error={errors.user}
        onChange={(user) => set({ user })}
      />
      <PasswordField
        value={draft.password}
        stored={stored?.hasPassword === true}
        error={errors.password}
        onChange={(password) => set({ password })}
      />
      {stored?.hasPassword && (
        <button type="button" className="ee-link-button" onClick={() => void forget()}>
          Forget the stored password
        </button>
      )}
      <TextInput
        label="Send from (optional)"
        type="email"
        hint="Many servers only accept their account’s own address."
        value={draft.from}
        error={errors.from}
        onChange={(from) => set({ from })}
      />
      <div className="ee-row">
        <button type="submit" className="primary" disabled={status.state === 'saving' || status.state === 'loading'}>
          Save SMTP settings
        </button>
        {(status.state === 'loading' || status.state === 'saving') && (
          <progress aria-label={status.message ?? 'Loading the SMTP settings'} />
        )}
        <p
          role={status.state === 'failed' ? 'alert' : 'status'}
          className={status.state === 'failed' ? 'ee-field__error' : 'ee-hint'}
        >
          {status.message}
        </p>
      </div>
    </form>
  );
}

function PasswordField(props: { value: string; stored: boolean; error?: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="ee-field">
      <label htmlFor={id}>Password</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={props.value}
        aria-describedby={`${id}-hint`}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="ee-hint">
        {props.stored ? 'A password is stored. Leave this empty to keep it.' : 'No password is stored.'}
      </p>
      {props.error && <p className="ee-field__error">{props.error}</p>}
    </div>
  );
}
