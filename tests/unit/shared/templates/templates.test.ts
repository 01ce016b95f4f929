import { describe, expect, it } from 'vitest';
import { readEmail } from '../../../../src/shared/email/emailDoc';
import { validateJourney } from '../../../../src/shared/journey/validate';
import { readJourney } from '../../../../src/shared/journey/ydoc';
import { simulate } from '../../../../src/shared/simulator';
import { buildTemplate, templateIds } from '../../../../src/shared/templates';

describe('starter templates', () => {
  it.each(templateIds)('%s is a valid journey with a body in every email', (id) => {
    const doc = buildTemplate(id);
    const journey = readJourney(doc);
    expect(validateJourney(journey)).toEqual([]);
    const emails = journey.nodes.filter((n) => n.kind === 'email');
    expect(emails.length).toBeGreaterThanOrEqual(2);
    for (const node of emails) {
      const content = readEmail(doc, node.id);
      expect(content.problems ?? []).toEqual([]);
      expect(content.blocks.length).toBeGreaterThan(0);
    }
  });

  it('walks a contact through the welcome series', () => {
    const journey = readJourney(buildTemplate('welcome'));
    const start = Date.UTC(2027, 0, 4, 9);
    const result = simulate(
      journey,
      {
        id: 'c1',
        name: 'Ada',
        attributes: { first_name: 'Ada', activated: false },
        events: [{ name: 'signed_up', at: start }],
      },
      { seed: 1, start },
    );
    expect(result.emails.map((e) => e.subject)).toEqual([
      'Welcome to Maily, Ada!',
      'Ada, a few tips to get more from Maily',
      'How is it going, Ada?',
    ]);
    expect(result.outcome).toBe('exit');
  });
});
