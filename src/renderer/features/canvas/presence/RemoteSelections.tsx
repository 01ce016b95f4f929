import { memo, useMemo } from 'react';
import type { PresenceFeed } from '../../../../shared/collab/presence';
import { sameIds, selectionStyle } from './selectionStyle';
import { remoteOf, usePresenceSnapshot } from './usePresenceSnapshot';

interface SelectionStyleProps {
  clientId: number;
  name: string;
  colour: string;
  ids: readonly string[];
}

const SelectionStyle = memo(
  function SelectionStyle({ clientId, name, colour, ids }: SelectionStyleProps) {
    const css = useMemo(() => selectionStyle({ user: { name, colour }, selection: [...ids] }), [name, colour, ids]);
    if (!css) return null;
    return (
      <style data-presence-selection={clientId} data-presence-name={name}>
        {css}
      </style>
    );
  },
  // Every awareness update parses new arrays; an unchanged selection skips the render.
  (a, b) => a.clientId === b.clientId && a.name === b.name && a.colour === b.colour && sameIds(a.ids, b.ids),
);

const none: readonly string[] = [];

/**
 * Teammates' selections as outlines in their colours with their names: one generated
 * style element per teammate, so the node components never re-render for them.
 */
export const RemoteSelections = memo(function RemoteSelections({ presence }: { presence: PresenceFeed }) {
  const remote = usePresenceSnapshot(presence, remoteOf);
  return remote.map((r) => (
    <SelectionStyle
      key={r.clientId}
      clientId={r.clientId}
      name={r.user.name}
      colour={r.user.colour}
      ids={r.selection ?? none}
    />
  ));
});
