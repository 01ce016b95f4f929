import type { JourneyNode } from '../../../shared/journey';

/**
 * One or two short lines saying what a step does, for its card on the canvas. Data may
 * be damaged (a peer can write anything), so every field is read defensively.
 */

type Data = Record<string, unknown>;

function text(value: unknown, fallback = '—'): string {
  return typeof value === 'string' && value.trim() ? value.trim() : fallback;
}

function num(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '?';
}

function obj(value: unknown): Data {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
}

function list(value: unknown): Data[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

const operatorText: Record<string, string> = {
  equals: '=',
  notEquals: '≠',
  contains: 'contains',
  greaterThan: '>',
  lessThan: '<',
  exists: 'exists',
  notExists: 'does not exist',
};

function entrySummary(data: Data): string[] {
  const trigger = obj(data.trigger);
  if (trigger.type === 'segment')
    return [`Segment: ${text(trigger.segment)}`, trigger.reentry === true ? 'Re-entry allowed' : ''];
  if (trigger.type === 'event')
    return [`Event: ${text(trigger.event)}`, trigger.filter ? `Filter: ${text(trigger.filter)}` : ''];
  if (trigger.type === 'date') {
    const offset =
      typeof trigger.offsetDays === 'number' && trigger.offsetDays !== 0
        ? ` ${trigger.offsetDays > 0 ? '+' : ''}${trigger.offsetDays} d`
        : '';
    return [
      `Date: ${text(trigger.attribute)}${offset}`,
      `at ${text(trigger.time)}${trigger.yearly === true ? ', every year' : ''}`,
    ];
  }
  return ['No trigger'];
}

function delaySummary(data: Data): string[] {
  const wait = obj(data.wait);
  if (wait.mode === 'fixed') return [`Wait ${num(wait.amount)} ${text(wait.unit, '')}`];
  if (wait.mode === 'until') return [`Until ${text(wait.date)} at ${text(wait.time)}`];
  if (wait.mode === 'localTime') return [`Until ${text(wait.time)} in the contact's time zone`];
  return ['No wait set'];
}

function pathsSummary(paths: Data[], extra: string): string[] {
  const shares = paths.map((p) => `${num(p.percent)}%`).join(' / ');
  return [`${paths.length} paths${extra}`, shares];
}

const summaries: Record<JourneyNode['kind'], (data: Data) => string[]> = {
  entry: entrySummary,
  email: (d) => [
    `Subject: ${text(d.subject, 'none yet')}`,
    d.senderEmail ? `From: ${text(d.senderName, '')} <${text(d.senderEmail)}>` : '',
  ],
  delay: delaySummary,
  waitUntil: (d) => [`Until “${text(d.event)}”`, `or ${num(d.timeoutAmount)} ${text(d.timeoutUnit, '')}`],
  condition: (d) => [
    `${text(d.attribute)} ${operatorText[String(d.operator)] ?? '?'} ${d.operator === 'exists' || d.operator === 'notExists' ? '' : text(d.value)}`,
  ],
  abSplit: (d) =>
    pathsSummary(list(d.variants), ` + control ${num(d.controlPercent)}%`).concat(`Measures ${text(d.metric)}`),
  randomCohort: (d) => pathsSummary(list(d.cohorts), ''),
  updateProfile: (d) => [
    `${text(d.operation)} ${text(d.attribute)}${d.operation === 'unset' ? '' : ` → ${text(d.value)}`}`,
  ],
  goal: (d) => [
    d.type === 'exit' ? 'Exit the journey' : 'Count a conversion',
    d.event ? `Event: ${text(d.event)}` : '',
  ],
  note: (d) => [text(d.text, 'Empty note')],
};

/** A line is cut here: a peer could write a megabyte into a field. */
const maxLine = 160;

/** Up to three non-empty summary lines for `node`. */
export function summarise(node: JourneyNode): string[] {
  return summaries[node.kind](node.data)
    .filter((line) => line.trim() !== '')
    .slice(0, 3)
    .map((line) => (line.length > maxLine ? `${line.slice(0, maxLine - 1)}…` : line));
}

/** The share of contacts an output of a split gets, e.g. "45%"; empty for other ports. */
export function portShare(node: JourneyNode, portId: string): string {
  if (node.kind === 'abSplit') {
    if (portId === 'control') return `${num(node.data.controlPercent)}%`;
    const variant = list(node.data.variants).find((v) => v.id === portId);
    return variant ? `${num(variant.percent)}%` : '';
  }
  if (node.kind === 'randomCohort') {
    const cohort = list(node.data.cohorts).find((c) => c.id === portId);
    return cohort ? `${num(cohort.percent)}%` : '';
  }
  return '';
}
