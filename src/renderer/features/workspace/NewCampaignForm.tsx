import { useState, type FormEvent } from 'react';
import { templateIds, templateInfo, type TemplateId } from '../../../shared/templates';

/** Name a new campaign, optionally start from a template, and create it. */
export function NewCampaignForm({
  onCreate,
  onCancel,
}: {
  onCreate: (name: string, template: TemplateId | undefined) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateId | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(await onCreate(name || (template ? templateInfo[template].title : ''), template || undefined));
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
      <fieldset className="template-choice">
        <legend>Start from</legend>
        <label>
          <input type="radio" name="template" checked={template === ''} onChange={() => setTemplate('')} />
          <span>
            <strong>Blank journey</strong>
            <small>An empty canvas</small>
          </span>
        </label>
        {templateIds.map((id) => (
          <label key={id}>
            <input type="radio" name="template" checked={template === id} onChange={() => setTemplate(id)} />
            <span>
              <strong>{templateInfo[id].title}</strong>
              <small>{templateInfo[id].description}</small>
            </span>
          </label>
        ))}
      </fieldset>
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
