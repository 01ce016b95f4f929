/**
 * The journey simulator: walks sample contacts through a journey on a simulated clock,
 * explaining every step. Pure and deterministic, so it runs anywhere (renderer, worker,
 * host) and a run can be repeated with its seed.
 */
export { simulate, simulateMany, defaultHorizonDays, defaultMaxSteps } from './simulate';
export { compareRuns, type DivergenceSide, type PathDivergence, type RunComparison } from './compare';
export { isTimeZone } from './zonedTime';
export type * from './types';
