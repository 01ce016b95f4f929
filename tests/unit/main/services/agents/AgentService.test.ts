import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AgentService, missingEmails } from '../../../../../src/main/services/agents/AgentService';
import { runDag } from '../../../../../src/main/services/agents/runDag';
import type { LlmNode } from '../../../../../src/main/services/llm/LlmNode';
import type { AgentProgress, AgentRun, Subtask } from '../../../../../src/shared/agents/plan';
import type { GenerateRequest, GenerateResult, LlmStatus } from '../../../../../src/shared/ai/llm';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import { emailsMap } from '../../../../../src/shared/email/emailDoc';
import { readJourney, removeElements } from '../../../../../src/shared/journey/ydoc';
import { buildTemplate } from '../../../../../src/shared/templates';

/**
 * Scheduling logic only: a fake node answers by the output kind its schema asks for, after
 * `ms`, recording how many jobs ran at once. Real inference is in the integration test.
 */
function fakeNode(
  options: { ms?: number; plan?: string; fail?: (prompt: string) => boolean; blankNotes?: number } = {},
) {
  let blanks = options.blankNotes ?? 0;
  const requests: GenerateRequest[] = [];
  const state = { active: 0, maxActive: 0, order: [] as string[] };
  const answer = (request: GenerateRequest): string => {
    const props = Object.keys((request.jsonSchema?.properties as Record<string, unknown>) ?? {});
    if (props.includes('subtasks')) return options.plan ?? 'not json';
    if (props.includes('subject'))
      return JSON.stringify({ subject: 'Hi\u0007 there', preheader: 'p', heading: 'H', paragraphs: ['One.', 'Two.'] });
    if (props.includes('points')) return JSON.stringify({ points: ['Point'] });
    if (props.includes('label')) return JSON.stringify({ label: 'Wait', detail: 'Two days' });
    if (blanks > 0) {
      blanks--;
      return JSON.stringify({ text: ' \n ' }); // what a small model writes under `minLength: 1`
    }
    return JSON.stringify({ text: 'A note' });
  };
  const node: LlmNode & { requests: GenerateRequest[] } = {
    id: 'fake',
    requests,
    status: () => ({ state: 'ready' }) as LlmStatus,
    onStatus: () => () => undefined,
    modelId: () => 'tiny.gguf',
    embed: async () => [],
    dispose: async () => undefined,
    async generate(request, onText, signal): Promise<GenerateResult> {
      requests.push(request);
      const prompt = request.messages.map((m) => m.content).join('\n');
      const task = /Your task: (.*)/.exec(prompt)?.[1] ?? 'plan';
      if (task === 'plan') return { text: answer(request), tokens: 10, stop: 'done', ms: 1 };
      state.order.push(task);
      state.active++;
      state.maxActive = Math.max(state.maxActive, state.active);
      try {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.ms ?? 5);
          signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
        if (signal?.aborted) return { text: '', tokens: 0, stop: 'cancelled', ms: 1 };
        if (options.fail?.(prompt)) throw new MailyError(ErrorCode.Internal, 'The node broke.');
        const text = answer(request);
        onText(text);
        return { text, tokens: 10, stop: 'done', ms: 1, nodes: [`node-${requests.length % 2}`] };
      } finally {
        state.active--;
      }
    },
  };
  return { node, state };
}

function setUp(options: Parameters<typeof fakeNode>[0] = {}) {
  const doc = buildTemplate('welcome');
  const { node, state } = fakeNode(options);
  const applied: Uint8Array[] = [];
  const agents = new AgentService({
    node,
    read: <T>(_id: string, fn: (d: Y.Doc) => T) => fn(doc),
    apply: (_id, update) => {
      applied.push(update);
      Y.applyUpdate(doc, update);
    },
    progressEveryMs: 1,
    nodeName: (id) => (id === 'node-0' ? 'Ana’s desktop' : null),
  });
  return { doc, node, state, agents, applied };
}

async function runToEnd(agents: AgentService, campaignId: string, planId: string, onStart?: (runId: string) => void) {
  const events: AgentProgress[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const { runId } = agents.run(campaignId, planId, {
    progress: (p) => {
      events.push(p);
      if (p.subtask === null) finish();
    },
  });
  onStart?.(runId);
  await finished;
  return { runId, events, run: agents.get(runId) };
}

describe('AgentService planning', () => {
  it('falls back to the built-in plan when the coordinator answers garbage, and says so', async () => {
    const { agents, node } = setUp({ plan: '{"goal": "x", "subt' });
    const plan = await agents.plan('c', 'Draft a 3-email welcome series');
    expect(plan.source).toBe('template');
    expect(plan.template).toBe('Welcome series');
    expect(plan.subtasks.filter((s) => s.output === 'email')).toHaveLength(3);
    expect(plan.notes.join(' ')).toMatch(/unusable/);
    expect(node.requests[0].jsonSchema).toBeDefined();
  });

  it('keeps a usable model plan, repaired, and refuses one without the emails asked for', async () => {
    const modelPlan = {
      goal: 'Two emails',
      subtasks: [
        { id: 't1', role: 'content', title: 'First', instructions: 'x', dependsOn: ['t2'], output: 'email' },
        { id: 't2', role: 'content', title: 'Second', instructions: 'x', dependsOn: ['t1'], output: 'email' },
      ],
    };
    const { agents } = setUp({ plan: JSON.stringify(modelPlan) });
    const plan = await agents.plan('c', 'Write 2 emails');
    expect(plan.source).toBe('model');
    expect(plan.notes.join(' ')).toMatch(/circle/);
    // The first dependency in plan order stays; the one that closes the circle goes.
    expect(plan.subtasks.map((s) => s.dependsOn)).toEqual([['t2'], []]);
    const fewer = await agents.plan('c', 'Write a 5-email series');
    expect(fewer.source).toBe('template');
    expect(fewer.notes.join(' ')).toMatch(/writes 2 emails; the request asks for 5/);
    expect(missingEmails('Review the journey', { goal: 'g', subtasks: [] })).toBeNull();
  });

  it('uses the built-in plan when the coordinator does not finish in time', async () => {
    const doc = buildTemplate('welcome');
    const { node } = fakeNode();
    const slow: LlmNode = {
      ...node,
      generate: async (request) => {
        await new Promise((r) => setTimeout(r, Math.max(0, request.deadline! - Date.now())));
        return { text: '{"goal": "Half a pl', tokens: 5, stop: 'deadline', ms: 1 };
      },
    };
    const agents = new AgentService({
      node: slow,
      read: <T>(_id: string, fn: (d: Y.Doc) => T) => fn(doc),
      apply: () => undefined,
      planDeadlineMs: 30,
    });
    const plan = await agents.plan('c', 'Win back inactive customers with 3 emails');
    expect(plan).toMatchObject({ source: 'template', template: 'Re-engagement' });
    expect(plan.notes[0]).toBe('The coordinator did not finish within 1 s.');
  });

  it('refuses an unknown plan or a plan of another campaign', async () => {
    const { agents } = setUp();
    const plan = await agents.plan('c', 'welcome series');
    expect(() => agents.run('other', plan.planId, { progress: () => undefined })).toThrow(/no longer known/);
    expect(() => agents.get('nope')).toThrow(MailyError);
  });
});

describe('AgentService runs', () => {
  it('runs independent subtasks at the same time and each after its dependencies', async () => {
    const { agents, state } = setUp({ ms: 20 });
    const plan = await agents.plan('c', 'Draft a 3-email welcome series');
    state.order.length = 0;
    state.maxActive = 0;
    const { run, events } = await runToEnd(agents, 'c', plan.planId);
    expect(run.state).toBe('done');
    expect(run.subtasks.every((s) => s.status === 'done')).toBe(true);
    // audience + design together, then the three emails together.
    expect(state.maxActive).toBe(3);
    const at = (title: string) => state.order.indexOf(title);
    expect(at('Audience and timing')).toBeLessThan(at('Welcome email'));
    expect(at('Layout and tone')).toBeLessThan(at('Check-in'));
    expect(at('Personalisation')).toBeGreaterThan(at('Check-in'));
    expect(at('Review the series')).toBe(state.order.length - 1);
    // Statuses went queued → running → done, with the node that ran each one.
    const email1 = events.filter((e) => e.subtask?.id === 'email1').map((e) => e.subtask!.status);
    expect(email1[0]).toBe('running');
    expect(email1.at(-1)).toBe('done');
    expect(run.subtasks.find((s) => s.id === 'email1')!.nodes[0]).toMatch(/^node-/);
    // Names come from the mesh where it knows them, else the id.
    const names = new Set(run.subtasks.flatMap((s) => s.nodeNames));
    expect([...names].sort()).toEqual(['Ana’s desktop', 'node-1']);
    const output = run.subtasks.find((s) => s.id === 'email1')!.output;
    expect(output).toMatchObject({ kind: 'email', subject: 'Hi there' }); // control character gone
    expect(run.subtasks).toHaveLength(7);
  });

  it('passes dependency outputs into prompts', async () => {
    const { agents, node } = setUp();
    const plan = await agents.plan('c', 'welcome series');
    await runToEnd(agents, 'c', plan.planId);
    const review = node.requests.find((r) => r.messages[1].content.includes('Your task: Review the series'))!;
    expect(review.messages[1].content).toContain('Subject: Hi there');
    expect(review.messages[1].content).toContain('## Personalisation (personalisation)');
  });

  it('fails the dependants of a failed subtask with a reason, and runs the rest', async () => {
    const { agents } = setUp({ fail: (p) => p.includes('Your task: Getting started tips') });
    const plan = await agents.plan('c', 'Draft a 3-email welcome series');
    const { run } = await runToEnd(agents, 'c', plan.planId);
    const by = (id: string) => run.subtasks.find((s) => s.id === id)!;
    expect(run.state).toBe('failed');
    expect(by('email2')).toMatchObject({ status: 'failed', error: 'The node broke.' });
    expect(by('email1').status).toBe('done');
    expect(by('email3').status).toBe('done');
    expect(by('personalise')).toMatchObject({
      status: 'failed',
      error: 'Did not run: “Getting started tips” did not finish.',
    });
    expect(by('review')).toMatchObject({ status: 'failed' });
    // What finished can still land.
    const landed = agents.land(run.runId);
    expect(landed.emails).toBe(2);
  });

  it('asks once more when an answer is blank, then fails the subtask saying so', async () => {
    const once = setUp({ blankNotes: 1 });
    const plan = await once.agents.plan('c', 'welcome series');
    const { run } = await runToEnd(once.agents, 'c', plan.planId);
    expect(run.state).toBe('done');
    const design = run.subtasks.find((s) => s.id === 'design')!;
    expect(design.nodes).toHaveLength(2);

    const always = setUp({ blankNotes: 100 });
    const again = await always.agents.plan('c', 'welcome series');
    const failed = (await runToEnd(always.agents, 'c', again.planId)).run;
    expect(failed.subtasks.find((s) => s.id === 'design')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/could not be read as a note \(2 tries\)/),
    });
  });

  it('stops a whole run: running subtasks are cancelled, queued ones never start', async () => {
    const { agents, state } = setUp({ ms: 10_000 });
    const plan = await agents.plan('c', 'welcome series');
    state.order.length = 0;
    const { run } = await runToEnd(agents, 'c', plan.planId, (runId) => {
      setTimeout(() => agents.cancel(runId), 30);
    });
    expect(run.state).toBe('cancelled');
    expect(run.subtasks.every((s) => s.status === 'cancelled')).toBe(true);
    expect(state.order).toEqual(['Audience and timing', 'Layout and tone']);
    expect(() => agents.land(run.runId)).toThrow(/nothing to add/);
  });

  it('fails what is left when the run’s deadline passes', async () => {
    const doc = buildTemplate('welcome');
    const { node } = fakeNode({ ms: 10_000 });
    const agents = new AgentService({
      node,
      read: <T>(_id: string, fn: (d: Y.Doc) => T) => fn(doc),
      apply: () => undefined,
      runDeadlineMs: 50,
    });
    const plan = await agents.plan('c', 'welcome series');
    const { run } = await runToEnd(agents, 'c', plan.planId);
    expect(run.state).toBe('failed');
    expect(run.subtasks[0].error).toMatch(/deadline/);
    expect(run.subtasks.at(-1)!.error).toMatch(/deadline|did not finish/);
  });

  it('fails every subtask with what to do when no model can be prepared', async () => {
    const doc = buildTemplate('welcome');
    const { node } = fakeNode();
    let prepared = 0;
    const agents = new AgentService({
      node,
      read: <T>(_id: string, fn: (d: Y.Doc) => T) => fn(doc),
      apply: () => undefined,
      prepare: async () => {
        if (prepared++ > 0) throw new MailyError(ErrorCode.NotFound, 'No AI model yet.');
      },
    });
    const plan = await agents.plan('c', 'welcome series');
    const { run } = await runToEnd(agents, 'c', plan.planId);
    expect(run.subtasks.every((s) => s.status === 'failed' && s.error === 'No AI model yet.')).toBe(true);
    await expect(agents.plan('c', 'again')).rejects.toThrow('No AI model yet.');
  });

  it('lands once, in one update, and answers a second landing with the first', async () => {
    const { agents, applied } = setUp();
    const plan = await agents.plan('c', 'Draft a 3-email welcome series');
    const { runId, run } = await runToEnd(agents, 'c', plan.planId);
    expect(() => agents.land('unknown')).toThrow(MailyError);
    const first = agents.land(runId);
    expect(agents.land(runId)).toBe(first);
    expect(applied).toHaveLength(1);
    expect(first.emails).toBe(3);
    expect((agents.get(runId) as AgentRun).landed).toEqual(first);
    expect(run.landed).toBeNull();
  });

  it('lands by itself when asked, and says so in the last event', async () => {
    const { agents, applied } = setUp();
    const plan = await agents.plan('c', 'Draft a 2-email welcome series');
    const events: AgentProgress[] = [];
    await new Promise<void>((resolve) => {
      agents.run(
        'c',
        plan.planId,
        {
          progress: (p) => {
            events.push(p);
            if (p.subtask === null) resolve();
          },
        },
        true,
      );
    });
    expect(applied).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ state: 'done', landed: { emails: 2 }, landError: null });
  });

  it('takes a landing back in one update, and lands again after', async () => {
    const { agents, applied, doc } = setUp();
    const emails = () => readJourney(doc).nodes.filter((n) => n.kind === 'email').length;
    const plan = await agents.plan('c', 'Draft a 3-email welcome series');
    const { runId } = await runToEnd(agents, 'c', plan.planId);
    const landed = agents.land(runId);
    expect(emails()).toBe(6);
    // The designer deletes one of the added steps meanwhile: only what is left is removed.
    removeElements(doc, [landed.nodeIds[0]], []);
    expect(agents.unland(runId)).toEqual({ removed: landed.nodeIds.length - 1 });
    expect(applied).toHaveLength(2);
    expect(emails()).toBe(3);
    expect(landed.nodeIds.some((id) => emailsMap(doc).has(id))).toBe(false);
    expect(agents.unland(runId)).toEqual({ removed: 0 });
    expect(agents.land(runId).emails).toBe(3);
    expect(emails()).toBe(6);
  });
});

describe('runDag', () => {
  const t = (id: string, dependsOn: string[] = []): Subtask => ({
    id,
    dependsOn,
    role: 'content',
    title: id,
    instructions: '',
    output: 'note',
  });

  it('honours maxParallel', async () => {
    let active = 0;
    let most = 0;
    const outcome = await runDag(
      [t('a'), t('b'), t('c'), t('d', ['a'])],
      {
        run: async () => {
          active++;
          most = Math.max(most, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return 'done';
        },
        skip: () => undefined,
      },
      new AbortController().signal,
      2,
    );
    expect(most).toBe(2);
    expect([...outcome.values()].every((o) => o === 'done')).toBe(true);
  });

  it('treats a rejected task as failed and blocks its dependants transitively', async () => {
    const skipped: [string, string | null][] = [];
    const outcome = await runDag(
      [t('a'), t('b', ['a']), t('c', ['b']), t('d')],
      {
        run: async (task) => {
          if (task.id === 'a') throw new Error('boom');
          return 'done';
        },
        skip: (task, by) => skipped.push([task.id, by?.id ?? null]),
      },
      new AbortController().signal,
    );
    expect(Object.fromEntries(outcome)).toEqual({ a: 'failed', b: 'failed', c: 'failed', d: 'done' });
    expect(skipped).toEqual([
      ['b', 'a'],
      ['c', 'b'],
    ]);
  });
});
