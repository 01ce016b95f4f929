import * as Y from 'yjs';
import type { Block } from '../email/blocks';
import { defaultBlock } from '../email/defaultBlock';
import { writeEmail } from '../email/emailDoc';
import type { NodeKind } from '../journey/kinds';
import { addEdge, addNode, readJourney, updateNodeData } from '../journey/ydoc';

/** One step of a template: its kind, column/row on a grid, data and (for emails) body. */
export interface TemplateStep {
  key: string;
  kind: NodeKind;
  at: [column: number, row: number];
  data?: Record<string, unknown>;
  body?: Block[];
}

/** A connection between two steps, by key and output port. */
export type TemplateLink = [from: string, port: string, to: string];

const sender = { senderName: 'The Maily team', senderEmail: 'hello@maily.example', replyTo: '' };

/** An Email step's data with the template's sender. */
export function email(label: string, subject: string, preheader: string): Record<string, unknown> {
  return { label, subject, preheader, ...sender };
}

/** A short email body: heading, paragraph, call to action. */
export function body(heading: string, paragraph: string, cta: string, href: string): Block[] {
  return [
    { ...defaultBlock('heading'), text: heading },
    { ...defaultBlock('text'), text: [{ insert: paragraph }] },
    { ...defaultBlock('button'), label: cta, href },
  ];
}

/**
 * Writes steps and links into a new Y.Doc through the same functions the canvas uses,
 * so a template obeys the connection rules (a refused link throws: a template bug).
 */
export function buildJourney(steps: TemplateStep[], links: TemplateLink[]): Y.Doc {
  const doc = new Y.Doc();
  const ids = new Map<string, string>();
  for (const step of steps) {
    const id = addNode(doc, step.kind, { x: step.at[0] * 320, y: step.at[1] * 200 });
    if (step.data) updateNodeData(doc, id, step.data);
    if (step.body) writeEmail(doc, id, step.body);
    ids.set(step.key, id);
  }
  for (const [from, port, to] of links) {
    const result = addEdge(
      doc,
      { source: ids.get(from)!, sourceHandle: port, target: ids.get(to)!, targetHandle: 'in' },
      undefined,
      readJourney(doc),
    );
    if (!result.ok) throw new Error(`template link ${from}.${port} → ${to}: ${result.reason}`);
  }
  return doc;
}
