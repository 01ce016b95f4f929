import { useId, useState, type FormEvent } from 'react';
import { memoryKinds, type MemoryInput, type MemoryKind } from '../../../shared/ai/memory';
import { kindLabels } from './kinds';

/** Add or edit one memory item: its title, kind and text. Resolves to an error message or null. */
export function MemoryForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: MemoryInput;
  onSave: (input: MemoryInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<MemoryKind>(initial?.kind ?? 'brandVoice');
  const [text, setText] = useState(initial?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    void onSave({ kind, title, text }).then((problem) => {
      setSaving(false);
      setError(problem);
    });
  };
  const label = initial ? `Edit “${initial.title}”` : 'New memory item';
  return (
    <form className="memory-form" aria-label={label} onSubmit={submit}>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        data-initial-focus
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as MemoryKind)}>
        {memoryKinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-text`}>What the AI should remember</label>
      <textarea id={`${id}-text`} rows={5} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="memory-actions">
        <button type="submit" className="primary" disabled={saving || !title.trim() || !text.trim()}>
          {initial ? 'Save changes' : 'Add to memory'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
