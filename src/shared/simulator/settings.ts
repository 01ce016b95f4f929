import type { SimulationOptions } from './types';
import { DAY } from './zonedTime';

/** Defaults and bounds of {@link SimulationOptions}. */
export const defaultHorizonDays = 90;
export const defaultMaxSteps = 500;
const maxHorizonDays = 3660;
const maxStepsCap = 100_000;

/** The options, checked and bounded. */
export interface Settings {
  seed: number;
  start: number;
  horizonEnd: number;
  horizonDays: number;
  maxSteps: number;
}

function bounded(value: unknown, fallback: number, low: number, high: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : fallback;
}

/** The settings for `options`; null when the start is not a usable date. */
export function settingsOf(options: SimulationOptions): Settings | null {
  const raw = (options ?? {}) as Partial<SimulationOptions>;
  const start = raw.start instanceof Date ? raw.start.getTime() : raw.start;
  if (typeof start !== 'number' || !Number.isFinite(start) || Math.abs(start) > 8e15) return null;
  const horizonDays = bounded(raw.horizonDays, defaultHorizonDays, 0, maxHorizonDays);
  return {
    seed: typeof raw.seed === 'number' && Number.isFinite(raw.seed) ? raw.seed : 0,
    start,
    horizonDays,
    horizonEnd: start + horizonDays * DAY,
    maxSteps: Math.floor(bounded(raw.maxSteps, defaultMaxSteps, 1, maxStepsCap)),
  };
}
