import { randomInt, randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import {
  repairPlan,
  type AgentPlan,
  type AgentProgress,
  type AgentRun,
  type LandResult,
  type PlanBody,
  type Subtask,
  type SubtaskRun,
} from '../../../shared/agents/plan';
import { ErrorCode, MailyError, messageOf } from '../../../shared/errors';
import { journeyOutline } from '../ai/campaignContext';
import type { LlmNode } from '../llm/LlmNode';
import { AGENTS_ORIGIN, landPlan, unlandPlan } from './landPlan';
import { parseOutput, summarise } from './parseOutput';
import { requestedEmails, templatePlan, templateTitle } from './planTemplates';
import { AGENT_PROMPT_VERSION, coordinatorPrompt, subtaskPrompt } from './prompts';
import { runDag, type TaskOutcome } from './runDag';

/** A run's events, to the one session that started it. */
export interface AgentEvents {
  progress(payload: AgentProgress): void;
}

export interface AgentServiceOptions {
  /** Where every job runs: the local node, or the mesh router that spreads jobs over the team's nodes. */
  node: LlmNode;
  /** Reads a campaign's document (the host's copy); throws E_NOT_FOUND for a missing campaign. */
  read<T>(campaignId: string, fn: (doc: Y.Doc) => T): T;
  /** Stores and applies an update to a campaign (`docs.applyUpdate`). */
  apply(campaignId: string, update: Uint8Array, origin: unknown): void;
  /** Makes sure a model is loaded before a job; throws a MailyError saying what to do. */
  prepare?: () => Promise<void>;
  /** A whole run's deadline, in ms. Defaults to 10 minutes. */
  runDeadlineMs?: number;
  /**
   * The coordinator's deadline, in ms. Defaults to 150 s: `agents:plan` answers within the
   * window's wait for it (`slowChannels`), with the built-in plan when the model is slower.
   */
  planDeadlineMs?: number;
  /** Subtasks running at once. Defaults to all that are ready (the mesh spreads them). */
  maxParallel?: number;
  /** Tries per subtask when an answer cannot be read (blank fields, cut off). Defaults to 2. */
  attempts?: number;
  /** The name of a mesh node by id (a teammate's desktop, a server), for the plan graph. Defaults to the id. */
  nodeName?: (nodeId: string) => string | null | undefined;
  /** Streamed text goes to the window at most this often, in ms. Defaults to 50. */
  progressEveryMs?: number;
}

/** Plans and runs kept in memory (the oldest go first). */
const MAX_PLANS = 50;
const MAX_RUNS = 20;
/** Most characters of a subtask's streamed text kept for `agents:get`. */
const MAX_TEXT = 8_000;

interface RunEntry {
  view: AgentRun;
  plan: AgentPlan;
  controller: AbortController;
  why: 'cancel' | 'deadline' | null;
  events: AgentEvents;
  pending: Map<string, string>;
  timer: ReturnType<typeof setTimeout> | null;
}

const notFound = (what: string) =>
  new MailyError(ErrorCode.NotFound, `This ${what} is no longer known (Maily keeps the latest ones); plan again.`);

/**
 * The agents: a coordinator turns a designer's request into a plan of subtasks for
 * specialist roles (a JSON-schema constrained answer, checked and repaired, or a built-in
 * plan when it is unusable); a run executes the plan as a DAG, each subtask one
 * `generate` call on the node — the mesh router when there is one, so independent
 * subtasks run on different machines at once; a finished run lands on the canvas as
 * Email steps and notes, in one update.
 */
export class AgentService {
  readonly #options: AgentServiceOptions;
  readonly #plans = new Map<string, AgentPlan>();
  readonly #runs = new Map<string, RunEntry>();
  readonly #planJobs = new Set<AbortController>();
  #disposed = false;

  constructor(options: AgentServiceOptions) {
    this.#options = options;
  }

  /** Plans `request` for a campaign: the coordinator's plan, or the built-in one for this kind of request. */
  async plan(campaignId: string, request: string): Promise<AgentPlan> {
    this.#assertLive();
    const called = Date.now(); // loading a model counts against the coordinator's time
    const outline = this.#options.read(campaignId, (doc) => journeyOutline(doc, 40).text);
    await this.#options.prepare?.();
    const controller = new AbortController();
    this.#planJobs.add(controller);
    const notes: string[] = [];
    let body: PlanBody | null = null;
    try {
      const prompt = coordinatorPrompt(request, outline);
      const budget = this.#options.planDeadlineMs ?? 150_000; // within the window's wait (`slowChannels`)
      const deadline = Math.max(Date.now() + 1_000, called + budget);
      const result = await this.#options.node.generate({ ...prompt, deadline }, () => undefined, controller.signal);
      if (this.#disposed) throw disposed();
      const checked = repairPlan(json(result.text));
      if (result.stop === 'deadline' || result.stop === 'cancelled')
        notes.push(`The coordinator did not finish within ${Math.max(1, Math.round(budget / 1000))} s.`);
      else if (!checked.ok) notes.push(`The coordinator’s plan was unusable: ${checked.problems.join(' ')}`);
      else {
        notes.push(...checked.repairs);
        const missing = missingEmails(request, checked.plan);
        if (missing) notes.push(missing);
        else body = checked.plan;
      }
    } catch (error) {
      if (error instanceof MailyError && (error.code === ErrorCode.NotFound || error.code === ErrorCode.Disposed))
        throw error; // no model, or closing: the designer must act, a built-in plan would not run either
      notes.push(`The coordinator did not answer: ${messageOf(error, 'it failed')}`);
    } finally {
      this.#planJobs.delete(controller);
    }
    let template: string | null = null;
    if (!body) {
      const fallback = templatePlan(request);
      body = fallback.plan;
      template = templateTitle(fallback.id);
      notes.push(`Using the built-in “${template}” plan instead.`);
    }
    const plan: AgentPlan = {
      ...body,
      planId: randomUUID(),
      campaignId,
      request,
      source: template ? 'template' : 'model',
      template,
      notes: notes.slice(0, 12),
      promptVersion: AGENT_PROMPT_VERSION,
      createdAt: Date.now(),
    };
    remember(this.#plans, plan.planId, plan, MAX_PLANS);
    return plan;
  }

  /** Starts running a plan; its progress goes to `events`. Returns at once with the run's id. */
  run(campaignId: string, planId: string, events: AgentEvents, autoLand = false): { runId: string } {
    this.#assertLive();
    const plan = this.#plans.get(planId);
    if (!plan || plan.campaignId !== campaignId) throw notFound('plan');
    const runId = randomUUID();
    const view: AgentRun = {
      runId,
      planId,
      campaignId,
      state: 'running',
      subtasks: plan.subtasks.map((s) => ({ ...blank(s.id), text: '' })),
      startedAt: Date.now(),
      ms: 0,
      landed: null,
      autoLand,
      landError: null,
    };
    const entry: RunEntry = {
      view,
      plan,
      controller: new AbortController(),
      why: null,
      events,
      pending: new Map(),
      timer: null,
    };
    remember(this.#runs, runId, entry, MAX_RUNS);
    // On the next turn: the window must have the run id before the run's first event.
    setImmediate(() => void this.#execute(entry));
    return { runId };
  }

  /** Stops a run: running subtasks are cancelled, queued ones never start. Unknown or finished runs are ignored. */
  cancel(runId: string): { runId: string } {
    const entry = this.#runs.get(runId);
    if (entry && entry.view.state === 'running' && !entry.controller.signal.aborted) {
      entry.why = 'cancel';
      entry.controller.abort();
    }
    return { runId };
  }

  /** The run as it is now. */
  get(runId: string): AgentRun {
    const entry = this.#runs.get(runId);
    if (!entry) throw notFound('agents run');
    return structuredClone(entry.view);
  }

  /**
   * Adds a finished (or stopped) run's results to its campaign, in one update with the
   * origin `agents`. Landing twice answers with the first landing.
   */
  land(runId: string): LandResult {
    this.#assertLive();
    const entry = this.#runs.get(runId);
    if (!entry) throw notFound('agents run');
    const { view, plan } = entry;
    if (view.landed) return view.landed;
    if (view.state === 'running')
      throw new MailyError(ErrorCode.InvalidInput, 'The agents are still working; wait for them or stop them first.');
    if (!view.subtasks.some((s) => s.status === 'done'))
      throw new MailyError(ErrorCode.InvalidInput, 'No subtask finished, so there is nothing to add to the canvas.');
    const landing = this.#options.read(view.campaignId, (doc) => landPlan(doc, plan, view.subtasks));
    this.#options.apply(view.campaignId, landing.update, AGENTS_ORIGIN);
    view.landed = { nodeIds: landing.nodeIds, emails: landing.emails, edges: landing.edges, landedAt: Date.now() };
    return view.landed;
  }

  /**
   * Removes what a run's landing added (the steps still there, with their email bodies),
   * in one update; the run can then be landed again. The canvas's own undo covers only the
   * designer's edits, so this is the landing's undo.
   */
  unland(runId: string): { removed: number } {
    this.#assertLive();
    const entry = this.#runs.get(runId);
    if (!entry) throw notFound('agents run');
    const landed = entry.view.landed;
    if (!landed) return { removed: 0 };
    const undo = this.#options.read(entry.view.campaignId, (doc) => unlandPlan(doc, landed.nodeIds));
    if (undo) this.#options.apply(entry.view.campaignId, undo.update, AGENTS_ORIGIN);
    entry.view.landed = null;
    return { removed: undo?.removed ?? 0 };
  }

  dispose(): void {
    this.#disposed = true;
    for (const c of this.#planJobs) c.abort();
    for (const entry of this.#runs.values()) {
      entry.why ??= 'cancel';
      entry.controller.abort();
      if (entry.timer) clearTimeout(entry.timer);
    }
  }

  #nodeName(id: string): string {
    try {
      return this.#options.nodeName?.(id)?.slice(0, 80) || id;
    } catch {
      return id;
    }
  }

  #assertLive(): void {
    if (this.#disposed) throw disposed();
  }

  async #execute(entry: RunEntry): Promise<void> {
    const { view, plan, controller } = entry;
    const deadlineAt = view.startedAt + (this.#options.runDeadlineMs ?? 600_000);
    const timer = setTimeout(() => {
      entry.why ??= 'deadline';
      controller.abort();
    }, deadlineAt - Date.now());
    try {
      try {
        await this.#options.prepare?.();
      } catch (error) {
        for (const s of view.subtasks) this.#update(entry, s.id, { status: 'failed', error: messageOf(error) });
        return;
      }
      await runDag(
        plan.subtasks,
        {
          run: (task, signal) => this.#runSubtask(entry, task, signal, deadlineAt),
          skip: (task, blockedBy) =>
            this.#update(entry, task.id, {
              status: blockedBy ? 'failed' : entry.why === 'deadline' ? 'failed' : 'cancelled',
              error: blockedBy
                ? `Did not run: “${blockedBy.title}” did not finish.`
                : entry.why === 'deadline'
                  ? 'The run’s deadline passed before this subtask started.'
                  : 'Stopped before it started.',
            }),
        },
        controller.signal,
        this.#options.maxParallel,
      );
    } finally {
      clearTimeout(timer);
      this.#flush(entry);
      view.ms = Date.now() - view.startedAt;
      view.state =
        entry.why === 'cancel' ? 'cancelled' : view.subtasks.every((s) => s.status === 'done') ? 'done' : 'failed';
      if (view.autoLand && !this.#disposed && view.subtasks.some((s) => s.status === 'done')) {
        try {
          this.land(view.runId);
        } catch (error) {
          view.landError = messageOf(error, 'The results could not be added to the canvas.');
        }
      }
      this.#emit(entry, null, '');
    }
  }

  async #runSubtask(entry: RunEntry, task: Subtask, signal: AbortSignal, deadline: number): Promise<TaskOutcome> {
    const started = performance.now();
    this.#update(entry, task.id, { status: 'running' });
    const dependencies = task.dependsOn.flatMap((id) => {
      const dep = entry.view.subtasks.find((s) => s.id === id);
      const planned = entry.plan.subtasks.find((s) => s.id === id);
      return dep?.output && planned
        ? [{ title: planned.title, role: planned.role, summary: summarise(dep.output) }]
        : [];
    });
    const prompt = subtaskPrompt(entry.plan.goal, entry.plan.request, task, dependencies);
    const view = entry.view.subtasks.find((s) => s.id === task.id)!;
    const nodes: string[] = [];
    let tokens = 0;
    try {
      for (let attempt = 1; ; attempt++) {
        // A retry samples afresh: a node may otherwise repeat the same answer for the same prompt.
        const retry =
          attempt > 1 ? { seed: randomInt(1, 2 ** 31), temperature: Math.min(1, prompt.temperature + 0.2) } : {};
        const result = await this.#options.node.generate(
          {
            ...prompt,
            ...retry,
            deadline,
            // say where it runs while it runs (the mesh may move it after a failover)
            onRoute: (nodeId) => {
              const ran = [...nodes, nodeId].slice(-8);
              this.#update(entry, task.id, { nodes: ran, nodeNames: ran.map((id) => this.#nodeName(id)) });
            },
          },
          (delta) => {
            if (view.text.length < MAX_TEXT) view.text += delta.slice(0, MAX_TEXT - view.text.length);
            view.tokens += 1;
            entry.pending.set(task.id, (entry.pending.get(task.id) ?? '') + delta);
            entry.timer ??= setTimeout(() => this.#flush(entry), this.#options.progressEveryMs ?? 50);
          },
          signal,
        );
        nodes.push(...(result.nodes?.length ? result.nodes : [this.#options.node.id]));
        tokens += result.tokens;
        const ran = nodes.slice(-8);
        const nodeNames = ran.map((id) => this.#nodeName(id));
        const base = { nodes: ran, nodeNames, tokens, ms: Math.round(performance.now() - started) };
        if (result.stop === 'cancelled' || signal.aborted) {
          const deadlinePassed = entry.why === 'deadline';
          this.#update(entry, task.id, {
            ...base,
            status: deadlinePassed ? 'failed' : 'cancelled',
            error: deadlinePassed ? 'The run’s deadline passed while this subtask was running.' : 'Stopped.',
          });
          return deadlinePassed ? 'failed' : 'cancelled';
        }
        if (result.stop === 'deadline') {
          this.#update(entry, task.id, { ...base, status: 'failed', error: 'The run’s deadline passed.' });
          return 'failed';
        }
        const output = parseOutput(task.output, result.text);
        if (output) {
          this.#update(entry, task.id, { ...base, status: 'done', output, error: null });
          return 'done';
        }
        // A small model can answer an empty (all-blank) field or run out of tokens: ask once more.
        if (attempt < (this.#options.attempts ?? 2)) continue;
        const cut = result.stop === 'maxTokens' ? ` It was cut off after ${result.tokens} tokens.` : '';
        this.#update(entry, task.id, {
          ...base,
          status: 'failed',
          error: `The answer from ${nodeNames.at(-1)} could not be read as ${article(task.output)} (${attempt} tries).${cut}`,
        });
        return 'failed';
      }
    } catch (error) {
      this.#update(entry, task.id, {
        status: 'failed',
        ms: Math.round(performance.now() - started),
        error: messageOf(error, 'The node failed while running this subtask.'),
      });
      return 'failed';
    }
  }

  /** Changes one subtask and tells the window at once (with its pending text first). */
  #update(entry: RunEntry, id: string, changes: Partial<SubtaskRun>): void {
    const view = entry.view.subtasks.find((s) => s.id === id);
    if (!view) return;
    Object.assign(view, changes);
    const delta = entry.pending.get(id) ?? '';
    entry.pending.delete(id);
    this.#emit(entry, view, delta);
  }

  #flush(entry: RunEntry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    for (const [id, delta] of [...entry.pending]) {
      entry.pending.delete(id);
      const view = entry.view.subtasks.find((s) => s.id === id);
      if (view && delta) this.#emit(entry, view, delta);
    }
  }

  #emit(entry: RunEntry, subtask: (SubtaskRun & { text?: string }) | null, delta: string): void {
    let copy: SubtaskRun | null = null;
    if (subtask) {
      const { text: _text, ...rest } = subtask;
      copy = structuredClone(rest);
    }
    try {
      entry.events.progress({
        runId: entry.view.runId,
        state: entry.view.state,
        ms: entry.view.state === 'running' ? Date.now() - entry.view.startedAt : entry.view.ms,
        subtask: copy,
        delta,
        landed: entry.view.landed,
        landError: entry.view.landError,
      });
    } catch {
      // the window went away; the run goes on and can be read with agents:get
    }
  }
}

function blank(id: string): SubtaskRun {
  return { id, status: 'queued', nodes: [], nodeNames: [], tokens: 0, ms: 0, output: null, error: null };
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const article = (kind: string) => (kind === 'email' || kind === 'analysis' ? `an ${kind}` : `a ${kind}`);

const disposed = () => new MailyError(ErrorCode.Disposed, 'Maily is closing; the agents stopped.');

/**
 * Why a plan does not do what the request asks: fewer emails than asked for ("a 3-email
 * series"), or none when the request is about emails. Null when it does.
 */
export function missingEmails(request: string, plan: PlanBody): string | null {
  const emails = plan.subtasks.filter((s) => s.output === 'email').length;
  const wanted = requestedEmails(request) ?? (/e-?mails?|series|newsletter|sequence/i.test(request) ? 1 : 0);
  if (emails >= wanted) return null;
  return `The coordinator’s plan writes ${emails} email${emails === 1 ? '' : 's'}; the request asks for ${wanted}.`;
}

function remember<T>(map: Map<string, T>, key: string, value: T, max: number): void {
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next().value as string;
    map.delete(oldest);
  }
}
