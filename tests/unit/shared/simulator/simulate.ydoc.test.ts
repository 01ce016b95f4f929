import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateJourney } from '../../../../src/shared/journey';
import { addEdge, addNode, readJourney } from '../../../../src/shared/journey/ydoc';
import { simulateMany } from '../../../../src/shared/simulator';
import { contact, options } from './fixtures';

describe('simulate a journey read from a Y.Doc', () => {
  it('takes two contacts with different attributes down two different paths', () => {
    const doc = new Y.Doc();
    const at = { x: 0, y: 0 };
    const entry = addNode(doc, 'entry', at, {
      label: 'Trial',
      trigger: { type: 'segment', segment: 'trial', reentry: false },
    });
    const sender = { senderName: 'Maily', senderEmail: 'hi@maily.test', replyTo: '', preheader: '' };
    const hello = addNode(doc, 'email', at, { label: 'Hello', subject: 'Hi {{ first_name | "there" }}', ...sender });
    const isPro = addNode(doc, 'condition', at, { label: 'Pro?', attribute: 'plan', operator: 'equals', value: 'pro' });
    const upsell = addNode(doc, 'email', at, { label: 'Upsell', subject: 'Go pro, {{ first_name }}', ...sender });
    const done = addNode(doc, 'goal', at, { label: 'Done', type: 'goal', event: '' });
    const connect = (source: string, sourceHandle: string, target: string) =>
      expect(addEdge(doc, { source, sourceHandle, target, targetHandle: 'in' }).ok).toBe(true);
    connect(entry, 'out', hello);
    connect(hello, 'out', isPro);
    connect(isPro, 'yes', done);
    connect(isPro, 'no', upsell);
    connect(upsell, 'out', done);
    const journey = readJourney(doc);
    expect(validateJourney(journey)).toEqual([]);

    const [pro, free] = simulateMany(
      journey,
      [
        contact({ id: 'p', attributes: { segments: 'trial', plan: 'pro', first_name: 'Pia' } }),
        contact({ id: 'f', attributes: { segments: 'trial', plan: 'free' } }),
      ],
      options(),
    );
    expect(pro.path).toEqual([entry, hello, isPro, done]);
    expect(free.path).toEqual([entry, hello, isPro, upsell, done]);
    expect(pro.emails.map((e) => e.subject)).toEqual(['Hi Pia']);
    expect(free.emails.map((e) => e.subject)).toEqual(['Hi there', 'Go pro, ']);
    expect(free.emails[1].missing).toEqual(['first_name']);
  });
});
