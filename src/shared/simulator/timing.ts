import type { NodeDataOf } from '../journey/kinds';
import { sameName } from './contact';
import type { PreparedNode } from './prepare';
import type { RunState, StepResult } from './state';
import {
  addLocalDays,
  formatLocal,
  HOUR,
  isTimeZone,
  MINUTE,
  nextLocalTime,
  parseIsoDate,
  parseTimeOfDay,
  zonedToUtc,
} from './zonedTime';

/**
 * Delay and Wait-until. Minutes and hours are exact durations; days and weeks are
 * calendar days in the contact's zone, so "1 day" after 09:00 is 09:00 the next day
 * even across a daylight-saving change.
 */

type Unit = 'minutes' | 'hours' | 'days' | 'weeks';

/** `now` plus `amount` `unit`s, in `timeZone`. */
export function addDuration(now: number, amount: number, unit: Unit, timeZone: string): number {
  if (unit === 'minutes') return now + amount * MINUTE;
  if (unit === 'hours') return now + amount * HOUR;
  return addLocalDays(now, unit === 'weeks' ? amount * 7 : amount, timeZone);
}

function plural(amount: number, unit: Unit): string {
  return amount === 1 ? `1 ${unit.slice(0, -1)}` : `${amount} ${unit}`;
}

/** A Delay: fixed, until a date and time, or until the next local time of day. */
export function runDelay(data: NodeDataOf<'delay'>, state: RunState): StepResult {
  const { wait } = data;
  const zone = state.timezone;
  if (wait.mode === 'fixed') {
    const leaveAt = addDuration(state.now, wait.amount, wait.unit, zone);
    const span = `${plural(wait.amount, wait.unit)}, until ${formatLocal(leaveAt, zone)}`;
    return { port: 'out', leaveAt, reason: `waited ${span}`, pending: `would wait ${span}` };
  }
  if (wait.mode === 'until') {
    const date = parseIsoDate(wait.date)!;
    const time = parseTimeOfDay(wait.time)!;
    const target = zonedToUtc(date.year, date.month, date.day, time.hour, time.minute, zone);
    const when = formatLocal(target, zone);
    if (target <= state.now)
      return { port: 'out', leaveAt: state.now, reason: `${when} had already passed; went on at once` };
    return { port: 'out', leaveAt: target, reason: `waited until ${when}`, pending: `would wait until ${when}` };
  }
  const { zone: local, note } = localZone(state, wait.fallbackTimezone);
  const time = parseTimeOfDay(wait.time)!;
  const leaveAt = nextLocalTime(state.now, time.hour, time.minute, local);
  const when = `${formatLocal(leaveAt, local)} (next ${wait.time} ${note})`;
  return { port: 'out', leaveAt, reason: `waited until ${when}`, pending: `would wait until ${when}` };
}

/** The zone for a local-time delay: the contact's, else the delay's fallback, else UTC. */
function localZone(state: RunState, fallback: string): { zone: string; note: string } {
  const { timezone, badTimezone } = state.contact;
  if (timezone) return { zone: timezone, note: "in the contact's time zone" };
  const why = badTimezone ? `the contact's time zone '${badTimezone}' is unknown` : 'the contact has no time zone';
  if (isTimeZone(fallback.trim())) return { zone: fallback.trim(), note: `in the fallback time zone; ${why}` };
  return { zone: 'UTC', note: `in UTC; ${why} and the fallback '${fallback}' is not a time zone` };
}

/**
 * A Wait-until: leaves by `event` at the first event of that name strictly after the
 * contact arrived and no later than the time-out (one at the very moment of the time-out
 * still counts), else by `timeout` at the time-out.
 */
export function runWaitUntil(node: PreparedNode, data: NodeDataOf<'waitUntil'>, state: RunState): StepResult {
  const zone = state.timezone;
  const deadline = addDuration(state.now, data.timeoutAmount, data.timeoutUnit, zone);
  const span = plural(data.timeoutAmount, data.timeoutUnit);
  const name = data.event.trim();
  if (!name) {
    const reason = `${node.name} names no event to wait for, so it timed out after ${span}, on ${formatLocal(deadline, zone)} → Timed out`;
    return { port: 'timeout', leaveAt: deadline, reason, pending: `would time out on ${formatLocal(deadline, zone)}` };
  }
  const pending = `would wait for '${name}' until ${formatLocal(deadline, zone)}`;
  const event = state.contact.events.find((e) => e.at > state.now && e.at <= deadline && sameName(e.name, name));
  if (event) {
    const reason = `'${name}' happened on ${formatLocal(event.at, zone)}, within ${span} → Event happened`;
    return { port: 'event', leaveAt: event.at, reason, pending };
  }
  const reason = `no '${name}' within ${span}; timed out on ${formatLocal(deadline, zone)} → Timed out`;
  return { port: 'timeout', leaveAt: deadline, reason, pending };
}
