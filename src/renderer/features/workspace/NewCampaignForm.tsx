import { useState, type FormEvent } from 'react';

/** Name a new campaign and create it; errors from the host are shown beside the field. */
export function NewCampaignForm({
  onCreate,
  onCancel,
}: {
  onCreate: (name: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(await onCreate(name));
    setBusy(false);
  };
  return (
    <form className="new-campaign" onSubmit={submit} aria-label="New campaign">
      <label>
        Campaign name
        <input
          value={name}
          autoFocus
          placeholder="e.g. Spring welcome series"
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-campaign-error' : undefined}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create campaign'}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p id="new-campaign-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
