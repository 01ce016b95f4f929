import { useCallback, useMemo, useState } from 'react';
import type { JourneyNode } from '../../../shared/journey';
import { hiddenBy, initialVisibility, type CanvasLayer, type LayerVisibility } from './layers';

export interface Layers {
  visible: LayerVisibility;
  toggle: (id: string) => void;
  isHidden: (node: JourneyNode) => boolean;
}

/**
 * The on/off state of `layers`; local to this editor (not in the doc). A layer added
 * later (e.g. Collaboration once a presence feed arrives) starts as its default.
 */
export function useLayers(layers: readonly CanvasLayer[]): Layers {
  const [chosen, setChosen] = useState<LayerVisibility>({});
  const visible = useMemo(() => ({ ...initialVisibility(layers), ...chosen }), [layers, chosen]);
  const toggle = useCallback(
    (id: string) =>
      setChosen((v) => ({ ...v, [id]: !(v[id] ?? layers.find((l) => l.id === id)?.visibleByDefault ?? false) })),
    [layers],
  );
  const isHidden = useMemo(() => hiddenBy(layers, visible), [layers, visible]);
  return { visible, toggle, isHidden };
}
