import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/BackendContext';
import { describeError } from './describeError';
import { MAX_VERSION_NAME } from './formatting';

interface Props {
  campaignId: string;
  /** Resolves when every edit made so far is saved on the host (false if that did not happen in time). */
  whenSaved: () => Promise<boolean>;
}

/** "Name this version": saves the campaign as it is now under a name. */
export function NameVersionForm({ campaignId, whenSaved }: Props) {
  const api = useApi();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setMessage({ error: true, text: 'Type a name for this version, then save it.' });
    setBusy(true);
    try {
      if (!(await whenSaved())) {
        setMessage({
          error: true,
          text: 'Your latest edits are not saved yet. Wait until the header shows “Saved”, then try again.',
        });
        return;
      }
      const made = await api.versions.create({ campaignId, name: trimmed });
      setName('');
      setMessage({ error: false, text: `Saved as “${made.name}”.` });
    } catch (error) {
      setMessage({ error: true, text: describeError(error, 'Saving the version') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="vp-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="vp-name">Name this version</label>
      <div className="vp-row">
        <input
          id="vp-name"
          value={name}
          maxLength={MAX_VERSION_NAME}
          placeholder="e.g. Sent to legal"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save version'}
        </button>
      </div>
      <p className={message?.error ? 'vp-error' : 'vp-muted'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
