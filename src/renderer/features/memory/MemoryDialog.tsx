import { useState } from 'react';
import type { MemoryInput, MemoryItem } from '../../../shared/ai/memory';
import { useApi } from '../../app/BackendContext';
import { useModal } from '../../app/useModal';
import { kindLabels, kindsInOrder } from './kinds';
import { MemoryForm } from './MemoryForm';
import { MemoryItemRow } from './MemoryItemRow';
import { messageOf } from '../../../shared/errors';
import { SearchPreview } from './SearchPreview';
import { useMemoryItems } from './useMemoryItems';

type Editing = { mode: 'add' } | { mode: 'edit'; item: MemoryItem } | null;

/** The AI's memory: every item by kind, a search with the AI's ranking, add, edit and remove. */
export function MemoryDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { dialog, handlers } = useModal(onClose);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState('');
  const { items, problem } = useMemoryItems(query);

  const save = async (input: MemoryInput): Promise<string | null> => {
    try {
      if (editing?.mode === 'edit') await api.memory.update({ id: editing.item.id, ...input });
      else await api.memory.add(input);
      setNotice(editing?.mode === 'edit' ? 'Saved.' : `Added “${input.title.trim()}” to the memory.`);
      setEditing(null);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  };
  const remove = (item: MemoryItem) => {
    if (!window.confirm(`Remove “${item.title}” from the memory? The AI will no longer use it.`)) return;
    void api.memory.remove({ id: item.id }).then(
      () => setNotice(`Removed “${item.title}”.`),
      (error: unknown) => setNotice(messageOf(error)),
    );
  };

  return (
    <dialog ref={dialog} className="app-dialog memory-dialog" aria-label="Memory" {...handlers}>
      <header>
        <h2>Memory</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="muted">
        Brand voice, past emails and suggestions you accepted. The AI uses the best matches when it writes, and shows
        which ones it used.
      </p>
      <div className="memory-toolbar">
        <input
          type="search"
          aria-label="Search memory"
          placeholder="Search memory"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" onClick={() => setEditing({ mode: 'add' })} disabled={editing !== null}>
          Add item
        </button>
      </div>
      {editing && (
        <MemoryForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          initial={editing.mode === 'edit' ? editing.item : undefined}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {query.trim() && <SearchPreview query={query} />}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {items && items.length === 0 && (
        <p className="muted">
          {query.trim() ? 'No item has all these words.' : 'Nothing remembered yet. Add your brand voice first.'}
        </p>
      )}
      {items &&
        kindsInOrder.map((kind) => {
          const ofKind = items.filter((i) => i.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <section key={kind} aria-label={kindLabels[kind]}>
              <h3>
                {kindLabels[kind]} ({ofKind.length})
              </h3>
              <ul className="memory-list">
                {ofKind.map((item) => (
                  <MemoryItemRow
                    key={item.id}
                    item={item}
                    onEdit={() => setEditing({ mode: 'edit', item })}
                    onRemove={() => remove(item)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
    </dialog>
  );
}
