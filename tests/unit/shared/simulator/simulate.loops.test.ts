import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/shared/journey/model';
import { simulate } from '../../../../src/shared/simulator';
import { contact, DAY, edge, email, node, options, START, trialEntry } from './fixtures';

/** entry → mail → `hold` → back to mail: a journey that never ends by itself. */
function endlessLoop(wait?: Record<string, unknown>): Journey {
  const hold = wait
    ? node('hold', 'delay', { label: 'Pause', wait } as never)
    : node('hold', 'condition', { label: 'Always', attribute: 'segments', operator: 'exists', value: '' });
  const port = wait ? 'out' : 'yes';
  return {
    nodes: [trialEntry(), email('mail'), hold, node('goal', 'goal')],
    edges: [
      edge('entry', 'out', 'mail'),
      edge('mail', 'out', 'hold'),
      edge('hold', port, 'mail'),
      edge('hold', 'no', 'goal'),
    ],
  };
}

describe('loops', () => {
  it('stops a loop without a delay at the step limit and says what to fix', () => {
    const result = simulate(endlessLoop(), contact(), options());
    expect(result.outcome).toBe('stepLimit');
    expect(result.steps).toHaveLength(500);
    expect(result.edgeIds).toHaveLength(499);
    expect(result.steps.at(-1)!.enteredAt).toBe(START);
    expect(result.outcomeReason).toBe(
      'Stopped after 500 steps: the contact went round the loop through “Always”, “Email” without any time passing: nothing in the loop holds the contact (no Delay or Wait until, or only a Delay whose date has passed). Add a Delay to the loop or give it a way out.',
    );
  });

  it('runs a loop with a daily delay until the horizon', () => {
    const result = simulate(endlessLoop({ mode: 'fixed', amount: 1, unit: 'days' }), contact(), options());
    expect(result.outcome).toBe('horizon');
    expect(result.emails).toHaveLength(91); // day 0 to day 90 inclusive
    expect(result.emails.at(-1)!.at).toBe(START + 90 * DAY);
    expect(result.steps.at(-1)).toMatchObject({ nodeId: 'hold', leftAt: null });
  });

  it('stops a loop with a short delay at the step limit, giving the round time', () => {
    const result = simulate(endlessLoop({ mode: 'fixed', amount: 5, unit: 'minutes' }), contact(), options());
    expect(result.outcome).toBe('stepLimit');
    expect(result.outcomeReason).toBe(
      'Stopped after 500 steps: the contact was still going round the loop through “Pause”, “Email” (one round takes 5 minutes). Lengthen the delay, give the loop a way out, or raise the step limit.',
    );
  });

  it('waits a whole day each round of a loop through a local-time delay', () => {
    const result = simulate(
      endlessLoop({ mode: 'localTime', time: '09:00', fallbackTimezone: 'UTC' }),
      contact(),
      options({ horizonDays: 10 }),
    );
    expect(result.outcome).toBe('horizon');
    const days = result.emails.map((e) => (e.at - START) / DAY);
    // START is 08:00 UTC: the first 09:00 is an hour later, then one a day.
    expect(days.slice(0, 4)).toEqual([0, 1 / 24, 1 + 1 / 24, 2 + 1 / 24]);
  });

  it('runs a loop with a way out to its end', () => {
    const j: Journey = {
      nodes: [
        trialEntry(),
        node('count', 'updateProfile', { operation: 'increment', attribute: 'rounds', value: '1' }),
        node('again', 'condition', { attribute: 'rounds', operator: 'lessThan', value: '3' }),
        node('goal', 'goal'),
      ],
      edges: [
        edge('entry', 'out', 'count'),
        edge('count', 'out', 'again'),
        edge('again', 'yes', 'count'),
        edge('again', 'no', 'goal'),
      ],
    };
    const result = simulate(j, contact(), options());
    expect(result.outcome).toBe('goal');
    expect(result.path).toEqual(['entry', 'count', 'again', 'count', 'again', 'count', 'again', 'goal']);
    expect(result.attributes.rounds).toBe(3);
  });

  it('honours maxSteps and redraws a split on each pass', () => {
    const j: Journey = {
      nodes: [
        trialEntry(),
        node('ab', 'abSplit'),
        node('d', 'delay', { wait: { mode: 'fixed', amount: 1, unit: 'hours' } }),
      ],
      edges: [
        edge('entry', 'out', 'ab'),
        ...['a', 'b', 'control'].map((h) => edge('ab', h, 'd')),
        edge('d', 'out', 'ab'),
      ],
    };
    const result = simulate(j, contact(), options({ maxSteps: 41 }));
    expect(result.outcome).toBe('stepLimit');
    expect(result.steps).toHaveLength(41);
    const ports = result.steps.filter((s) => s.nodeId === 'ab').map((s) => s.port);
    expect(new Set(ports).size).toBeGreaterThan(1);
    expect(result.steps[3].reason).toMatch(/\(seed 42, pass 2\)$/);
  });
});
