import { useCallback, useMemo, useState } from 'react';
import type { JourneyNode } from '../../../shared/journey';
import { hiddenBy, initialVisibility, type CanvasLayer, type LayerVisibility } from './layers';

export interface Layers {
  visible: LayerVisibility;
  toggle: (id: string) => void;
  isHidden: (node: JourneyNode) => boolean;
}

/** The on/off state of `layers`; local to this editor (not in the doc). */
export function useLayers(layers: readonly CanvasLayer[]): Layers {
  const [visible, setVisible] = useState<LayerVisibility>(() => initialVisibility(layers));
  const toggle = useCallback((id: string) => setVisible((v) => ({ ...v, [id]: !(v[id] ?? false) })), []);
  const isHidden = useMemo(() => hiddenBy(layers, visible), [layers, visible]);
  return { visible, toggle, isHidden };
}
