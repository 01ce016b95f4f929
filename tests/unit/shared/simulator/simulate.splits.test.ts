import { describe, expect, it } from 'vitest';
import type { Journey, JourneyNode } from '../../../../src/shared/journey/model';
import { simulate, simulateMany, type AttributeValue, type SampleContact } from '../../../../src/shared/simulator';
import { contact, edge, node, options, trialEntry } from './fixtures';

/** entry → `split` with every listed output going to its own Goal named after the output. */
function splitJourney(split: JourneyNode, outputs: string[], before: JourneyNode[] = []): Journey {
  const chain = [trialEntry(), ...before, split];
  return {
    nodes: [...chain, ...outputs.map((port) => node(`to-${port}`, 'goal'))],
    edges: [
      ...chain.slice(0, -1).map((n, i) => edge(n.id, 'out', chain[i + 1].id)),
      ...outputs.map((port) => edge(split.id, port, `to-${port}`)),
    ],
  };
}

function decide(operator: string, value: string, attributes: Record<string, AttributeValue>, attribute = 'plan') {
  const cond = node('c', 'condition', { attribute, operator, value } as never);
  const result = simulate(
    splitJourney(cond, ['yes', 'no']),
    contact({ attributes: { segments: 'trial', ...attributes } }),
    options(),
  );
  return { port: result.steps[1].port, reason: result.steps[1].reason };
}

describe('Condition', () => {
  it('explains equals and notEquals, ignoring case for text', () => {
    expect(decide('equals', 'pro', { plan: 'pro' })).toEqual({
      port: 'yes',
      reason: "plan = 'pro' equals 'pro' → Yes",
    });
    expect(decide('equals', 'PRO', { plan: ' Pro ' }).port).toBe('yes');
    expect(decide('equals', 'pro', { plan: 'free' })).toEqual({
      port: 'no',
      reason: "plan = 'free' does not equal 'pro' → No",
    });
    expect(decide('notEquals', 'pro', { plan: 'free' }).port).toBe('yes');
    expect(decide('notEquals', 'pro', {})).toEqual({
      port: 'yes',
      reason: "plan is not set, so it does not equal 'pro' → Yes",
    });
    expect(decide('equals', 'pro', {})).toEqual({ port: 'no', reason: 'plan is not set → No' });
  });

  it('compares numbers numerically when both sides read as numbers', () => {
    expect(decide('equals', '42.0', { plan: 42 })).toEqual({
      port: 'yes',
      reason: "plan = 42 equals '42.0' (as numbers) → Yes",
    });
    expect(decide('greaterThan', '9', { plan: '10' })).toEqual({
      port: 'yes',
      reason: "plan = '10' is greater than '9' (as numbers) → Yes",
    });
    expect(decide('lessThan', '9', { plan: 10 }).reason).toBe("plan = 10 is not less than '9' (as numbers) → No");
  });

  it('compares dates, and says when values cannot be ordered', () => {
    expect(decide('greaterThan', '2026-01-01', { plan: '2026-02-01' }).reason).toBe(
      "plan = '2026-02-01' is greater than '2026-01-01' (as dates) → Yes",
    );
    expect(decide('greaterThan', '5', { plan: 'lots' })).toEqual({
      port: 'no',
      reason: "plan = 'lots' cannot be compared with '5': they are not both numbers or dates → No",
    });
    expect(decide('lessThan', '5', {}).port).toBe('no');
  });

  it('checks contains case-insensitively, and exists / notExists', () => {
    expect(decide('contains', 'VIP', { plan: 'beta, vip' }).reason).toBe("plan = 'beta, vip' contains 'VIP' → Yes");
    expect(decide('contains', 'gold', { plan: 'beta' }).port).toBe('no');
    expect(decide('exists', '', { plan: 'pro' })).toEqual({ port: 'yes', reason: "plan = 'pro', so it exists → Yes" });
    expect(decide('exists', '', { plan: '  ' }).port).toBe('no');
    expect(decide('exists', '', { plan: null }).port).toBe('no');
    expect(decide('notExists', '', {})).toEqual({ port: 'yes', reason: 'plan is not set → Yes' });
    expect(decide('equals', 'true', { plan: true }).port).toBe('yes');
  });
});

describe('Update profile, then a Condition', () => {
  const check = (attribute: string, operator: string, value: string) =>
    node('c', 'condition', { attribute, operator, value } as never);
  const update = (operation: string, attribute: string, value = '', id = 'u') =>
    node(id, 'updateProfile', { operation, attribute, value } as never);

  it('lets a later condition see a set value', () => {
    const j = splitJourney(check('plan', 'equals', 'pro'), ['yes', 'no'], [update('set', 'plan', 'pro')]);
    const result = simulate(j, contact({ attributes: { segments: 'trial', plan: 'free' } }), options());
    expect(result.steps[1].reason).toBe("set plan to 'pro' (was 'free')");
    expect(result.path.at(-1)).toBe('to-yes');
    expect(result.attributes.plan).toBe('pro');
  });

  it('increments numbers, starting from 0, and leaves text alone', () => {
    const j = splitJourney(
      check('score', 'greaterThan', '4'),
      ['yes', 'no'],
      [update('increment', 'score', '3', 'u1'), update('increment', 'score', '', 'u2')],
    );
    const fresh = simulate(j, contact(), options());
    expect(fresh.steps.slice(1, 3).map((s) => s.reason)).toEqual(['score: not set → 3 (+3)', 'score: 3 → 4 (+1)']);
    expect(fresh.path.at(-1)).toBe('to-no');
    const text = simulate(j, contact({ attributes: { segments: 'trial', score: 'high' } }), options());
    expect(text.steps[1].reason).toBe("score = 'high' is not a number, so it was left unchanged");
  });

  it('stops as invalid when the increment is not a number', () => {
    const result = simulate(
      splitJourney(check('s', 'exists', ''), ['yes', 'no'], [update('increment', 's', 'abc')]),
      contact(),
      options(),
    );
    expect(result.outcome).toBe('invalid');
    expect(result.outcomeReason).toBe(
      "“Update profile” increases s by 'abc', which is not a number; fix it in the inspector.",
    );
  });

  it('unsets an attribute, so exists turns No', () => {
    const j = splitJourney(check('plan', 'exists', ''), ['yes', 'no'], [update('unset', 'plan')]);
    const result = simulate(j, contact({ attributes: { segments: 'trial', plan: 'pro' } }), options());
    expect(result.path.at(-1)).toBe('to-no');
    expect(result.attributes).not.toHaveProperty('plan');
  });

  it('adds and removes tags on the tags list, or on a named list', () => {
    const j = splitJourney(
      check('tags', 'contains', 'vip'),
      ['yes', 'no'],
      [
        update('addTag', '', 'vip', 'u1'),
        update('addTag', '', 'VIP', 'u2'),
        update('removeTag', 'tags', 'beta', 'u3'),
        update('addTag', 'interests', 'shoes', 'u4'),
      ],
    );
    const result = simulate(j, contact({ attributes: { segments: 'trial', tags: 'beta, new' } }), options());
    expect(result.steps.slice(1, 5).map((s) => s.reason)).toEqual([
      "added 'vip' to tags: 'beta, new, vip'",
      "tags already has 'VIP'; nothing to change",
      "removed 'beta' from tags: 'new, vip'",
      "added 'shoes' to interests: 'shoes'",
    ]);
    expect(result.attributes).toMatchObject({ tags: 'new, vip', interests: 'shoes' });
    expect(result.path.at(-1)).toBe('to-yes');
  });

  it('does not change the contact it was given', () => {
    const who = contact({ attributes: { segments: 'trial', plan: 'free' } });
    simulate(splitJourney(check('plan', 'exists', ''), ['yes', 'no'], [update('set', 'plan', 'pro')]), who, options());
    expect(who.attributes.plan).toBe('free');
  });
});

function crowd(count: number): SampleContact[] {
  return Array.from({ length: count }, (_, i) => contact({ id: `contact-${i}`, name: `Contact ${i}` }));
}

function shares(journey: Journey, contacts: SampleContact[], seed: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of simulateMany(journey, contacts, options({ seed }))) {
    const port = result.steps[1].port!;
    counts[port] = (counts[port] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([port, n]) => [port, (100 * n) / contacts.length]));
}

describe('A/B experiment and random cohort', () => {
  const ab = node('ab', 'abSplit'); // Variant A 45 %, Variant B 45 %, Control 10 %
  const abJourney = splitJourney(ab, ['a', 'b', 'control']);

  it('splits 2,000 contacts close to the percentages', () => {
    const got = shares(abJourney, crowd(2000), 42);
    expect(got.a).toBeGreaterThan(40);
    expect(got.a).toBeLessThan(50);
    expect(got.b).toBeGreaterThan(40);
    expect(got.b).toBeLessThan(50);
    expect(got.control).toBeGreaterThan(5);
    expect(got.control).toBeLessThan(15);
  });

  it('splits random cohorts close to uneven percentages', () => {
    const cohorts = [
      { id: 'small', name: 'Small', percent: 20 },
      { id: 'large', name: 'Large', percent: 80 },
    ];
    const got = shares(splitJourney(node('r', 'randomCohort', { cohorts }), ['small', 'large']), crowd(2000), 7);
    expect(Math.abs(got.small - 20)).toBeLessThan(5);
    expect(Math.abs(got.large - 80)).toBeLessThan(5);
  });

  it('repeats every choice with the same seed, whatever the order of the contacts', () => {
    const contacts = crowd(200);
    const first = simulateMany(abJourney, contacts, options({ seed: 9 })).map((r) => r.path);
    const again = simulateMany(abJourney, contacts, options({ seed: 9 })).map((r) => r.path);
    const reversed = simulateMany(abJourney, [...contacts].reverse(), options({ seed: 9 })).map((r) => r.path);
    expect(again).toEqual(first);
    expect(reversed.reverse()).toEqual(first);
    expect(simulate(abJourney, contacts[5], options({ seed: 9 }))).toEqual(
      simulateMany(abJourney, contacts, options({ seed: 9 }))[5],
    );
  });

  it('makes different choices with a different seed', () => {
    const contacts = crowd(500);
    const a = simulateMany(abJourney, contacts, options({ seed: 1 }));
    const b = simulateMany(abJourney, contacts, options({ seed: 2 }));
    const changed = a.filter((run, i) => run.steps[1].port !== b[i].steps[1].port).length;
    // Two independent 45/45/10 draws differ with probability 1 − (0.45² + 0.45² + 0.1²) ≈ 58.5 %.
    expect(changed / contacts.length).toBeGreaterThan(0.45);
    expect(changed / contacts.length).toBeLessThan(0.72);
  });

  it('explains the draw with the range it fell in and the seed', () => {
    const reasons = simulateMany(abJourney, crowd(50), options({ seed: 42 })).map((r) => r.steps[1].reason);
    for (const reason of reasons) {
      const match =
        /^random (0\.\d{4}) (?:< (\d+) %|in (\d+)–(\d+) %) → (Variant A|Variant B|Control) \(seed 42\)$/.exec(reason);
      expect(match, reason).not.toBeNull();
      const r = Number(match![1]) * 100;
      const [low, high] = match![2] ? [0, Number(match![2])] : [Number(match![3]), Number(match![4])];
      expect(r >= low && r < high, reason).toBe(true);
    }
    expect(reasons.some((r) => r.includes('→ Variant A'))).toBe(true);
    expect(reasons.some((r) => r.includes('→ Variant B'))).toBe(true);
  });

  it('scales percentages that do not add up to 100 and says so; all zero is invalid', () => {
    const uneven = node('ab', 'abSplit', {
      variants: [
        { id: 'a', name: 'A', percent: 30 },
        { id: 'b', name: 'B', percent: 30 },
      ],
      controlPercent: 0,
    });
    const result = simulate(splitJourney(uneven, ['a', 'b', 'control']), contact(), options());
    expect(result.steps[1].reason).toMatch(/; the paths add up to 60 %, so each share is scaled\)$/);
    expect(result.steps[1].port).not.toBe('control');
    const zero = node('r', 'randomCohort', {
      cohorts: [
        { id: 'x', name: 'X', percent: 0 },
        { id: 'y', name: 'Y', percent: 0 },
      ],
    });
    const none = simulate(splitJourney(zero, ['x', 'y']), contact(), options());
    expect(none.outcome).toBe('invalid');
    expect(none.outcomeReason).toBe('“Random cohort” gives every path 0 %; give at least one path a share.');
  });

  it('never picks a path with 0 %', () => {
    const onlyB = node('ab', 'abSplit', {
      variants: [
        { id: 'a', name: 'A', percent: 0 },
        { id: 'b', name: 'B', percent: 100 },
      ],
      controlPercent: 0,
    });
    const ports = simulateMany(splitJourney(onlyB, ['a', 'b', 'control']), crowd(300), options()).map(
      (r) => r.steps[1].port,
    );
    expect(new Set(ports)).toEqual(new Set(['b']));
  });
});
