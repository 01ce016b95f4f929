import * as Y from 'yjs';
import type { AgentPlan, SubtaskOutput, SubtaskRun } from '../../../shared/agents/plan';
import { topologicalOrder } from '../../../shared/agents/plan';
import type { Block } from '../../../shared/email/blocks';
import { defaultBlock } from '../../../shared/email/defaultBlock';
import { emailsMap, removeEmail, writeEmail } from '../../../shared/email/emailDoc';
import { addEdge, addNode, nodesMap, readJourney, removeElements } from '../../../shared/journey/ydoc';
import { cleanLine, cleanText, summarise } from './parseOutput';

/** Origin of the landing's transaction (and of its `docs.applyUpdate`). */
export const AGENTS_ORIGIN = 'agents';

const COLUMN = 320;
const ROW = 200;
const MAX_LABEL = 120;
const MAX_NOTE = 5_000;
/** The wait between two emails of a series. */
const WAIT = { mode: 'fixed', amount: 2, unit: 'days' } as const;

export interface Landing {
  /** One Yjs update holding every change, to apply to the campaign (one transaction). */
  update: Uint8Array;
  nodeIds: string[];
  emails: number;
  edges: number;
}

type Done = SubtaskRun & { output: SubtaskOutput };

function emailBody(output: Extract<SubtaskOutput, { kind: 'email' }>): Block[] {
  const heading = cleanLine(output.heading || output.subject, 200);
  const blocks: Block[] = [];
  if (heading) blocks.push({ ...defaultBlock('heading'), text: heading });
  for (const paragraph of output.paragraphs)
    blocks.push({ ...defaultBlock('text'), text: [{ insert: cleanText(paragraph, 2_000) }] });
  return blocks;
}

/**
 * Writes a finished run into a copy of the campaign with the app's own writers (the
 * canvas's `addNode`/`addEdge`, the email editor's `writeEmail`) and returns the change as
 * one update. Email subtasks become Email steps with subject, preheader and text blocks,
 * in dependency order, joined by 2-day waits and ending in an Exit, in a row to the right of everything on
 * the canvas; an empty journey also gets an Entry. The other outputs (analysis, notes,
 * step ideas) become Notes in a row above. Strings were sanitised when parsed and are
 * capped again here; the caller's doc is not touched.
 */
export function landPlan(source: Y.Doc, plan: AgentPlan, subtasks: readonly SubtaskRun[]): Landing {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  const before = Y.encodeStateVector(doc);
  const journey = readJourney(doc);
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  const planById = new Map(plan.subtasks.map((s) => [s.id, s]));
  const done = topologicalOrder(plan.subtasks)
    .map((id) => byId.get(id))
    .filter((s): s is Done => s?.status === 'done' && s.output !== null);
  const emails = done.filter((s) => s.output.kind === 'email');
  const others = done.filter((s) => s.output.kind !== 'email');

  const x0 = journey.nodes.length ? Math.max(...journey.nodes.map((n) => n.position.x)) + COLUMN : 0;
  const ys = journey.nodes.map((n) => n.position.y);
  const y0 = ys.length ? Math.round(ys.reduce((a, b) => a + b, 0) / ys.length) : 0;
  const existingEmail = journey.nodes.find((n) => n.kind === 'email')?.data;
  const sender = {
    senderName: cleanLine(existingEmail?.senderName, 500),
    senderEmail: cleanLine(existingEmail?.senderEmail, 254),
    replyTo: cleanLine(existingEmail?.replyTo, 254),
  };

  const nodeIds: string[] = [];
  let edges = 0;
  doc.transact(() => {
    let column = 0;
    let previous: string | null = null;
    const link = (target: string) => {
      if (previous && addEdge(doc, { source: previous, sourceHandle: 'out', target, targetHandle: 'in' }).ok) edges++;
      previous = target;
    };
    const place = () => ({ x: x0 + COLUMN * column++, y: y0 });
    if (emails.length && !journey.nodes.some((n) => n.kind === 'entry')) {
      const entry = addNode(doc, 'entry', place(), {
        label: cleanLine(plan.goal, MAX_LABEL) || 'Entry',
        trigger: { type: 'segment', segment: '', reentry: false },
      });
      nodeIds.push(entry);
      previous = entry;
    }
    emails.forEach((s, i) => {
      const output = s.output as Extract<SubtaskOutput, { kind: 'email' }>;
      if (i > 0) {
        const wait = addNode(doc, 'delay', place(), { label: 'Wait 2 days', wait: WAIT });
        nodeIds.push(wait);
        link(wait);
      }
      const title = cleanLine(planById.get(s.id)?.title, MAX_LABEL) || `Email ${i + 1}`;
      const id = addNode(doc, 'email', place(), {
        label: title,
        ...sender,
        subject: cleanLine(output.subject, 998),
        preheader: cleanLine(output.preheader, 500),
      });
      writeEmail(doc, id, emailBody(output));
      nodeIds.push(id);
      link(id);
    });
    if (emails.length) {
      // Contacts leave the series after its last email (a dead end is an error otherwise).
      const exit = addNode(doc, 'goal', place(), { label: 'Series done', type: 'exit', event: '' });
      nodeIds.push(exit);
      link(exit);
    }
    others.forEach((s, i) => {
      const task = planById.get(s.id);
      const heading = `${cleanLine(task?.title, MAX_LABEL)} (${task?.role ?? 'agent'})`;
      const id = addNode(
        doc,
        'note',
        { x: x0 + COLUMN * i, y: y0 - ROW * 1.5 },
        {
          text: `${heading}\n${summarise(s.output)}`.slice(0, MAX_NOTE),
          color: s.output.kind === 'analysis' ? 'blue' : 'yellow',
        },
      );
      nodeIds.push(id);
    });
  }, AGENTS_ORIGIN);
  return { update: Y.encodeStateAsUpdate(doc, before), nodeIds, emails: emails.length, edges };
}

/**
 * Takes a landing back: the steps it added that are still there (with their edges) and
 * their email bodies go, in one update. Null when nothing is left.
 */
export function unlandPlan(source: Y.Doc, nodeIds: readonly string[]): { update: Uint8Array; removed: number } | null {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  const before = Y.encodeStateVector(doc);
  const present = nodeIds.filter((id) => nodesMap(doc).has(id));
  const bodies = nodeIds.filter((id) => emailsMap(doc).has(id));
  if (present.length === 0 && bodies.length === 0) return null;
  doc.transact(() => {
    removeElements(doc, present, []);
    for (const id of bodies) removeEmail(doc, id);
  }, AGENTS_ORIGIN);
  return { update: Y.encodeStateAsUpdate(doc, before), removed: present.length };
}
