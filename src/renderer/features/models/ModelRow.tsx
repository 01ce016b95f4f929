import type { ModelInfo } from '../../../shared/ai/models';
import { formatBytes, formatCount } from './format';

/** One model file: what its metadata says, its memory needs, default and remove. */
export function ModelRow({
  model,
  onDefault,
  onRemove,
}: {
  model: ModelInfo;
  onDefault: () => void;
  onRemove: () => void;
}) {
  const title = model.name ?? model.id;
  const facts = [
    model.architecture,
    model.parameters ? `${formatCount(model.parameters)} parameters` : null,
    model.quantization,
    model.contextLength ? `${model.contextLength.toLocaleString('en')}-token context` : null,
    formatBytes(model.bytes),
  ].filter(Boolean);
  return (
    <li className="model-row" aria-label={title}>
      <div className="model-main">
        <strong>{title}</strong>
        {model.isDefault && <span className="model-badge">Default</span>}
        <div className="muted">{model.id}</div>
        {model.problem ? (
          <p className="form-error">{model.problem}</p>
        ) : (
          <>
            <div>{facts.join(' · ')}</div>
            <div className="muted">
              {model.memory
                ? `Needs about ${formatBytes(model.memory.ramBytes)} of memory (${formatBytes(model.memory.vramBytes)} on a GPU)`
                : 'Memory needs unknown'}
            </div>
          </>
        )}
      </div>
      <div className="model-actions">
        {!model.problem && !model.isDefault && (
          <button type="button" onClick={onDefault} aria-label={`Use ${title} by default`}>
            Use by default
          </button>
        )}
        <button type="button" onClick={onRemove} aria-label={`Remove ${title}`}>
          Remove
        </button>
      </div>
    </li>
  );
}
