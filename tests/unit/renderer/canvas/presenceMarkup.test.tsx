import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMemoryPresenceRoom } from '../../../../src/shared/collab/memoryPresence';
import { RemoteSelections } from '../../../../src/renderer/features/canvas/presence/RemoteSelections';

describe("teammates' selections on the canvas", () => {
  it('renders one style element per teammate with a selection', () => {
    const room = createMemoryPresenceRoom();
    const me = room.join({ name: 'Me', colour: '#000000' });
    const alex = room.join({ name: 'Alex', colour: '#d9480f' }, { selection: ['n1', 'n2'] });
    room.join({ name: 'Sam', colour: '#1971c2' }, { selection: [] });
    const html = renderToStaticMarkup(<RemoteSelections presence={me} />);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).toContain(`data-presence-selection="${alex.clientId}"`);
    expect(html).toContain('data-presence-name="Alex"');
    expect(html).toContain('[data-id="n2"]');
  });
});
