import type { GenerateRequest, GenerateResult, LlmStatus } from '../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { MeshNodeKind } from '../../../shared/mesh/mesh';
import type { LlmNode } from '../llm/LlmNode';
import { NodeStatus } from '../llm/NodeStatus';
import { CircuitBreaker } from './scheduler/CircuitBreaker';
import type { NodeModel, NodeView } from './scheduler/NodeView';
import { Scheduler } from './scheduler/Scheduler';

/** One node the router may send jobs to, with what the mesh knows of it. */
export interface MeshMember {
  node: LlmNode;
  kind: MeshNodeKind;
  name: string;
  /** Models it can run now (an idle local node lists the model it would load). */
  models: NodeModel[];
  slots: number;
  tokensPerSecond?: number;
  roundTripMs: number;
  /** Expected ms before its first token (e.g. a model still to load). */
  firstTokenMs?: number;
}

export interface MeshRouterOptions {
  /** The nodes right now (this machine's, teammates', external servers). */
  members(): MeshMember[];
  /** Before a job goes to this machine's own node (loads the default model when idle). */
  prepareLocal?(): Promise<void>;
  scheduler?: Scheduler;
  /** Most nodes one job is tried on (the first and its successors after failures). Defaults to 3. */
  maxAttempts?: number;
}

/** Codes that mean "this node failed", not "this job is wrong": the job goes on elsewhere. */
const RETRYABLE = new Set<string>([ErrorCode.Disconnected, ErrorCode.Timeout, ErrorCode.Disposed, ErrorCode.Internal]);

/**
 * The mesh as one LLM node. Each job goes to the node with the lowest expected completion
 * time (the scheduler), and when that node fails or leaves mid-answer, the job continues
 * on the next best node from the text already received: the caller sees one answer,
 * streamed without a break, and `nodes` says who made it.
 */
export class MeshRouter implements LlmNode {
  readonly id = 'mesh';
  readonly scheduler: Scheduler;
  readonly #options: MeshRouterOptions;
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #status: NodeStatus;
  readonly #served = new Map<string, number>();
  #running = 0;
  #nextJob = 1;

  constructor(options: MeshRouterOptions) {
    this.#options = options;
    this.scheduler = options.scheduler ?? new Scheduler();
    this.#status = new NodeStatus(this.#aggregate());
  }

  /** The scheduler's view of every node (also what the mesh view shows). */
  views(): (NodeView & { member: MeshMember })[] {
    return this.#options.members().map((member) => ({
      member,
      id: member.node.id,
      isLocal: member.kind === 'local',
      models: member.models,
      slots: Math.max(1, member.slots),
      running: member.node.status().running,
      queued: member.node.status().queued,
      tokensPerSecond: member.tokensPerSecond,
      roundTripMs: member.roundTripMs,
      firstTokenMs: member.firstTokenMs,
      health: this.#breaker(member.node.id).state(),
    }));
  }

  /** Jobs this machine sent to `nodeId` since start. */
  served(nodeId: string): number {
    return this.#served.get(nodeId) ?? 0;
  }

  health(nodeId: string) {
    return this.#breaker(nodeId).state();
  }

  /** Call when the members changed (a peer came or went, a model loaded). */
  refresh(): void {
    this.#status.set(this.#aggregate());
  }

  status(): LlmStatus {
    return this.#status.snapshot();
  }

  onStatus(listener: (status: LlmStatus) => void): () => void {
    return this.#status.on(listener);
  }

  modelId(): string | null {
    const views = this.views();
    const ready =
      views.find((v) => v.isLocal && v.member.node.status().state === 'ready') ?? views.find((v) => v.models.length);
    return ready?.models[0]?.id ?? ready?.member.node.modelId() ?? null;
  }

  /** Embeddings stay on this machine (the memory index is local). */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const local = this.#options.members().find((m) => m.kind === 'local');
    if (!local) return Promise.reject(new MailyError(ErrorCode.NotFound, 'This machine has no AI node.'));
    return local.node.embed(texts, signal);
  }

  async generate(
    request: GenerateRequest,
    onText: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult> {
    const started = performance.now();
    const maxAttempts = this.#options.maxAttempts ?? 3;
    const tried = new Set<string>();
    const nodes: string[] = [];
    let text = '';
    let tokens = 0;
    let lastError: MailyError | null = null;
    this.#running++;
    this.refresh();
    try {
      while (tried.size < maxAttempts) {
        if (signal?.aborted) return { text, tokens, stop: 'cancelled', ms: performance.now() - started, nodes };
        const remaining = request.maxTokens - tokens;
        if (remaining <= 0) return { text, tokens, stop: 'maxTokens', ms: performance.now() - started, nodes };
        const candidates = this.views().filter((v) => !tried.has(v.id));
        const route = this.scheduler.route({ maxTokens: remaining, deadline: request.deadline }, candidates);
        if (!route.ok) {
          if (route.reason === 'deadline' && nodes.length)
            return { text, tokens, stop: 'deadline', ms: performance.now() - started, nodes };
          throw lastError ?? noRoute(route.reason);
        }
        const view = candidates.find((v) => v.id === route.nodeId)!;
        const breaker = this.#breaker(view.id);
        if (!breaker.allow()) {
          tried.add(view.id);
          continue;
        }
        tried.add(view.id);
        nodes.push(view.id);
        request.onRoute?.(view.id);
        this.#served.set(view.id, (this.#served.get(view.id) ?? 0) + 1);
        const jobId = `job-${this.#nextJob++}`;
        this.scheduler.started(view.id, jobId, remaining);
        let firstAt = 0;
        let pieceTokens = 0;
        const continueFrom = (request.continueFrom ?? '') + text;
        try {
          if (view.isLocal) await this.#options.prepareLocal?.();
          const result = await view.member.node.generate(
            { ...request, onRoute: undefined, maxTokens: remaining, ...(continueFrom ? { continueFrom } : {}) },
            (delta) => {
              if (!firstAt) firstAt = performance.now();
              text += delta;
              pieceTokens++;
              this.scheduler.progress(view.id, jobId, pieceTokens);
              onText(delta);
            },
            signal,
          );
          breaker.recordSuccess();
          const pieceMs = firstAt ? performance.now() - firstAt : result.ms;
          this.scheduler.finished(view.id, jobId, {
            tokens: result.tokens,
            ms: pieceMs,
            ok: result.stop !== 'cancelled',
          });
          tokens += result.tokens || pieceTokens;
          return { text, tokens, stop: result.stop, ms: performance.now() - started, nodes };
        } catch (error) {
          this.scheduler.finished(view.id, jobId, { tokens: pieceTokens, ms: 0, ok: false });
          tokens += pieceTokens;
          const failure =
            error instanceof MailyError ? error : new MailyError(ErrorCode.Internal, 'The AI node failed.');
          if (!RETRYABLE.has(failure.code)) throw failure;
          breaker.recordFailure();
          lastError = failure;
          // go on: the next node continues from `text`
        }
      }
      throw lastError ?? noRoute('no-suitable-node');
    } finally {
      this.#running--;
      this.refresh();
    }
  }

  async dispose(): Promise<void> {
    this.#status.clear();
  }

  #breaker(id: string): CircuitBreaker {
    let breaker = this.#breakers.get(id);
    if (!breaker) this.#breakers.set(id, (breaker = new CircuitBreaker({ coolDownMs: 5_000 })));
    return breaker;
  }

  #aggregate(): LlmStatus {
    const members = this.#options.members();
    const states = members.map((m) => m.node.status());
    const ready = states.some((s) => s.state === 'ready');
    const local = states[members.findIndex((m) => m.kind === 'local')];
    return {
      state: ready ? 'ready' : (local?.state ?? 'idle'),
      progress: local?.progress ?? null,
      modelId: this.modelId(),
      error: ready ? null : (local?.error ?? null),
      threads: local?.threads ?? 0,
      gpu: local?.gpu ?? false,
      contextSize: local?.contextSize ?? null,
      running: this.#running,
      queued: 0,
    };
  }
}

function noRoute(reason: 'no-suitable-node' | 'all-open' | 'deadline'): MailyError {
  if (reason === 'deadline')
    return new MailyError(
      ErrorCode.Timeout,
      'No AI node can finish this before its deadline. Try again with a shorter request.',
    );
  if (reason === 'all-open')
    return new MailyError(ErrorCode.Disconnected, 'Every AI node failed just now. Try again in a few seconds.');
  return new MailyError(
    ErrorCode.NotFound,
    'No AI model yet, here or on a teammate’s desktop. Open Models on the campaigns screen and import or download one.',
  );
}
