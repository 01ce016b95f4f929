import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/shared/journey/model';
import { simulate } from '../../../../src/shared/simulator';
import { contact, DAY, edge, email, line, node, options, START, trialEntry } from './fixtures';

/** One journey with every node kind, including a Note that is not part of the flow. */
function everyKind(): Journey {
  return {
    nodes: [
      trialEntry(),
      node('welcome', 'email', {
        label: 'Welcome',
        subject: 'Welcome, {{ first_name | "there" }}!',
        preheader: 'Hi {{ first_name }} from {{ company.name }}',
        senderName: 'Maily',
        senderEmail: 'hi@maily.test',
      }),
      node('wait1', 'delay', { wait: { mode: 'fixed', amount: 1, unit: 'days' } }),
      node('opened', 'waitUntil', { event: 'purchase', timeoutAmount: 3, timeoutUnit: 'days' }),
      node('tag', 'updateProfile', { operation: 'addTag', attribute: '', value: 'engaged' }),
      node('isVip', 'condition', { attribute: 'tags', operator: 'contains', value: 'engaged' }),
      node('ab', 'abSplit'),
      node('cohort', 'randomCohort'),
      node('nudge', 'email', { subject: 'Still there?', senderName: 'Maily', senderEmail: 'hi@maily.test' }),
      node('goal', 'goal', { label: 'Bought', type: 'goal', event: 'purchase' }),
      node('exit', 'goal', { label: 'Gave up', type: 'exit' }),
      node('note', 'note', { text: 'Remember the spring sale' }),
    ],
    edges: [
      edge('entry', 'out', 'welcome'),
      edge('welcome', 'out', 'wait1'),
      edge('wait1', 'out', 'opened'),
      edge('opened', 'event', 'tag'),
      edge('opened', 'timeout', 'nudge'),
      edge('nudge', 'out', 'exit'),
      edge('tag', 'out', 'isVip'),
      edge('isVip', 'yes', 'ab'),
      edge('isVip', 'no', 'exit'),
      ...['a', 'b', 'control'].map((handle) => edge('ab', handle, 'cohort')),
      ...['c1', 'c2'].map((handle) => edge('cohort', handle, 'goal')),
    ],
  };
}

describe('simulate: a journey with every node kind', () => {
  it('walks a buyer from the entry to the goal, explaining each step', () => {
    const buyer = contact({ events: [{ name: 'Purchase', at: START + 2 * DAY }] });
    const result = simulate(everyKind(), buyer, options());
    expect(result.outcome).toBe('goal');
    expect(result.path).toEqual(['entry', 'welcome', 'wait1', 'opened', 'tag', 'isVip', 'ab', 'cohort', 'goal']);
    expect(result.path).not.toContain('note');
    expect(result.steps.map((s) => s.port)).toEqual([
      'out',
      'out',
      'out',
      'event',
      'out',
      'yes',
      expect.any(String),
      expect.any(String),
      null,
    ]);
    expect(result.conversion).toEqual({ nodeId: 'goal', at: START + 2 * DAY, event: 'purchase' });
    expect(result.outcomeReason).toBe("Reached the goal “Bought” (conversion event 'purchase').");
    expect(result.steps[0].reason).toBe("in segment 'trial' (segments = 'trial')");
    expect(result.steps[3].reason).toMatch(
      /^'purchase' happened on 2026-03-04 08:00 UTC, within 3 days → Event happened$/,
    );
    expect(result.steps[4].reason).toBe("added 'engaged' to tags: 'engaged'");
    expect(result.steps[5].reason).toBe("tags = 'engaged' contains 'engaged' → Yes");
    expect(result.steps[6].reason).toMatch(/^random 0\.\d{4} (<|in) .* → (Variant A|Variant B|Control) \(seed 42\)$/);
    expect(result.attributes.tags).toBe('engaged');
    expect(result.edgeIds).toHaveLength(result.path.length - 1);
  });

  it('records each email with its personalised subject and what was missing', () => {
    const result = simulate(everyKind(), contact(), options());
    expect(result.emails).toEqual([
      {
        nodeId: 'welcome',
        name: '“Welcome”',
        at: START,
        subject: 'Welcome, Ada!',
        preheader: 'Hi Ada from ',
        senderName: 'Maily',
        senderEmail: 'hi@maily.test',
        missing: ['company.name'],
      },
      expect.objectContaining({ nodeId: 'nudge', at: START + 4 * DAY, subject: 'Still there?' }),
    ]);
    expect(result.steps[1].reason).toBe('sent “Welcome, Ada!” (no value for company.name)');
  });

  it('sends a contact who never buys down the time-out path to the exit', () => {
    const result = simulate(everyKind(), contact(), options());
    expect(result.outcome).toBe('exit');
    expect(result.path).toEqual(['entry', 'welcome', 'wait1', 'opened', 'nudge', 'exit']);
    expect(result.conversion).toBeNull();
    expect(result.outcomeReason).toBe('Left the journey at “Gave up”.');
    expect(result.steps.at(-1)).toMatchObject({ nodeId: 'exit', port: null, leftAt: START + 4 * DAY });
  });

  it('uses the fallback when the contact lacks the attribute, and the name when attributes lack it', () => {
    const j = line([node('m', 'email', { subject: '{{ first_name | "friend" }} / {{ name }}' })]);
    const result = simulate(j, contact({ attributes: { segments: 'trial' } }), options());
    expect(result.emails[0].subject).toBe('friend / Ada');
    expect(result.emails[0].missing).toEqual([]);
  });
});

describe('simulate: how a run ends', () => {
  it('stops at a dead end and names the unconnected output', () => {
    const j: Journey = {
      nodes: [
        trialEntry(),
        node('cond', 'condition', { label: 'Is pro', attribute: 'plan', operator: 'equals', value: 'pro' }),
      ],
      edges: [edge('entry', 'out', 'cond')],
    };
    const result = simulate(j, contact(), options());
    expect(result.outcome).toBe('deadEnd');
    expect(result.outcomeReason).toBe(
      'The “No” output of “Is pro” is not connected, so the contact stopped there; connect it to a next step.',
    );
    expect(result.steps.at(-1)).toMatchObject({ nodeId: 'cond', port: 'no' });
  });

  it('treats an edge to a missing node as no connection', () => {
    const j: Journey = { nodes: [trialEntry()], edges: [edge('entry', 'out', 'gone')] };
    const result = simulate(j, contact(), options());
    expect(result.outcome).toBe('deadEnd');
    expect(result.outcomeReason).toMatch(/“Next” output of “Entry” is not connected/);
  });

  it('does not enter a contact outside the segment, and says why', () => {
    const result = simulate(line([email('m')]), contact({ attributes: { segments: 'newsletter, vip' } }), options());
    expect(result).toMatchObject({ outcome: 'notEntered', steps: [], emails: [], path: [] });
    expect(result.outcomeReason).toBe(
      "No Entry let the contact in: “Entry”: not in segment 'trial' (segments = 'newsletter, vip').",
    );
  });

  it('says when the journey has no entry at all', () => {
    const result = simulate({ nodes: [email('m')], edges: [] }, contact(), options());
    expect(result.outcome).toBe('notEntered');
    expect(result.outcomeReason).toBe('The journey has no Entry, so no contact can start it.');
  });

  it('stops as invalid at a step whose data is damaged, naming it', () => {
    const damaged = {
      ...node('d', 'delay', { label: 'Pause' }),
      data: { label: 'Pause', wait: { mode: 'fortnight' } },
    };
    const result = simulate(line([email('m'), damaged]), contact(), options());
    expect(result.outcome).toBe('invalid');
    expect(result.outcomeReason).toMatch(/^“Pause” is damaged \(wait\.mode: .+\); fix it in the inspector\.$/);
    expect(result.path).toEqual(['entry', 'm', 'd']);
  });

  it('stops as invalid on a node the reader flagged as damaged', () => {
    const flagged = { ...email('m'), problem: 'subject: Expected string' };
    const result = simulate(line([flagged]), contact(), options());
    expect(result.outcome).toBe('invalid');
    expect(result.outcomeReason).toBe('“Email” is damaged (subject: Expected string); fix it in the inspector.');
  });

  it('is invalid when every entry is damaged', () => {
    const broken = { ...trialEntry(), data: { label: 'Entry', trigger: { type: 'moon' } } };
    const result = simulate({ nodes: [broken], edges: [] }, contact(), options());
    expect(result.outcome).toBe('invalid');
    expect(result.outcomeReason).toMatch(/^No Entry let the contact in: “Entry” is damaged \(trigger/);
  });

  it('refuses an invalid start date with a clear reason', () => {
    const result = simulate(line([email('m')]), contact(), { seed: 1, start: new Date('nope') });
    expect(result.outcome).toBe('invalid');
    expect(result.outcomeReason).toBe('The start of the simulation is not a valid date; pick a start date and time.');
  });

  it('stops as invalid at a Condition or Update profile with no attribute', () => {
    const cond = simulate(line([node('c', 'condition')]), contact(), options());
    expect(cond.outcomeReason).toBe('“Condition” names no attribute to check; choose one in the inspector.');
    const update = simulate(line([node('u', 'updateProfile')]), contact(), options());
    expect(update.outcome).toBe('invalid');
    expect(update.outcomeReason).toBe('“Update profile” names no attribute to change; choose one in the inspector.');
  });
});
