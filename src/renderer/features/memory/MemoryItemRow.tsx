import type { MemoryItem } from '../../../shared/ai/memory';

const SNIPPET = 160;

/** One memory item in the list: title, the start of its text, whether it is searchable by meaning. */
export function MemoryItemRow({
  item,
  onEdit,
  onRemove,
}: {
  item: MemoryItem;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const snippet = item.text.length > SNIPPET ? `${item.text.slice(0, SNIPPET)}…` : item.text;
  return (
    <li className="memory-item">
      <div>
        <strong>{item.title}</strong>
        <span className="memory-badge" title="Searchable by meaning once the loaded model has embedded it">
          {item.embedded ? 'Indexed' : 'Words only'}
        </span>
        <p className="muted">{snippet}</p>
      </div>
      <div className="memory-actions">
        <button type="button" aria-label={`Edit “${item.title}”`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" aria-label={`Remove “${item.title}”`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
