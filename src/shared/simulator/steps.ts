import { fillTags, parseTags, type ParsedTags } from '../email/personalize';
import type { NodeDataOf } from '../journey/kinds';
import { evaluateCondition } from './condition';
import type { PreparedNode } from './prepare';
import { runAbSplit, runRandomCohort } from './splits';
import type { RunState, StepResult } from './state';
import { runDelay, runWaitUntil } from './timing';
import { runUpdateProfile } from './updateProfile';

/**
 * One step of a walk: what the node does to the contact and which output it leaves by.
 * Damaged data stops the run as `invalid`, naming the step and what is wrong.
 */
export function runStep(step: PreparedNode, state: RunState): StepResult {
  if (step.problem !== null) {
    return { stop: 'invalid', reason: `${step.name} is damaged (${step.problem}); fix it in the inspector.` };
  }
  const data = step.data;
  switch (step.node.kind) {
    case 'email':
      return runEmail(step, data as NodeDataOf<'email'>, state);
    case 'delay':
      return runDelay(data as NodeDataOf<'delay'>, state);
    case 'waitUntil':
      return runWaitUntil(step, data as NodeDataOf<'waitUntil'>, state);
    case 'condition':
      return runCondition(step, data as NodeDataOf<'condition'>, state);
    case 'abSplit':
      return runAbSplit(step, data as NodeDataOf<'abSplit'>, state);
    case 'randomCohort':
      return runRandomCohort(step, data as NodeDataOf<'randomCohort'>, state);
    case 'updateProfile':
      state.personal = null;
      return runUpdateProfile(step, data as NodeDataOf<'updateProfile'>, state.profile, state.now);
    case 'goal':
      return runGoal(step, data as NodeDataOf<'goal'>, state);
    default:
      // Entries only start a walk and notes have no input; reaching one means the data is
      // not what the connection rules allow.
      return { stop: 'invalid', reason: `${step.name} cannot be a step of the walk; remove the connection to it.` };
  }
}

/** What tags in an email can use: the attributes, plus `name` and `id` when they lack them. */
function personalData(state: RunState): Record<string, unknown> {
  if (state.personal) return state.personal;
  const data = Object.fromEntries(state.profile);
  if (!Object.hasOwn(data, 'name')) data.name = state.contact.name;
  if (!Object.hasOwn(data, 'id')) data.id = state.contact.id;
  return (state.personal = data);
}

type EmailTexts = Record<'subject' | 'preheader' | 'senderName', { text: string; tags: ParsedTags }>;

// An email's texts are parsed once per prepared journey, not once per contact.
const parsedEmails = new WeakMap<NodeDataOf<'email'>, EmailTexts>();

function textsOf(data: NodeDataOf<'email'>): EmailTexts {
  let texts = parsedEmails.get(data);
  if (!texts) {
    const parse = (text: string) => ({ text, tags: parseTags(text) });
    texts = { subject: parse(data.subject), preheader: parse(data.preheader), senderName: parse(data.senderName) };
    parsedEmails.set(data, texts);
  }
  return texts;
}

function runEmail(step: PreparedNode, data: NodeDataOf<'email'>, state: RunState): StepResult {
  const contact = personalData(state);
  const texts = textsOf(data);
  const [subject, preheader, sender] = [texts.subject, texts.preheader, texts.senderName].map((t) =>
    fillTags(t.text, t.tags, contact),
  );
  const missing = [...new Set([...subject.missing, ...preheader.missing, ...sender.missing])];
  state.emails.push({
    nodeId: step.node.id,
    name: step.name,
    at: state.now,
    subject: subject.text,
    preheader: preheader.text,
    senderName: sender.text,
    senderEmail: data.senderEmail,
    missing,
  });
  const notes = [
    missing.length > 0 ? `no value for ${missing.join(', ')}` : '',
    subject.errors.length > 0 ? `the subject has a malformed tag: ${subject.errors[0].message}` : '',
  ].filter(Boolean);
  const reason = `sent “${subject.text}”${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  return { port: 'out', leaveAt: state.now, reason };
}

function runCondition(step: PreparedNode, data: NodeDataOf<'condition'>, state: RunState): StepResult {
  if (!data.attribute.trim()) {
    return { stop: 'invalid', reason: `${step.name} names no attribute to check; choose one in the inspector.` };
  }
  const { yes, reason } = evaluateCondition(data, state.profile);
  return { port: yes ? 'yes' : 'no', leaveAt: state.now, reason };
}

function runGoal(step: PreparedNode, data: NodeDataOf<'goal'>, state: RunState): StepResult {
  if (data.type === 'exit') return { stop: 'exit', reason: `left the journey at ${step.name}` };
  const event = data.event.trim();
  state.conversion = { nodeId: step.node.id, at: state.now, event };
  return { stop: 'goal', reason: `reached the goal ${step.name}${event ? ` (conversion event '${event}')` : ''}` };
}
