import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/shared/journey/model';
import { simulate, type SimulationResult } from '../../../../src/shared/simulator';
import { contact, DAY, edge, HOUR, line, node, options, START } from './fixtures';

const delay = (wait: Record<string, unknown>, id = 'd') => node(id, 'delay', { wait } as never);
const at = (iso: string) => Date.parse(iso);

function delayStep(result: SimulationResult) {
  return result.steps.find((s) => s.nodeId === 'd')!;
}

describe('Delay: fixed', () => {
  it('holds minutes and hours as exact durations', () => {
    const minutes = simulate(line([delay({ mode: 'fixed', amount: 90, unit: 'minutes' })]), contact(), options());
    expect(delayStep(minutes)).toMatchObject({ enteredAt: START, leftAt: START + 1.5 * HOUR, port: 'out' });
    expect(delayStep(minutes).reason).toBe('waited 90 minutes, until 2026-03-02 09:30 UTC');
    const hours = simulate(line([delay({ mode: 'fixed', amount: 1, unit: 'hours' })]), contact(), options());
    expect(delayStep(hours).leftAt).toBe(START + HOUR);
  });

  it('counts days as calendar days in the contact’s zone, keeping the time across a DST change', () => {
    const paris = contact({ timezone: 'Europe/Paris' });
    const start = at('2026-03-28T08:00:00Z'); // Saturday 09:00 CET; clocks go forward that night
    const result = simulate(line([delay({ mode: 'fixed', amount: 1, unit: 'days' })]), paris, options({ start }));
    expect(delayStep(result).leftAt).toBe(at('2026-03-29T07:00:00Z'));
    expect(delayStep(result).leftAt! - start).toBe(23 * HOUR);
    expect(delayStep(result).reason).toBe('waited 1 day, until 2026-03-29 09:00 Europe/Paris');
  });

  it('counts weeks as seven calendar days', () => {
    const result = simulate(line([delay({ mode: 'fixed', amount: 2, unit: 'weeks' })]), contact(), options());
    expect(delayStep(result).leftAt).toBe(START + 14 * DAY);
  });
});

describe('Delay: until a date', () => {
  const until = delay({ mode: 'until', date: '2026-03-05', time: '09:00' });

  it('waits until the date and time in the contact’s zone', () => {
    const result = simulate(line([until]), contact({ timezone: 'Europe/Paris' }), options());
    expect(delayStep(result).leftAt).toBe(at('2026-03-05T08:00:00Z'));
    expect(delayStep(result).reason).toBe('waited until 2026-03-05 09:00 Europe/Paris');
  });

  it('reads the date in UTC for a contact without a zone', () => {
    const result = simulate(line([until]), contact(), options());
    expect(delayStep(result).leftAt).toBe(at('2026-03-05T09:00:00Z'));
  });

  it('goes straight on when the date has passed', () => {
    const result = simulate(line([until]), contact(), options({ start: at('2026-04-01T00:00:00Z') }));
    expect(delayStep(result).leftAt).toBe(at('2026-04-01T00:00:00Z'));
    expect(delayStep(result).reason).toBe('2026-03-05 09:00 UTC had already passed; went on at once');
  });
});

describe('Delay: local time', () => {
  const nine = (fallbackTimezone = 'UTC') => delay({ mode: 'localTime', time: '09:00', fallbackTimezone });

  it('waits for the next 09:00 in each contact’s own zone', () => {
    // START is 08:00 UTC: 03:00 in New York, 17:00 in Tokyo, 09:00 in Paris.
    const ny = simulate(line([nine()]), contact({ timezone: 'America/New_York' }), options());
    expect(delayStep(ny).leftAt).toBe(at('2026-03-02T14:00:00Z'));
    expect(delayStep(ny).reason).toBe(
      "waited until 2026-03-02 09:00 America/New_York (next 09:00 in the contact's time zone)",
    );
    const tokyo = simulate(line([nine()]), contact({ timezone: 'Asia/Tokyo' }), options());
    expect(delayStep(tokyo).leftAt).toBe(at('2026-03-03T00:00:00Z'));
    // Exactly 09:00 already: the next 09:00 is tomorrow, so a loop through it waits a day.
    const paris = simulate(line([nine()]), contact({ timezone: 'Europe/Paris' }), options());
    expect(delayStep(paris).leftAt).toBe(at('2026-03-03T08:00:00Z'));
  });

  it('follows the DST change: 09:00 the morning clocks went forward', () => {
    const start = at('2026-03-07T15:00:00Z'); // Saturday 10:00 EST; EDT from Sunday 02:00
    const result = simulate(line([nine()]), contact({ timezone: 'America/New_York' }), options({ start }));
    expect(delayStep(result).leftAt).toBe(at('2026-03-08T13:00:00Z'));
  });

  it('moves a time in the skipped hour to just after it', () => {
    const skipped = delay({ mode: 'localTime', time: '02:30', fallbackTimezone: 'UTC' });
    const start = at('2026-03-28T12:00:00Z');
    const result = simulate(line([skipped]), contact({ timezone: 'Europe/Paris' }), options({ start }));
    expect(delayStep(result).leftAt).toBe(at('2026-03-29T01:30:00Z')); // 03:30 CEST
  });

  it('uses the delay’s fallback zone for a contact without one, and says so', () => {
    const result = simulate(line([nine('America/New_York')]), contact(), options());
    expect(delayStep(result).leftAt).toBe(at('2026-03-02T14:00:00Z'));
    expect(delayStep(result).reason).toMatch(/in the fallback time zone; the contact has no time zone\)$/);
  });

  it('names an unknown contact zone and an unusable fallback, then uses UTC', () => {
    const bad = contact({ timezone: 'Mars/Olympus' });
    const withFallback = simulate(line([nine('Asia/Tokyo')]), bad, options());
    expect(delayStep(withFallback).reason).toMatch(/the contact's time zone 'Mars\/Olympus' is unknown/);
    expect(delayStep(withFallback).leftAt).toBe(at('2026-03-03T00:00:00Z'));
    const noFallback = simulate(line([nine('Nowhere')]), bad, options());
    expect(delayStep(noFallback).leftAt).toBe(at('2026-03-02T09:00:00Z'));
    expect(delayStep(noFallback).reason).toMatch(/in UTC; .* and the fallback 'Nowhere' is not a time zone\)$/);
  });
});

describe('Wait until', () => {
  function waitJourney(): Journey {
    return {
      nodes: [
        ...line([]).nodes.slice(0, 1),
        node('w', 'waitUntil', { event: 'purchase', timeoutAmount: 3, timeoutUnit: 'days' }),
        node('goal', 'goal'),
        node('exit', 'goal', { type: 'exit' }),
      ],
      edges: [edge('entry', 'out', 'w'), edge('w', 'event', 'goal'), edge('w', 'timeout', 'exit')],
    };
  }
  const run = (events: { name: string; at: number }[]) => simulate(waitJourney(), contact({ events }), options());

  it('takes the event path at the time of the event', () => {
    const result = run([{ name: 'purchase', at: START + 5 * HOUR }]);
    expect(result.outcome).toBe('goal');
    expect(result.steps[1]).toMatchObject({ port: 'event', leftAt: START + 5 * HOUR });
  });

  it('times out when the event never comes, or comes too late', () => {
    for (const events of [[], [{ name: 'purchase', at: START + 3 * DAY + 1 }]]) {
      const result = run(events);
      expect(result.outcome).toBe('exit');
      expect(result.steps[1]).toMatchObject({ port: 'timeout', leftAt: START + 3 * DAY });
      expect(result.steps[1].reason).toBe("no 'purchase' within 3 days; timed out on 2026-03-05 08:00 UTC → Timed out");
    }
  });

  it('ignores events from before the contact arrived, and counts one at the very time-out', () => {
    expect(run([{ name: 'purchase', at: START - DAY }]).outcome).toBe('exit');
    expect(run([{ name: 'purchase', at: START }]).outcome).toBe('exit');
    expect(run([{ name: 'purchase', at: START + 3 * DAY }]).outcome).toBe('goal');
  });

  it('matches event names ignoring case and spaces', () => {
    expect(run([{ name: ' Purchase ', at: START + HOUR }]).outcome).toBe('goal');
  });
});

describe('the horizon', () => {
  it('stops a contact still waiting when the clock passes the horizon', () => {
    const j = line([delay({ mode: 'fixed', amount: 100, unit: 'days' })]);
    const result = simulate(j, contact(), options());
    expect(result.outcome).toBe('horizon');
    expect(delayStep(result)).toMatchObject({ leftAt: null, port: null });
    expect(delayStep(result).reason).toBe('would wait 100 days, until 2026-06-10 08:00 UTC');
    expect(result.outcomeReason).toBe(
      'The simulation ended on 2026-05-31 08:00 UTC (90 days after the start) while the contact was still at “Delay”.',
    );
  });

  it('can be lengthened', () => {
    const j = line([delay({ mode: 'fixed', amount: 100, unit: 'days' })]);
    expect(simulate(j, contact(), options({ horizonDays: 120 })).outcome).toBe('goal');
  });
});

describe('entry triggers', () => {
  it('enters on an event at the time of the first one after the start', () => {
    const entry = node('entry', 'entry', { trigger: { type: 'event', event: 'signup', filter: 'plan = pro' } });
    const j: Journey = { nodes: [entry, node('goal', 'goal')], edges: [edge('entry', 'out', 'goal')] };
    const events = [
      { name: 'signup', at: START - DAY },
      { name: 'signup', at: START + 2 * HOUR },
    ];
    const result = simulate(j, contact({ events }), options());
    expect(result.steps[0]).toMatchObject({ enteredAt: START + 2 * HOUR });
    expect(result.steps[0].reason).toBe(
      "did 'signup' on 2026-03-02 10:00 UTC (its filter 'plan = pro' is not simulated)",
    );
    const before = simulate(j, contact({ events: events.slice(0, 1) }), options());
    expect(before.outcomeReason).toMatch(/'signup' happened only before the simulation start/);
    expect(simulate(j, contact(), options()).outcomeReason).toMatch(/the contact has no 'signup' event/);
  });

  it('enters on a yearly date at the next anniversary plus the offset, at the set time in the contact’s zone', () => {
    const trigger = { type: 'date', attribute: 'birthday', offsetDays: -1, time: '10:00', yearly: true };
    const j: Journey = {
      nodes: [node('entry', 'entry', { trigger } as never), node('goal', 'goal')],
      edges: [edge('entry', 'out', 'goal')],
    };
    const who = contact({ timezone: 'Europe/Paris', attributes: { birthday: '1990-03-20' } });
    const result = simulate(j, who, options());
    expect(result.steps[0].enteredAt).toBe(at('2026-03-19T09:00:00Z'));
    expect(result.steps[0].reason).toBe("birthday = '1990-03-20' − 1 day, yearly → 2026-03-19 10:00 Europe/Paris");
    const past = simulate(j, contact({ attributes: { birthday: '1990-01-10' } }), options());
    expect(past.outcomeReason).toMatch(/falls on 2027-01-09 10:00 UTC, after the end of the simulation/);
    const notADate = simulate(j, contact({ attributes: { birthday: 'soon' } }), options());
    expect(notADate.outcomeReason).toMatch(/birthday = 'soon' is not a date/);
  });

  it('enters a one-off date only when it lies ahead', () => {
    const trigger = { type: 'date', attribute: 'trial_end', offsetDays: 0, time: '09:00', yearly: false };
    const j: Journey = {
      nodes: [node('entry', 'entry', { trigger } as never), node('goal', 'goal')],
      edges: [edge('entry', 'out', 'goal')],
    };
    const ahead = simulate(j, contact({ attributes: { trial_end: '2026-03-10' } }), options());
    expect(ahead.steps[0].enteredAt).toBe(at('2026-03-10T09:00:00Z'));
    const behind = simulate(j, contact({ attributes: { trial_end: '2026-03-01' } }), options());
    expect(behind.outcome).toBe('notEntered');
    expect(behind.outcomeReason).toMatch(/fell on 2026-03-01 09:00 UTC, before the start/);
  });

  it('takes the entry with the earliest entry time when several match', () => {
    const onEvent = node('e2', 'entry', { trigger: { type: 'event', event: 'signup', filter: '' } });
    const j: Journey = {
      nodes: [onEvent, line([]).nodes[0], node('goal', 'goal')],
      edges: [edge('e2', 'out', 'goal'), edge('entry', 'out', 'goal')],
    };
    const events = [{ name: 'signup', at: START + HOUR }];
    expect(simulate(j, contact({ events }), options()).path[0]).toBe('entry');
    expect(simulate(j, contact({ events, attributes: {} }), options()).path[0]).toBe('e2');
  });
});
