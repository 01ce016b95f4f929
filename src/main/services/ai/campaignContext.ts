import type * as Y from 'yjs';
import { plainText } from '../../../shared/email/plainText';
import { kindInfo } from '../../../shared/journey/kinds';
import { readJourney } from '../../../shared/journey/ydoc';
import { readEmailSource } from '../email/emailSource';

/** What a prompt may say about one email, read from the campaign document. */
export interface EmailContext {
  label: string;
  subject: string;
  preheader: string;
  sender: string;
  text: string;
  /** Plain text of each top-level block, by id. */
  blocks: Map<string, string>;
}

/** Most characters of email text a prompt carries. */
const MAX_EMAIL_CHARS = 4_000;

/** The Email node's fields and body as plain text. Throws E_NOT_FOUND for a missing email. */
export function emailContext(doc: Y.Doc, emailId: string): EmailContext {
  const { node: data, content } = readEmailSource(doc, emailId);
  const blocks = new Map(content.blocks.map((block) => [block.id, plainText({ blocks: [block] }).trim()]));
  return {
    label: data.label || 'Email',
    subject: data.subject,
    preheader: data.preheader,
    sender: [data.senderName, data.senderEmail].filter(Boolean).join(' '),
    text: plainText(content).slice(0, MAX_EMAIL_CHARS),
    blocks,
  };
}

/** One journey step as a prompt line. */
export interface StepLine {
  id: string;
  kind: string;
  label: string;
}

/** The journey as short lines: steps (id, kind, label) and links, capped for a prompt. */
export function journeyOutline(doc: Y.Doc, maxSteps = 80): { steps: StepLine[]; text: string } {
  const journey = readJourney(doc);
  const steps = journey.nodes.slice(0, maxSteps).map((node) => ({
    id: node.id,
    kind: node.kind,
    label: typeof node.data.label === 'string' && node.data.label ? node.data.label : kindInfo[node.kind].title,
  }));
  const byId = new Map(steps.map((s) => [s.id, s]));
  const lines = steps.map(
    (s) => `- [${s.id}] ${kindInfo[s.kind as keyof typeof kindInfo]?.title ?? s.kind}: ${s.label}`,
  );
  const links = journey.edges
    .filter((e) => byId.has(e.source) && byId.has(e.target))
    .slice(0, maxSteps * 2)
    .map((e) => `- ${byId.get(e.source)!.label} --${e.sourceHandle}--> ${byId.get(e.target)!.label}`);
  return { steps, text: `Steps:\n${lines.join('\n') || '(none)'}\nLinks:\n${links.join('\n') || '(none)'}` };
}
