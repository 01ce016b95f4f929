import type { SimulationStep } from './types';
import { DAY, HOUR, MINUTE } from './zonedTime';

/**
 * Why a walk hit the step limit, in words a designer can act on. The usual cause is a
 * loop: either one with no Delay or Wait-until (the contact spins through it without the
 * clock moving) or one whose delay is short enough to repeat many times before the
 * horizon.
 */
export function stepLimitReason(steps: readonly SimulationStep[], maxSteps: number): string {
  const last = steps[steps.length - 1];
  if (!last) return `Stopped after ${maxSteps} steps.`;
  const loop = loopOf(steps);
  const names = loop.names.slice(0, 3).join(', ') + (loop.names.length > 3 ? ` and ${loop.names.length - 3} more` : '');
  const stamp = last.leftAt ?? last.enteredAt;
  const still = steps.filter((step) => (step.leftAt ?? step.enteredAt) === stamp);
  const repeatsWithoutTime = new Set(still.map((s) => s.nodeId)).size < still.length;
  if (repeatsWithoutTime) {
    return `Stopped after ${maxSteps} steps: the contact went round the loop through ${names} without any time passing: nothing in the loop holds the contact (no Delay or Wait until, or only a Delay whose date has passed). Add a Delay to the loop or give it a way out.`;
  }
  if (loop.names.length > 0) {
    return `Stopped after ${maxSteps} steps: the contact was still going round the loop through ${names} (one round takes ${duration(loop.period)}). Lengthen the delay, give the loop a way out, or raise the step limit.`;
  }
  return `Stopped after ${maxSteps} steps; raise the step limit to follow the journey further.`;
}

/** The steps of the last repeating round: from the previous visit of the last node on. */
function loopOf(steps: readonly SimulationStep[]): { names: string[]; period: number } {
  const last = steps[steps.length - 1];
  for (let i = steps.length - 2; i >= 0; i--) {
    if (steps[i].nodeId !== last.nodeId) continue;
    const round = steps.slice(i + 1);
    const names = [...new Set(round.map((s) => s.name))];
    return { names, period: last.enteredAt - steps[i].enteredAt };
  }
  return { names: [], period: 0 };
}

function duration(ms: number): string {
  const units: [number, string][] = [
    [DAY, 'day'],
    [HOUR, 'hour'],
    [MINUTE, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size) {
      const n = Math.round((ms / size) * 10) / 10;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return 'no time';
}
