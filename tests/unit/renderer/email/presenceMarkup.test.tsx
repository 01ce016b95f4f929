import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMemoryPresenceRoom } from '../../../../src/shared/collab/memoryPresence';
import { BlockPresence, EmailPresence } from '../../../../src/renderer/features/email/presence/EmailPresence';

function room() {
  const r = createMemoryPresenceRoom();
  const me = r.join({ name: 'Me', colour: '#000000' });
  const alex = r.join({ name: 'Alex Martin', colour: '#d9480f' }, { email: { emailId: 'e1', blockId: 'b1' } });
  r.join({ name: 'Sam', colour: '#1971c2' }, { email: { emailId: 'e2', blockId: null } });
  return { me, alex };
}

describe('teammates in the email editor', () => {
  it('shows a chip per teammate in this email, named for assistive technology', () => {
    const { me, alex } = room();
    const html = renderToStaticMarkup(<EmailPresence presence={me} emailId="e1" />);
    expect(html).toContain('aria-label="Also here: Alex Martin"');
    expect(html).toContain(`data-presence-email="${alex.clientId}"`);
    expect(html).toContain('aria-label="Alex Martin"');
    expect(html).toContain('>AM</span>');
    expect(html).not.toContain('Sam');
    expect(html).toContain('data-presence-blocks');
    expect(html).toContain('.ee-outline__row[data-block-id="b1"]');
  });

  it('shows nothing when nobody else is in this email', () => {
    const { me } = room();
    expect(renderToStaticMarkup(<EmailPresence presence={me} emailId="e3" />)).toBe('');
  });

  it('says who else is in the selected block', () => {
    const { me } = room();
    expect(renderToStaticMarkup(<BlockPresence presence={me} emailId="e1" blockId="b1" />)).toContain(
      'Alex Martin is also in this block',
    );
    expect(renderToStaticMarkup(<BlockPresence presence={me} emailId="e1" blockId="b2" />)).toBe('');
  });
});
