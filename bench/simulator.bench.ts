import * as Y from 'yjs';
import { validateJourney } from '../src/shared/journey';
import type { NodeKind } from '../src/shared/journey/kinds';
import type { Journey } from '../src/shared/journey/model';
import { addEdge, addNode, readJourney } from '../src/shared/journey/ydoc';
import { simulateMany, type SampleContact } from '../src/shared/simulator';
import { seededRandom as seeded } from '../src/shared/simulator/random';
import { percentile, round, writeResult } from './results';

const START = Date.parse('2026-03-02T08:00:00Z');
const DAY = 86_400_000;
const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo'];
const sender = { senderName: 'Maily', senderEmail: 'hi@maily.test', replyTo: '' };

/** Data for the i-th step of the bench journey: every kind, with settings that make paths differ. */
function stepData(kind: NodeKind, i: number): Record<string, unknown> {
  switch (kind) {
    case 'email':
      return { label: `Email ${i}`, subject: `{{ first_name | "Hi" }}, step ${i}`, preheader: '{{ plan }}', ...sender };
    case 'delay':
      return i % 2
        ? { label: `Delay ${i}`, wait: { mode: 'fixed', amount: 1, unit: 'days' } }
        : { label: `Delay ${i}`, wait: { mode: 'localTime', time: '09:00', fallbackTimezone: 'UTC' } };
    case 'waitUntil':
      return { label: `Wait ${i}`, event: 'purchase', timeoutAmount: 2, timeoutUnit: 'days' };
    case 'condition':
      return [
        { label: `Pro? ${i}`, attribute: 'plan', operator: 'equals', value: 'pro' },
        { label: `Score ${i}`, attribute: 'score', operator: 'greaterThan', value: '2' },
        { label: `VIP ${i}`, attribute: 'tags', operator: 'contains', value: 'vip' },
      ][i % 3];
    case 'updateProfile':
      return i % 2
        ? { label: `Score up ${i}`, attribute: 'score', operation: 'increment', value: '1' }
        : { label: `Tag ${i}`, attribute: '', operation: 'addTag', value: 'vip' };
    default:
      return {};
  }
}

/**
 * A valid 50-node journey built through the Y.Doc helpers: an Entry, 47 steps cycling
 * through every kind (first output to the next step, other outputs skipping one), then
 * an Exit and a Goal.
 */
export function buildSimulatorJourney(): Journey {
  const doc = new Y.Doc();
  const pattern: NodeKind[] = ['email', 'delay', 'waitUntil', 'condition', 'abSplit', 'updateProfile', 'randomCohort'];
  const at = { x: 0, y: 0 };
  const ids = [
    addNode(doc, 'entry', at, { label: 'Trial', trigger: { type: 'segment', segment: 'trial', reentry: false } }),
  ];
  for (let i = 1; i <= 47; i++) {
    const kind = pattern[(i - 1) % pattern.length];
    ids.push(addNode(doc, kind, at, kind === 'abSplit' || kind === 'randomCohort' ? undefined : stepData(kind, i)));
  }
  ids.push(addNode(doc, 'goal', at, { label: 'Left', type: 'exit', event: '' }));
  ids.push(addNode(doc, 'goal', at, { label: 'Converted', type: 'goal', event: 'purchase' }));
  const journey = readJourney(doc);
  const byId = new Map(journey.nodes.map((node) => [node.id, node]));
  for (let i = 0; i <= 47; i++) {
    const { kind, data } = byId.get(ids[i])!;
    const outputs = journey.nodes.length > 0 ? portsFor(kind, data) : [];
    outputs.forEach((handle, k) => {
      const target = k === 0 ? ids[i + 1] : ids[Math.min(49, i + 2)];
      const written = addEdge(doc, { source: ids[i], sourceHandle: handle, target, targetHandle: 'in' });
      if (!written.ok) throw new Error(`simulator bench journey: ${written.reason}`);
    });
  }
  return readJourney(doc);
}

function portsFor(kind: NodeKind, data: Record<string, unknown>): string[] {
  if (kind === 'condition') return ['yes', 'no'];
  if (kind === 'waitUntil') return ['event', 'timeout'];
  if (kind === 'abSplit') return [...(data.variants as { id: string }[]).map((v) => v.id), 'control'];
  if (kind === 'randomCohort') return (data.cohorts as { id: string }[]).map((c) => c.id);
  return ['out'];
}

/** `count` varied contacts: plans, scores, tags, zones and purchases drawn from a fixed seed. */
export function buildContacts(count: number, seed = 7): SampleContact[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `contact-${i}`,
    name: `Contact ${i}`,
    timezone: zones[i % zones.length],
    attributes: {
      segments: random() < 0.95 ? 'trial, newsletter' : 'newsletter',
      first_name: random() < 0.8 ? `Name${i}` : null,
      plan: random() < 0.3 ? 'pro' : 'free',
      score: Math.floor(random() * 5),
      tags: random() < 0.2 ? 'vip' : '',
    },
    events: random() < 0.5 ? [{ name: 'purchase', at: START + Math.floor(random() * 30 * DAY) }] : [],
  }));
}

/** Simulates 10,000 contacts through the 50-node journey; reports contacts per second. */
export async function runSimulatorBench(contactCount = 10_000, runs = 5) {
  const journey = buildSimulatorJourney();
  const problems = validateJourney(journey).length;
  const contacts = buildContacts(contactCount);
  const options = { seed: 42, start: START };
  simulateMany(journey, contacts.slice(0, 500), options); // warm up the JIT and the zone formatters
  const times: number[] = [];
  let results = simulateMany(journey, [], options);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    results = simulateMany(journey, contacts, options);
    times.push(performance.now() - started);
  }
  const median = percentile(times, 50);
  const steps = results.reduce((sum, r) => sum + r.steps.length, 0);
  const emails = results.reduce((sum, r) => sum + r.emails.length, 0);
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return writeResult(
    'simulator',
    {
      contactsPerSecond: Math.round(contactCount / (median / 1000)),
      medianRunMs: round(median),
      maxRunMs: round(Math.max(...times)),
      usPerContact: round((median * 1000) / contactCount, 2),
      contacts: contactCount,
      nodes: journey.nodes.length,
      edges: journey.edges.length,
      validationProblems: problems,
      avgStepsPerContact: round(steps / contactCount, 2),
      avgEmailsPerContact: round(emails / contactCount, 2),
      goal: count('goal'),
      exit: count('exit'),
      notEntered: count('notEntered'),
      otherOutcomes: contactCount - count('goal') - count('exit') - count('notEntered'),
      runs,
    },
    {},
    'simulateMany over 10,000 seeded contacts (6 time zones, half with a purchase event) through a valid 50-node journey with every flow kind, built via the Y.Doc helpers; median of the runs after a 500-contact warm-up. Node ids are random per build, so the split draws (and the goal/exit counts) vary slightly between bench runs. Wall time, so it is sensitive to machine load. No target set by the issue.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runSimulatorBench();
