import type { CleanContact } from './contact';
import type { AttributeValue, SimulatedConversion, SimulatedEmail } from './types';

/** What one contact's walk carries from step to step. */
export interface RunState {
  contact: CleanContact;
  /** A copy of the attributes; Update profile steps change it, later steps see the change. */
  profile: Map<string, AttributeValue>;
  /** The zone local times are read in: the contact's, else UTC. */
  timezone: string;
  seed: number;
  /** The simulated clock, in milliseconds since the epoch. */
  now: number;
  /** How many times each split has been passed, so a loop draws afresh each round. */
  visits: Map<string, number>;
  /** The profile as personalisation data; rebuilt after an Update profile step. */
  personal: Record<string, unknown> | null;
  emails: SimulatedEmail[];
  conversion: SimulatedConversion | null;
}

/**
 * What a step did: left by `port` at `leaveAt`, or stopped the run. `pending` is the
 * reason to show instead when `leaveAt` falls past the horizon (the wait never ended).
 */
export type StepResult =
  | { port: string; leaveAt: number; reason: string; pending?: string }
  | { stop: 'goal' | 'exit' | 'invalid'; reason: string };
