import type { JourneyNode } from '../../../shared/journey';

/**
 * A layer of the canvas that the designer can show or hide from the layers bar. A layer
 * may own nodes (hidden while it is off); overlay layers own none and instead read
 * their visibility (see `LayersContext`) to draw on top of the flow. Later features add
 * a layer by adding an entry to the list they pass to the editor.
 */
export interface CanvasLayer {
  id: string;
  label: string;
  description: string;
  visibleByDefault: boolean;
  /** Nodes that belong to this layer and are hidden while it is off. */
  owns?: (node: JourneyNode) => boolean;
}

/** The layers every canvas has: the flow itself, and the team's notes. */
export const defaultLayers: readonly CanvasLayer[] = [
  {
    id: 'design',
    label: 'Design',
    description: 'The flow: steps and their connections',
    visibleByDefault: true,
    owns: (node) => node.kind !== 'note',
  },
  {
    id: 'notes',
    label: 'Notes',
    description: 'Sticky notes for the team',
    visibleByDefault: true,
    owns: (node) => node.kind === 'note',
  },
];

/**
 * Teammates' cursors and selections (an overlay layer: it owns no nodes). The editor adds
 * it when it has a presence feed.
 */
export const collaborationLayer: CanvasLayer = {
  id: 'collaboration',
  label: 'Collaboration',
  description: "Teammates' cursors and selections",
  visibleByDefault: true,
};

/** `layers` with the Collaboration layer at the end, unless it is there already. */
export function withCollaboration(layers: readonly CanvasLayer[]): readonly CanvasLayer[] {
  return layers.some((layer) => layer.id === collaborationLayer.id) ? layers : [...layers, collaborationLayer];
}

/**
 * The AI's suggested step and its review findings (an overlay layer: it owns no nodes).
 * The editor adds it when it has an AI feed.
 */
export const aiLayer: CanvasLayer = {
  id: 'ai',
  label: 'AI',
  description: 'AI suggestions and review findings on the steps',
  visibleByDefault: true,
};

/** `layers` with the AI layer at the end, unless it is there already. */
export function withAi(layers: readonly CanvasLayer[]): readonly CanvasLayer[] {
  return layers.some((layer) => layer.id === aiLayer.id) ? layers : [...layers, aiLayer];
}

/**
 * Certificate badges on the Email steps (an overlay layer: it owns no nodes). The editor
 * adds it when it has a trust feed.
 */
export const trustLayer: CanvasLayer = {
  id: 'trust',
  label: 'Trust',
  description: 'Certificate badges on the emails: verified, modified since signing, unsigned, revoked',
  visibleByDefault: true,
};

/** `layers` with the Trust layer at the end, unless it is there already. */
export function withTrust(layers: readonly CanvasLayer[]): readonly CanvasLayer[] {
  return layers.some((layer) => layer.id === trustLayer.id) ? layers : [...layers, trustLayer];
}

/** Which layers are on, by id. */
export type LayerVisibility = Readonly<Record<string, boolean>>;

export function initialVisibility(layers: readonly CanvasLayer[]): LayerVisibility {
  return Object.fromEntries(layers.map((layer) => [layer.id, layer.visibleByDefault]));
}

/** A node is hidden when a layer that owns it is off. */
export function hiddenBy(layers: readonly CanvasLayer[], visible: LayerVisibility): (node: JourneyNode) => boolean {
  const off = layers.filter((layer) => layer.owns && !visible[layer.id]);
  return (node) => off.some((layer) => layer.owns!(node));
}
