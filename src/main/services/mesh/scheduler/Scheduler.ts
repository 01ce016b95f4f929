import { ewma, expectedCompletionMs } from './estimate';
import { hasSuitableModel, type JobSpec, type NodeView } from './NodeView';

export interface SchedulerOptions {
  /** A local node within this fraction of the best time wins. Defaults to 0.05. */
  localTieRatio?: number;
  /** Speed assumed for a node nothing is known of. Defaults to 20 tokens/s. */
  defaultTokensPerSecond?: number;
  /** Weight of each new speed sample in the EWMA. Defaults to 0.3. */
  speedAlpha?: number;
  /** Length assumed for a job another client put on a node. Defaults to 256 tokens. */
  defaultJobTokens?: number;
  /** The clock deadlines are compared with. Defaults to `Date.now`. */
  now?: () => number;
}

/** Where a job goes, or why it goes nowhere. */
export type Route =
  | { ok: true; nodeId: string; expectedMs: number }
  | { ok: false; reason: 'no-suitable-node' | 'all-open' | 'deadline'; bestMs?: number };

interface TrackedJob {
  tokens: number;
  done: number;
}

/**
 * Routes each job to the node with the lowest expected completion time among nodes that
 * have a suitable model and are not open-circuit, preferring the local node on near
 * ties. Its bookkeeping (`started`, `progress`, `finished`) learns each node's speed and
 * tracks the jobs it placed, so it routes sensibly on stale remote status too.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Map<string, TrackedJob>>();
  private readonly speeds = new Map<string, number>();
  private readonly localTieRatio: number;
  private readonly defaultTokensPerSecond: number;
  private readonly speedAlpha: number;
  private readonly defaultJobTokens: number;
  private readonly now: () => number;

  constructor(options: SchedulerOptions = {}) {
    this.localTieRatio = options.localTieRatio ?? 0.05;
    this.defaultTokensPerSecond = options.defaultTokensPerSecond ?? 20;
    this.speedAlpha = options.speedAlpha ?? 0.3;
    this.defaultJobTokens = options.defaultJobTokens ?? 256;
    this.now = options.now ?? Date.now;
  }

  /** The chosen node and its expected completion time, or null (see `route` for why). */
  pick(job: JobSpec, nodes: NodeView[]): { nodeId: string; expectedMs: number } | null {
    const route = this.route(job, nodes);
    return route.ok ? { nodeId: route.nodeId, expectedMs: route.expectedMs } : null;
  }

  /** Like `pick`, with the reason when no node can take the job. */
  route(job: JobSpec, nodes: NodeView[]): Route {
    const suitable = nodes.filter((n) => hasSuitableModel(n, job));
    if (suitable.length === 0) return { ok: false, reason: 'no-suitable-node' };
    const healthy = suitable.filter((n) => n.health !== 'open');
    if (healthy.length === 0) return { ok: false, reason: 'all-open' };
    let best: { node: NodeView; ms: number } | undefined;
    let local: { node: NodeView; ms: number } | undefined;
    for (const node of healthy) {
      const ms = this.expectedMs(node, job.maxTokens);
      if (!best || ms < best.ms) best = { node, ms };
      if (node.isLocal && (!local || ms < local.ms)) local = { node, ms };
    }
    const chosen = best && local && local.ms <= best.ms * (1 + this.localTieRatio) ? local : best;
    if (!chosen) return { ok: false, reason: 'all-open' };
    if (job.deadline !== undefined && this.now() + chosen.ms > job.deadline) {
      return { ok: false, reason: 'deadline', bestMs: best?.ms };
    }
    return { ok: true, nodeId: chosen.node.id, expectedMs: chosen.ms };
  }

  /** Expected ms until a job of `tokens` tokens would complete on `node`. */
  expectedMs(node: NodeView, tokens: number): number {
    return expectedCompletionMs(
      {
        slots: node.slots,
        tokensPerSecond: this.speedOf(node),
        aheadTokens: this.aheadTokens(node),
        roundTripMs: node.roundTripMs,
        firstTokenMs: node.firstTokenMs,
      },
      tokens,
    );
  }

  /** The speed used for `node`: learned here, else advertised, else the default. */
  speedOf(node: Pick<NodeView, 'id' | 'tokensPerSecond'>): number {
    return this.speeds.get(node.id) ?? node.tokensPerSecond ?? this.defaultTokensPerSecond;
  }

  /** Records that job `jobId` of `tokens` tokens was sent to `nodeId`. */
  started(nodeId: string, jobId: string, tokens: number): void {
    let onNode = this.jobs.get(nodeId);
    if (!onNode) this.jobs.set(nodeId, (onNode = new Map()));
    onNode.set(jobId, { tokens, done: 0 });
  }

  /** Records that `tokens` tokens of the job have streamed back so far. */
  progress(nodeId: string, jobId: string, tokens: number): void {
    const job = this.jobs.get(nodeId)?.get(jobId);
    if (job) job.done = Math.min(job.tokens, Math.max(job.done, tokens));
  }

  /**
   * Records the end of a job. `ms` is its generation time (first token to last, as seen
   * in the stream); an `ok` job with tokens updates the node's speed.
   */
  finished(nodeId: string, jobId: string, result: { tokens: number; ms: number; ok: boolean }): void {
    this.jobs.get(nodeId)?.delete(jobId);
    if (!result.ok || result.tokens <= 0 || result.ms <= 0) return;
    const sample = result.tokens / (result.ms / 1000);
    this.speeds.set(nodeId, ewma(this.speeds.get(nodeId), sample, this.speedAlpha));
  }

  /** Jobs this scheduler has placed on `nodeId` and not seen finish. */
  inFlight(nodeId: string): number {
    return this.jobs.get(nodeId)?.size ?? 0;
  }

  /**
   * Remaining tokens of the work ahead on `node`: our own jobs (known lengths and
   * progress), plus any others its status reports (assumed default length).
   */
  private aheadTokens(node: NodeView): number[] {
    const own = [...(this.jobs.get(node.id)?.values() ?? [])].map((j) => j.tokens - j.done);
    const reported = node.running + node.queued;
    const others = Math.max(0, reported - own.length);
    return [...own, ...new Array<number>(others).fill(this.defaultJobTokens)];
  }
}
