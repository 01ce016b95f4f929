import { z } from 'zod';

/**
 * The journey node kinds, their data schemas and their ports. This file is the single
 * description of a node: the canvas, the inspector, the connection rules and the
 * validation all read it.
 */

const label = z.string().max(120);
const shortText = z.string().max(500);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 09:30');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const percent = z.number().min(0).max(100);
const timeUnit = z.enum(['minutes', 'hours', 'days', 'weeks']);
const amount = z.number().int().min(1).max(100_000);
const portId = z.string().regex(/^[a-z0-9_-]{1,32}$/i);

/** Entry/trigger: how contacts enter the journey. */
export const entrySchema = z.object({
  label,
  trigger: z.discriminatedUnion('type', [
    z.object({ type: z.literal('segment'), segment: shortText, reentry: z.boolean() }),
    z.object({ type: z.literal('event'), event: shortText, filter: shortText }),
    z.object({
      type: z.literal('date'),
      attribute: shortText,
      offsetDays: z.number().int().min(-365).max(365),
      time: timeOfDay,
      yearly: z.boolean(),
    }),
  ]),
});

/** Email: one message; the body itself is edited by the email editor. */
export const emailSchema = z.object({
  label,
  senderName: shortText,
  senderEmail: z.string().max(254),
  replyTo: z.string().max(254),
  subject: z.string().max(998),
  preheader: shortText,
});

/** Delay: hold the contact for a while. */
export const delaySchema = z.object({
  label,
  wait: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('fixed'), amount, unit: timeUnit }),
    z.object({ mode: z.literal('until'), date: isoDate, time: timeOfDay }),
    z.object({ mode: z.literal('localTime'), time: timeOfDay, fallbackTimezone: shortText }),
  ]),
});

/** Wait-until: hold until an event happens or the timeout passes. */
export const waitUntilSchema = z.object({
  label,
  event: shortText,
  timeoutAmount: amount,
  timeoutUnit: timeUnit,
});

export const conditionOperators = [
  'equals',
  'notEquals',
  'contains',
  'greaterThan',
  'lessThan',
  'exists',
  'notExists',
] as const;

/** Condition split: yes/no on a profile attribute. */
export const conditionSchema = z.object({
  label,
  attribute: shortText,
  operator: z.enum(conditionOperators),
  value: shortText,
});

const pathSchema = z.object({ id: portId, name: label, percent });

/** A/B experiment: 2–5 variants plus a control; percentages must sum to 100. */
export const abSplitSchema = z.object({
  label,
  metric: z.enum(['open', 'click', 'conversion']),
  variants: z.array(pathSchema).min(2).max(5),
  controlPercent: percent,
});

/** Random cohort: split contacts at random into named cohorts. */
export const randomCohortSchema = z.object({
  label,
  cohorts: z.array(pathSchema).min(2).max(10),
});

/** Update profile: change one attribute of the contact. */
export const updateProfileSchema = z.object({
  label,
  attribute: shortText,
  operation: z.enum(['set', 'increment', 'unset', 'addTag', 'removeTag']),
  value: shortText,
});

/** Goal/Exit: where the journey ends, optionally counting a conversion. */
export const goalSchema = z.object({
  label,
  type: z.enum(['goal', 'exit']),
  event: shortText,
});

/** Note: a sticky note for the team; not part of the flow. */
export const noteSchema = z.object({
  text: z.string().max(5000),
  color: z.enum(['yellow', 'blue', 'green', 'pink']),
});

/** Data schema per node kind. */
export const nodeDataSchemas = {
  entry: entrySchema,
  email: emailSchema,
  delay: delaySchema,
  waitUntil: waitUntilSchema,
  condition: conditionSchema,
  abSplit: abSplitSchema,
  randomCohort: randomCohortSchema,
  updateProfile: updateProfileSchema,
  goal: goalSchema,
  note: noteSchema,
} as const;

export type NodeKind = keyof typeof nodeDataSchemas;
export const nodeKinds = Object.keys(nodeDataSchemas) as NodeKind[];
export type NodeDataOf<K extends NodeKind> = z.infer<(typeof nodeDataSchemas)[K]>;
export type AnyNodeData = { [K in NodeKind]: NodeDataOf<K> }[NodeKind];

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(nodeDataSchemas, value);
}

/** What a kind is called, what it is for, and the palette group it belongs to. */
export const kindInfo: Record<NodeKind, { title: string; description: string; group: string }> = {
  entry: { title: 'Entry', description: 'Contacts enter on a segment, event or date', group: 'Start' },
  email: { title: 'Email', description: 'Send an email', group: 'Actions' },
  delay: { title: 'Delay', description: 'Wait a fixed time, until a date, or a local time', group: 'Timing' },
  waitUntil: { title: 'Wait until', description: 'Wait for an event, or time out', group: 'Timing' },
  condition: { title: 'Condition', description: 'Split on a profile attribute', group: 'Logic' },
  abSplit: { title: 'A/B experiment', description: 'Test 2–5 variants against a control', group: 'Logic' },
  randomCohort: { title: 'Random cohort', description: 'Split contacts at random', group: 'Logic' },
  updateProfile: { title: 'Update profile', description: 'Change a contact attribute', group: 'Actions' },
  goal: { title: 'Goal / Exit', description: 'Count a conversion or leave the journey', group: 'End' },
  note: { title: 'Note', description: 'A note for the team; not part of the flow', group: 'Annotate' },
};

/** Default data for a freshly dropped node of each kind. */
export function defaultNodeData<K extends NodeKind>(kind: K): NodeDataOf<K> {
  const defaults: { [P in NodeKind]: NodeDataOf<P> } = {
    entry: { label: 'Entry', trigger: { type: 'segment', segment: '', reentry: false } },
    email: { label: 'Email', senderName: '', senderEmail: '', replyTo: '', subject: '', preheader: '' },
    delay: { label: 'Delay', wait: { mode: 'fixed', amount: 1, unit: 'days' } },
    waitUntil: { label: 'Wait until', event: '', timeoutAmount: 3, timeoutUnit: 'days' },
    condition: { label: 'Condition', attribute: '', operator: 'equals', value: '' },
    abSplit: {
      label: 'A/B experiment',
      metric: 'click',
      variants: [
        { id: 'a', name: 'Variant A', percent: 45 },
        { id: 'b', name: 'Variant B', percent: 45 },
      ],
      controlPercent: 10,
    },
    randomCohort: {
      label: 'Random cohort',
      cohorts: [
        { id: 'c1', name: 'Cohort 1', percent: 50 },
        { id: 'c2', name: 'Cohort 2', percent: 50 },
      ],
    },
    updateProfile: { label: 'Update profile', attribute: '', operation: 'set', value: '' },
    goal: { label: 'Goal', type: 'goal', event: '' },
    note: { text: '', color: 'yellow' },
  };
  return structuredClone(defaults[kind]);
}

/** The kind of thing that travels along an edge. Every flow port carries contacts. */
export type PortType = 'contacts';

export interface Port {
  /** Handle id, unique within the node and side. */
  id: string;
  label: string;
  type: PortType;
}

export interface NodePorts {
  inputs: Port[];
  outputs: Port[];
}

const flowIn: Port = { id: 'in', label: 'In', type: 'contacts' };
const flowOut: Port = { id: 'out', label: 'Next', type: 'contacts' };

/**
 * The ports of a node. Split nodes have one output per path, so their ports depend on
 * their data; a node whose data is damaged gets the ports of its kind's default data.
 */
export function portsOf(kind: NodeKind, data: unknown): NodePorts {
  switch (kind) {
    case 'entry':
      return { inputs: [], outputs: [flowOut] };
    case 'goal':
      return { inputs: [flowIn], outputs: [] };
    case 'note':
      return { inputs: [], outputs: [] };
    case 'waitUntil':
      return {
        inputs: [flowIn],
        outputs: [
          { id: 'event', label: 'Event happened', type: 'contacts' },
          { id: 'timeout', label: 'Timed out', type: 'contacts' },
        ],
      };
    case 'condition':
      return {
        inputs: [flowIn],
        outputs: [
          { id: 'yes', label: 'Yes', type: 'contacts' },
          { id: 'no', label: 'No', type: 'contacts' },
        ],
      };
    case 'abSplit': {
      const parsed = abSplitSchema.safeParse(data);
      const d = parsed.success ? parsed.data : defaultNodeData('abSplit');
      const variants = d.variants.map((v) => ({ id: v.id, label: v.name, type: 'contacts' as const }));
      return { inputs: [flowIn], outputs: [...variants, { id: 'control', label: 'Control', type: 'contacts' }] };
    }
    case 'randomCohort': {
      const parsed = randomCohortSchema.safeParse(data);
      const d = parsed.success ? parsed.data : defaultNodeData('randomCohort');
      return { inputs: [flowIn], outputs: d.cohorts.map((c) => ({ id: c.id, label: c.name, type: 'contacts' as const })) };
    }
    default:
      return { inputs: [flowIn], outputs: [flowOut] };
  }
}
