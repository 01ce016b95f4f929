import { cssColour, cssString } from '../../../../shared/collab/presenceCss';
import type { RemotePresence } from '../../../../shared/collab/presence';

/** At most this many node ids per teammate (what presence itself allows). */
export const maxSelectionIds = 500;

/**
 * The CSS that outlines the nodes `teammate` has selected in their colour, with their
 * name above each: one rule over an attribute selector per node, so node components
 * never re-render for it. Ids and the name are escaped (they come from a peer); an
 * empty string when nothing is selected. When two teammates select the same node the
 * later style wins.
 */
export function selectionStyle(teammate: Pick<RemotePresence, 'user' | 'selection'>): string {
  const ids = [...new Set(teammate.selection ?? [])].slice(0, maxSelectionIds);
  if (ids.length === 0) return '';
  const nodes = ids.map((id) => `.journey-editor .react-flow__node[data-id=${cssString(id)}]`);
  const colour = cssColour(teammate.user.colour);
  return (
    `${nodes.join(',\n')} {\n  outline: 2px solid ${colour};\n  outline-offset: 4px;\n  border-radius: 12px;\n}\n` +
    `${nodes.map((n) => `${n}::before`).join(',\n')} {\n  content: ${cssString(teammate.user.name)};\n` +
    `  background: ${colour};\n}\n`
  );
}

/** Whether two id lists are the same, in order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((id, i) => id === b[i]));
}
