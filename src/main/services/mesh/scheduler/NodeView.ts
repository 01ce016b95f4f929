/**
 * What the scheduler knows of one LLM node: its advertisement (models, slots, queue) as
 * last reported, plus what was measured from this side (round trip, health). A remote
 * node's view can be stale; the scheduler's own bookkeeping fills the gap.
 */

/** A model a node can run, with the context size it was loaded with. */
export interface NodeModel {
  id: string;
  contextSize: number;
}

/** A peer's circuit-breaker state: `open` peers get no jobs. */
export type Health = 'closed' | 'open' | 'half-open';

export interface NodeView {
  id: string;
  /** This machine's own node (preferred on ties). */
  isLocal: boolean;
  models: NodeModel[];
  /** Jobs the node runs at once. */
  slots: number;
  /** Jobs running on the node, as last reported. */
  running: number;
  /** Jobs waiting on the node, as last reported. */
  queued: number;
  /**
   * Tokens per second of one job, as the node advertises it (an EWMA of its own jobs).
   * The scheduler prefers the speed it has learned itself; undefined when unknown.
   */
  tokensPerSecond?: number;
  /** Measured round trip to the node; 0 for the local node. */
  roundTripMs: number;
  /** Expected time from start to first token (prompt processing). Defaults to 0. */
  firstTokenMs?: number;
  health: Health;
}

/** A job as the scheduler sees it. */
export interface JobSpec {
  /** The model id the job needs; any model when undefined. */
  model?: string;
  /** The least context size the job needs. */
  minContext?: number;
  /** The job's token limit, taken as its expected length. */
  maxTokens: number;
  /** Absolute deadline, ms since the epoch (as in `GenerateRequest`). */
  deadline?: number;
}

/** True when `node` has a model that fits `job`. */
export function hasSuitableModel(node: NodeView, job: JobSpec): boolean {
  return node.models.some(
    (m) => (job.model === undefined || m.id === job.model) && m.contextSize >= (job.minContext ?? 0),
  );
}
