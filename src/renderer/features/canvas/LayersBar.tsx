import { memo } from 'react';
import type { CanvasLayer, LayerVisibility } from './layers';

interface LayersBarProps {
  layers: readonly CanvasLayer[];
  visible: LayerVisibility;
  onToggle: (id: string) => void;
}

/** Toggle buttons, one per layer. */
export const LayersBar = memo(function LayersBar({ layers, visible, onToggle }: LayersBarProps) {
  return (
    <div className="je-layers" role="toolbar" aria-label="Layers">
      <span className="je-layers__title" aria-hidden="true">
        Layers
      </span>
      {layers.map((layer) => (
        <button
          key={layer.id}
          type="button"
          className="je-toggle"
          aria-pressed={!!visible[layer.id]}
          title={layer.description}
          onClick={() => onToggle(layer.id)}
        >
          {layer.label}
        </button>
      ))}
    </div>
  );
});
