import type { NodeKind } from '../journey/kinds';

/** A profile attribute value. Lists (`segments`, `tags`) are comma-separated strings. */
export type AttributeValue = string | number | boolean | null;

/** Something the contact did, e.g. `{ name: 'purchase', at: Date.parse('2026-03-02T10:00Z') }`. */
export interface ContactEvent {
  name: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** The contact a designer walks through the journey. */
export interface SampleContact {
  id: string;
  name: string;
  attributes: Record<string, AttributeValue>;
  /** IANA time zone, e.g. `Europe/Paris`. Defaults to `UTC`. */
  timezone?: string;
  /** The contact's timeline; order does not matter. */
  events: ContactEvent[];
}

export interface SimulationOptions {
  /** Seeds the A/B and random-cohort draws; the same seed gives the same run. */
  seed: number;
  /** When the simulated clock starts (a segment entry enters here). */
  start: Date | number;
  /** How far the clock may run, in days after `start`. Defaults to 90. */
  horizonDays?: number;
  /** How many steps one contact may take before the run stops. Defaults to 500. */
  maxSteps?: number;
}

/**
 * How a run ended: at a Goal or an Exit; at an output that leads nowhere (`deadEnd`);
 * still waiting when the clock passed the horizon; after too many steps (`stepLimit`,
 * usually a loop); without entering; or at a step whose data is damaged (`invalid`).
 */
export type SimulationOutcome = 'goal' | 'exit' | 'deadEnd' | 'horizon' | 'stepLimit' | 'notEntered' | 'invalid';

/** One step of the walk, with the sentence that explains it to the designer. */
export interface SimulationStep {
  nodeId: string;
  kind: NodeKind;
  /** How messages name the step: its label in quotes, or its kind's title. */
  name: string;
  enteredAt: number;
  /** When the contact left; null when it was still there as the run stopped. */
  leftAt: number | null;
  /** The output taken; null when the run stopped here. */
  port: string | null;
  reason: string;
}

/** An email the contact would receive, personalised with the contact's attributes. */
export interface SimulatedEmail {
  nodeId: string;
  name: string;
  at: number;
  subject: string;
  preheader: string;
  senderName: string;
  senderEmail: string;
  /** Tags that had no value and no fallback (rendered empty). */
  missing: string[];
}

/** The Goal a contact reached. */
export interface SimulatedConversion {
  nodeId: string;
  at: number;
  /** The Goal's conversion event; empty when it has none. */
  event: string;
}

export interface SimulationResult {
  contactId: string;
  seed: number;
  /** The clock's start and the horizon, in milliseconds since the epoch. */
  start: number;
  horizonEnd: number;
  /** The time zone the run used for local times (the contact's, or UTC). */
  timezone: string;
  steps: SimulationStep[];
  emails: SimulatedEmail[];
  conversion: SimulatedConversion | null;
  outcome: SimulationOutcome;
  outcomeReason: string;
  /** The node of each step, in order. */
  path: string[];
  /** The edges followed, in order. */
  edgeIds: string[];
  /** The profile as Update profile steps left it. */
  attributes: Record<string, AttributeValue>;
}
