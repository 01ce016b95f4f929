import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AGENTS_ORIGIN, landPlan } from '../../../../../src/main/services/agents/landPlan';
import { parseOutput } from '../../../../../src/main/services/agents/parseOutput';
import { templatePlan } from '../../../../../src/main/services/agents/planTemplates';
import type { AgentPlan, EmailOutput, SubtaskOutput, SubtaskRun } from '../../../../../src/shared/agents/plan';
import { plainText } from '../../../../../src/shared/email/plainText';
import { readEmail } from '../../../../../src/shared/email/emailDoc';
import { validateJourney } from '../../../../../src/shared/journey/validate';
import { readJourney } from '../../../../../src/shared/journey/ydoc';
import { buildTemplate } from '../../../../../src/shared/templates';

function agentPlan(request = 'Draft a 3-email welcome series'): AgentPlan {
  const { plan } = templatePlan(request);
  return {
    ...plan,
    planId: 'p',
    campaignId: 'c',
    request,
    source: 'template',
    template: 'Welcome series',
    notes: [],
    promptVersion: 'test',
    createdAt: 0,
  };
}

function finished(plan: AgentPlan, outputs: (id: string, kind: string) => SubtaskOutput | null): SubtaskRun[] {
  return plan.subtasks.map((s) => {
    const output = outputs(s.id, s.output);
    return {
      id: s.id,
      status: output ? 'done' : 'failed',
      nodes: ['a'],
      nodeNames: ['A'],
      tokens: 1,
      ms: 1,
      output,
      error: null,
    };
  });
}

const sample = (id: string, kind: string): SubtaskOutput =>
  kind === 'email'
    ? {
        kind: 'email',
        subject: `Subject ${id}`,
        preheader: `Pre ${id}`,
        heading: `Heading ${id}`,
        paragraphs: [`Body ${id}.`],
      }
    : kind === 'analysis'
      ? { kind: 'analysis', points: [`Point ${id}`] }
      : { kind: 'note', text: `Note ${id}` };

/** Applies a landing to `doc` and returns the journey after it. */
function apply(doc: Y.Doc, update: Uint8Array) {
  let transactions = 0;
  doc.on('afterTransaction', () => transactions++);
  Y.applyUpdate(doc, update, AGENTS_ORIGIN);
  return { journey: readJourney(doc), transactions };
}

describe('landPlan', () => {
  it('adds the emails as a chain with waits, an entry, and notes, readable and valid', () => {
    const doc = new Y.Doc();
    const plan = agentPlan();
    const landing = landPlan(doc, plan, finished(plan, sample));
    expect(readJourney(doc).nodes).toHaveLength(0); // the caller's doc is untouched
    const { journey, transactions } = apply(doc, landing.update);
    expect(transactions).toBe(1);
    expect(landing.emails).toBe(3);
    const kinds = journey.nodes.map((n) => n.kind).sort();
    expect(kinds).toEqual([
      ...['delay', 'delay', 'email', 'email', 'email', 'entry', 'goal'],
      ...['note', 'note', 'note', 'note'],
    ]);
    expect(landing.nodeIds.sort()).toEqual(journey.nodes.map((n) => n.id).sort());
    // entry → email1 → wait → email2 → wait → email3 → exit
    expect(journey.edges).toHaveLength(6);
    expect(landing.edges).toBe(6);
    const byId = new Map(journey.nodes.map((n) => [n.id, n]));
    let at = journey.nodes.find((n) => n.kind === 'entry')!;
    const chain: string[] = [];
    for (;;) {
      const next = journey.edges.find((e) => e.source === at.id);
      if (!next) break;
      at = byId.get(next.target)!;
      chain.push(at.kind === 'email' ? String(at.data.subject) : at.kind);
    }
    expect(chain).toEqual(['Subject email1', 'delay', 'Subject email2', 'delay', 'Subject email3', 'goal']);
    const email = journey.nodes.find((n) => n.data.subject === 'Subject email2')!;
    expect(email.data).toMatchObject({ label: 'Getting started tips', preheader: 'Pre email2' });
    expect(email.problem).toBeUndefined();
    const body = readEmail(doc, email.id);
    expect(body.blocks.map((b) => b.kind)).toEqual(['heading', 'text']);
    expect(plainText(body)).toContain('Body email2.');
    // Only the missing sender (there is no other email to copy it from) is left for the designer.
    const errors = validateJourney(journey).filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.code)).toEqual(['emailMissingSender', 'emailMissingSender', 'emailMissingSender']);
  });

  it('places the new steps to the right of the existing ones and copies the sender', () => {
    const doc = buildTemplate('welcome');
    const before = readJourney(doc);
    const rightmost = Math.max(...before.nodes.map((n) => n.position.x));
    const plan = agentPlan();
    const { update, nodeIds } = landPlan(doc, plan, finished(plan, sample));
    const { journey } = apply(doc, update);
    const added = journey.nodes.filter((n) => nodeIds.includes(n.id));
    expect(added.every((n) => n.position.x > rightmost)).toBe(true);
    expect(added.some((n) => n.kind === 'entry')).toBe(false); // the journey has one already
    expect(added.find((n) => n.kind === 'email')!.data.senderEmail).toBe('hello@maily.example');
    expect(journey.nodes).toHaveLength(before.nodes.length + nodeIds.length);
  });

  it('leaves out failed subtasks and keeps hostile text harmless and capped', () => {
    const doc = new Y.Doc();
    const plan = agentPlan();
    const hostile = JSON.stringify({
      subject: `Hi\u0000\u202e${'x'.repeat(50_000)}`,
      preheader: '\u0007pre',
      heading: 'H',
      paragraphs: ['y'.repeat(100_000), ...Array.from({ length: 40 }, () => 'p')],
    });
    const parsed = parseOutput('email', hostile) as EmailOutput;
    expect(parsed.subject.length).toBe(200);
    expect(parsed.subject.startsWith('Hix')).toBe(true);
    expect(parsed.preheader).toBe('pre');
    expect(parsed.paragraphs).toHaveLength(6);
    expect(parsed.paragraphs[0]).toHaveLength(2_000);
    const { update, emails } = landPlan(
      doc,
      plan,
      finished(plan, (id, kind) => (id === 'email2' ? null : id === 'email1' ? parsed : sample(id, kind))),
    );
    expect(emails).toBe(2);
    const { journey } = apply(doc, update);
    expect(journey.nodes.filter((n) => n.kind === 'email').every((n) => !n.problem)).toBe(true);
  });
});

describe('parseOutput', () => {
  it('reads cut-off answers by their complete fields and refuses junk', () => {
    expect(
      parseOutput('email', '{"subject": "Hello", "preheader": "Pre", "heading": "He", "paragraphs": ["One", "Tw'),
    ).toEqual({
      kind: 'email',
      subject: 'Hello',
      preheader: 'Pre',
      heading: 'He',
      paragraphs: ['One'],
    });
    expect(parseOutput('email', 'garbage')).toBeNull();
    expect(parseOutput('note', '{"text": 5}')).toBeNull();
    expect(parseOutput('analysis', '{"points": ["a", "", 3]}')).toEqual({ kind: 'analysis', points: ['a'] });
    expect(parseOutput('step', '{"label": "Wait", "detail": "2 days"}')).toEqual({
      kind: 'step',
      label: 'Wait',
      detail: '2 days',
    });
  });
});
