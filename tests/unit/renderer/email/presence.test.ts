import { describe, expect, it } from 'vitest';
import type { RemotePresence } from '../../../../src/shared/collab/presence';
import {
  alsoHere,
  blockMarksStyle,
  emailPresence,
  initials,
  teammatesIn,
} from '../../../../src/renderer/features/email/presence/emailPresence';

const teammate = (clientId: number, name: string, email: RemotePresence['email']): RemotePresence => ({
  clientId,
  user: { name, colour: '#1971c2' },
  email,
});

describe('email presence', () => {
  it('publishes the email and the selected block, none on the message details', () => {
    expect(emailPresence('e1', 'b1')).toEqual({ emailId: 'e1', blockId: 'b1' });
    expect(emailPresence('e1', 'details')).toEqual({ emailId: 'e1', blockId: null });
  });

  it('publishes nothing presence would reject', () => {
    expect(emailPresence('e'.repeat(65), 'b1')).toBeNull();
    expect(emailPresence('e1', 'b'.repeat(65))).toEqual({ emailId: 'e1', blockId: null });
  });

  it('lists the teammates in this email only', () => {
    const remote = [
      teammate(1, 'Alex', { emailId: 'e1', blockId: null }),
      teammate(2, 'Sam', { emailId: 'e2', blockId: 'b' }),
      teammate(3, 'Kim', null),
      { clientId: 4, user: { name: 'Lee', colour: '#000000' } },
    ];
    expect(teammatesIn(remote, 'e1').map((t) => t.user.name)).toEqual(['Alex']);
  });

  it('shows initials and says who is here', () => {
    expect(initials('Alex Martin')).toBe('AM');
    expect(initials('  sam  ')).toBe('S');
    expect(initials('Anna Maria de la Cruz')).toBe('AC');
    expect(initials('élodie')).toBe('É');
    expect(initials('   ')).toBe('?');
    expect(alsoHere(['Alex'])).toBe('Also here: Alex');
    expect(alsoHere(['Alex', 'Sam', 'Kim'])).toBe('Also here: Alex, Sam and Kim');
  });

  it('marks each teammate’s block in the outline, escaping what they sent', () => {
    const css = blockMarksStyle([
      teammate(1, 'Alex', { emailId: 'e1', blockId: 'b1' }),
      teammate(2, '"}</style>', { emailId: 'e1', blockId: '"]{}' }),
      teammate(3, 'Kim', { emailId: 'e1', blockId: null }),
    ]);
    expect(css).toContain('.ee-outline__row[data-block-id="b1"]');
    expect(css).toContain('.ee-outline__row[data-block-id="\\22 \\5d \\7b \\7d "]::after');
    expect(css).toContain('content: "\\22 \\7d \\3c \\2f style\\3e "');
    expect(css).not.toContain('</style>');
    expect(css.match(/\{/g)).toHaveLength(4);
    expect(blockMarksStyle([teammate(3, 'Kim', { emailId: 'e1', blockId: null })])).toBe('');
  });
});
