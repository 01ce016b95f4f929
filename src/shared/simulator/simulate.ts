import type { Journey } from '../journey/model';
import { cleanContact, type CleanContact } from './contact';
import { chooseEntry } from './entry';
import { prepareJourney, type PreparedJourney, type PreparedNode } from './prepare';
import type { RunState } from './state';
import { runStep } from './steps';
import { stepLimitReason } from './stepLimit';
import type { SampleContact, SimulationOptions, SimulationOutcome, SimulationResult, SimulationStep } from './types';

export { defaultHorizonDays, defaultMaxSteps } from './settings';
import { settingsOf, type Settings } from './settings';
import { formatLocal } from './zonedTime';

/** Collects the walk's steps, emails and outcome. */
class Walk {
  readonly steps: SimulationStep[] = [];
  readonly edgeIds: string[] = [];

  constructor(
    readonly state: RunState,
    readonly settings: Settings,
  ) {}

  record(step: PreparedNode, leftAt: number | null, port: string | null, reason: string): void {
    const { id, kind } = step.node;
    this.steps.push({ nodeId: id, kind, name: step.name, enteredAt: this.state.now, leftAt, port, reason });
  }

  finish(outcome: SimulationOutcome, outcomeReason: string): SimulationResult {
    const { state, settings } = this;
    return {
      contactId: state.contact.id,
      seed: settings.seed,
      start: settings.start,
      horizonEnd: settings.horizonEnd,
      timezone: state.timezone,
      steps: this.steps,
      emails: state.emails,
      conversion: state.conversion,
      outcome,
      outcomeReason,
      path: this.steps.map((s) => s.nodeId),
      edgeIds: this.edgeIds,
      attributes: Object.fromEntries(state.profile),
    };
  }
}

function walkFrom(journey: PreparedJourney, walk: Walk, entry: PreparedNode, reason: string): SimulationResult {
  const { state, settings } = walk;
  walk.record(entry, state.now, 'out', reason);
  let from = entry;
  let port = 'out';
  for (;;) {
    const edge = journey.next.get(from.node.id)?.get(port);
    if (!edge) {
      const label = from.ports.outputs.find((p) => p.id === port)?.label ?? port;
      return walk.finish(
        'deadEnd',
        `The “${label}” output of ${from.name} is not connected, so the contact stopped there; connect it to a next step.`,
      );
    }
    if (walk.steps.length >= settings.maxSteps) {
      return walk.finish('stepLimit', stepLimitReason(walk.steps, settings.maxSteps));
    }
    walk.edgeIds.push(edge.id);
    const step = journey.nodes.get(edge.target)!;
    const result = runStep(step, state);
    if ('stop' in result) {
      walk.record(step, state.now, null, result.reason);
      return walk.finish(result.stop, result.stop === 'invalid' ? result.reason : capitalise(`${result.reason}.`));
    }
    if (result.leaveAt > settings.horizonEnd) {
      walk.record(step, null, null, result.pending ?? result.reason);
      const end = formatLocal(settings.horizonEnd, state.timezone);
      return walk.finish(
        'horizon',
        `The simulation ended on ${end} (${settings.horizonDays} days after the start) while the contact was still at ${step.name}.`,
      );
    }
    walk.record(step, result.leaveAt, result.port, result.reason);
    state.now = result.leaveAt;
    from = step;
    port = result.port;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function run(journey: PreparedJourney, contact: CleanContact, settings: Settings): SimulationResult {
  const state: RunState = {
    contact,
    profile: new Map(contact.attributes),
    timezone: contact.timezone ?? 'UTC',
    seed: settings.seed,
    now: settings.start,
    visits: new Map(),
    personal: null,
    emails: [],
    conversion: null,
  };
  const walk = new Walk(state, settings);
  const found = chooseEntry(journey.entries, { contact, timezone: state.timezone, ...settings });
  if (typeof found === 'string') {
    const damaged = journey.entries.length > 0 && journey.entries.every((e) => e.problem !== null);
    return walk.finish(damaged ? 'invalid' : 'notEntered', found);
  }
  state.now = found.at;
  return walkFrom(journey, walk, found.entry, found.reason);
}

/**
 * Walks one sample contact through `journey` on a simulated clock and explains every
 * step. Pure and deterministic: the same journey, contact and options give the same
 * result. Never throws: damaged data, dangling edges and loops end the run with an
 * outcome and a reason.
 *
 * The contact enters at the matching Entry with the earliest entry time (ties go to the
 * lowest node id); see `matchEntry` for the trigger rules. An output with several edges
 * (validation reports it) follows the edge with the lowest id.
 */
export function simulate(journey: Journey, contact: SampleContact, options: SimulationOptions): SimulationResult {
  return simulateMany(journey, [contact], options)[0];
}

/** {@link simulate} for several contacts, reading the journey once. Results are in contact order. */
export function simulateMany(
  journey: Journey,
  contacts: readonly SampleContact[],
  options: SimulationOptions,
): SimulationResult[] {
  const prepared = prepareJourney(journey);
  const settings = settingsOf(options);
  const list = Array.isArray(contacts) ? contacts : [];
  return list.map((raw) => {
    const contact = cleanContact(raw);
    if (!settings)
      return failed(contact, 'The start of the simulation is not a valid date; pick a start date and time.');
    try {
      return run(prepared, contact, settings);
    } catch (error) {
      // Inputs are cleaned before the walk, so this is a bug; the designer still gets a
      // result for every contact instead of a broken panel, and the reason names the bug.
      return failed(contact, `The simulator failed on this contact (${String(error)}); please report it.`, settings);
    }
  });
}

function failed(contact: CleanContact, reason: string, settings?: Settings): SimulationResult {
  return {
    contactId: contact.id,
    seed: settings?.seed ?? 0,
    start: settings?.start ?? 0,
    horizonEnd: settings?.horizonEnd ?? 0,
    timezone: contact.timezone ?? 'UTC',
    steps: [],
    emails: [],
    conversion: null,
    outcome: 'invalid',
    outcomeReason: reason,
    path: [],
    edgeIds: [],
    attributes: Object.fromEntries(contact.attributes),
  };
}
