import { z } from 'zod';

/**
 * Agent plans: a coordinator turns a designer's request ("draft a 3-email welcome
 * series") into subtasks for specialist roles with dependencies, run as a DAG across
 * the LLM mesh. This file is the plan's shape and its checks; pure, no I/O.
 */

export const agentRoles = ['content', 'design', 'analytics', 'personalisation', 'critic'] as const;
export type AgentRole = (typeof agentRoles)[number];

export const subtaskOutputs = ['email', 'step', 'note', 'analysis'] as const;
export type SubtaskOutputKind = (typeof subtaskOutputs)[number];

/** Most subtasks a plan may have. */
export const MAX_SUBTASKS = 10;
/** Longest chain of dependencies (a plan of independent subtasks has depth 1). */
export const MAX_DEPTH = 4;
/** Most characters of a designer's request. */
export const MAX_REQUEST_CHARS = 1_000;

const subtaskId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'A subtask id is letters, digits, _ or -');

export const subtaskSchema = z.object({
  id: subtaskId,
  role: z.enum(agentRoles),
  title: z.string().trim().min(1).max(200),
  instructions: z.string().trim().max(2_000),
  dependsOn: z.array(z.string().max(64)).max(MAX_SUBTASKS),
  output: z.enum(subtaskOutputs),
});
export type Subtask = z.infer<typeof subtaskSchema>;

export const planBodySchema = z.object({
  goal: z.string().trim().min(1).max(300),
  subtasks: z
    .array(subtaskSchema)
    .min(1)
    .max(MAX_SUBTASKS * 3),
});
export type PlanBody = z.infer<typeof planBodySchema>;

/** A checked plan as the app keeps and shows it. */
export interface AgentPlan extends PlanBody {
  planId: string;
  campaignId: string;
  request: string;
  /** `model`: the coordinator's plan (maybe repaired); `template`: the built-in plan for this kind of request. */
  source: 'model' | 'template';
  /** The built-in plan's name when `source` is `template`. */
  template: string | null;
  /** What was wrong with the model's plan, what was repaired: shown with the plan. */
  notes: string[];
  promptVersion: string;
  createdAt: number;
}

export type SubtaskStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type RunState = 'running' | 'done' | 'failed' | 'cancelled';

export interface EmailOutput {
  kind: 'email';
  subject: string;
  preheader: string;
  heading: string;
  paragraphs: string[];
}
export interface StepOutput {
  kind: 'step';
  label: string;
  detail: string;
}
export interface NoteOutput {
  kind: 'note';
  text: string;
}
export interface AnalysisOutput {
  kind: 'analysis';
  points: string[];
}
export type SubtaskOutput = EmailOutput | StepOutput | NoteOutput | AnalysisOutput;

/** One subtask of a run, as the UI shows it. */
export interface SubtaskRun {
  id: string;
  status: SubtaskStatus;
  /** The mesh node(s) that ran it (more than one after a failover); empty until known. */
  nodes: string[];
  /** Their names as the mesh knows them (a teammate's name, a server's), in the same order; the id when unknown. */
  nodeNames: string[];
  tokens: number;
  ms: number;
  output: SubtaskOutput | null;
  /** Why it failed or did not run. */
  error: string | null;
}

export interface LandResult {
  /** The journey steps added (emails, waits, notes, maybe an entry). */
  nodeIds: string[];
  emails: number;
  edges: number;
  landedAt: number;
}

export interface AgentRun {
  runId: string;
  planId: string;
  campaignId: string;
  state: RunState;
  /** In plan order; `text` is what the model has written so far (capped). */
  subtasks: (SubtaskRun & { text: string })[];
  startedAt: number;
  ms: number;
  landed: LandResult | null;
  /** Lands on the canvas by itself once done. */
  autoLand: boolean;
  /** Why landing by itself did not work. */
  landError: string | null;
}

/** A run moved on: one subtask changed (or only the run's state, with `subtask` null). */
export interface AgentProgress {
  runId: string;
  state: RunState;
  /** Time since the run started, ms. */
  ms: number;
  subtask: SubtaskRun | null;
  /** New text of that subtask since the last event. */
  delta: string;
  landed: LandResult | null;
  landError: string | null;
}

/** The outcome of checking (and maybe repairing) a plan. */
export type PlanCheck = { ok: true; plan: PlanBody; repairs: string[] } | { ok: false; problems: string[] };

/**
 * The depth of each subtask (1 for no dependencies) in a plan known to be a DAG whose
 * dependencies all exist.
 */
export function depths(subtasks: readonly Pick<Subtask, 'id' | 'dependsOn'>[]): Map<string, number> {
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const deps = byId.get(id)?.dependsOn ?? [];
    const d = 1 + Math.max(0, ...deps.map(visit));
    depth.set(id, d);
    return d;
  };
  for (const s of subtasks) visit(s.id);
  return depth;
}

/** The ids of a cycle in the dependencies, or null when there is none (unknown ids are ignored). */
export function findCycle(subtasks: readonly Pick<Subtask, 'id' | 'dependsOn'>[]): string[] | null {
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const s of subtasks) {
    const cycle = visit(s.id);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * Checks a plan strictly: it parses, ids are unique, every dependency names another
 * subtask, there is no cycle, at most {@link MAX_SUBTASKS} subtasks and
 * {@link MAX_DEPTH} levels. Every problem is listed, in words a designer can read.
 */
export function checkPlan(raw: unknown): PlanCheck {
  const parsed = planBodySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 4)
      .map((i) => `${i.path.map(String).join('.') || 'plan'}: ${i.message}`);
    return { ok: false, problems };
  }
  const plan = parsed.data;
  const problems: string[] = [];
  if (plan.subtasks.length > MAX_SUBTASKS)
    problems.push(`The plan has ${plan.subtasks.length} subtasks; at most ${MAX_SUBTASKS} are allowed.`);
  const seen = new Set<string>();
  for (const s of plan.subtasks) {
    if (seen.has(s.id)) problems.push(`Two subtasks have the id “${s.id}”.`);
    seen.add(s.id);
  }
  for (const s of plan.subtasks) {
    for (const dep of s.dependsOn) {
      if (dep === s.id) problems.push(`“${s.id}” depends on itself.`);
      else if (!seen.has(dep)) problems.push(`“${s.id}” depends on “${dep}”, which is not in the plan.`);
    }
  }
  if (problems.length === 0) {
    const cycle = findCycle(plan.subtasks);
    if (cycle) problems.push(`The dependencies go round in a circle: ${cycle.join(' → ')}.`);
    else {
      const deepest = Math.max(...depths(plan.subtasks).values());
      if (deepest > MAX_DEPTH)
        problems.push(`The plan is ${deepest} steps deep; at most ${MAX_DEPTH} levels are allowed.`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, plan, repairs: [] };
}

/**
 * Repairs what can be repaired in a plan that parsed: duplicate ids are renamed,
 * unknown and self dependencies dropped, a dependency that closes a cycle or makes the
 * plan too deep dropped, subtasks past {@link MAX_SUBTASKS} left out. Each repair is
 * listed. A plan that does not parse cannot be repaired.
 */
export function repairPlan(raw: unknown): PlanCheck {
  const strict = checkPlan(raw);
  if (strict.ok) return strict;
  const parsed = planBodySchema.safeParse(raw);
  if (!parsed.success) return strict;
  const repairs: string[] = [];
  let subtasks = parsed.data.subtasks.map((s) => ({ ...s, dependsOn: [...new Set(s.dependsOn)] }));
  if (subtasks.length > MAX_SUBTASKS) {
    repairs.push(`Kept the first ${MAX_SUBTASKS} of ${subtasks.length} subtasks.`);
    subtasks = subtasks.slice(0, MAX_SUBTASKS);
  }
  const ids = new Set<string>();
  for (const s of subtasks) {
    if (ids.has(s.id)) {
      let n = 2;
      while (ids.has(`${s.id.slice(0, 28)}-${n}`)) n++;
      const renamed = `${s.id.slice(0, 28)}-${n}`;
      repairs.push(`Renamed a second “${s.id}” to “${renamed}”.`);
      s.id = renamed;
    }
    ids.add(s.id);
  }
  // Each dependency is added in plan order unless it closes a circle: what is left is a DAG.
  const kept = subtasks.map((s) => ({ ...s, dependsOn: [] as string[] }));
  for (const [i, s] of subtasks.entries()) {
    for (const dep of s.dependsOn) {
      if (dep === s.id) repairs.push(`Dropped “${s.id}” depending on itself.`);
      else if (!ids.has(dep)) repairs.push(`Dropped “${s.id}” depending on “${dep}”, which is not in the plan.`);
      else {
        kept[i].dependsOn.push(dep);
        if (findCycle(kept)) {
          kept[i].dependsOn.pop();
          repairs.push(`Dropped “${s.id}” depending on “${dep}”: it closed a circle.`);
        }
      }
    }
  }
  for (let guard = 0; guard < kept.length; guard++) {
    const depth = depths(kept);
    const tooDeep = kept.find((s) => (depth.get(s.id) ?? 1) > MAX_DEPTH);
    if (!tooDeep) break;
    repairs.push(`Dropped the dependencies of “${tooDeep.id}”: the plan was deeper than ${MAX_DEPTH} levels.`);
    tooDeep.dependsOn = [];
  }
  const plan = { goal: parsed.data.goal, subtasks: kept };
  const again = checkPlan(plan);
  return again.ok ? { ok: true, plan, repairs } : again;
}

/** Subtask ids in an order where each comes after its dependencies (plan order on ties). */
export function topologicalOrder(subtasks: readonly Pick<Subtask, 'id' | 'dependsOn'>[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  let progressed = true;
  while (progressed && order.length < subtasks.length) {
    progressed = false;
    for (const s of subtasks) {
      if (done.has(s.id) || !s.dependsOn.every((d) => done.has(d))) continue;
      done.add(s.id);
      order.push(s.id);
      progressed = true;
    }
  }
  return order;
}
