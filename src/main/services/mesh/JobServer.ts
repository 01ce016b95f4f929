import type { Stream } from '@libp2p/interface';
import type { GenerateRequest } from '../../../shared/ai/llm';
import { ErrorCode, MailyError, toErrorInfo } from '../../../shared/errors';
import type { LlmNode } from '../llm/LlmNode';
import { FramedStream } from './protocol/FramedStream';
import type { FrameError, FrameOf } from './protocol/frames';

/** Trace hooks of the mesh (the tracing service); optional. */
export interface ServeTracing {
  /**
   * Runs `fn` in a span that continues the caller's trace (`trace` from the job frame);
   * `fn` gets the trace context to pass to the node. Returns `fn`'s result and this
   * machine's spans of the trace, to send back with the answer.
   */
  serve<T>(
    trace: { traceparent: string; tracestate?: string } | undefined,
    attributes: Record<string, string | number>,
    fn: (trace: { traceparent: string; tracestate?: string } | undefined) => Promise<T>,
  ): Promise<{ result: T; spans: unknown[] }>;
}

export interface JobServerOptions {
  /** The node a job's key names, or null when this host does not share it. */
  resolve(key: string): LlmNode | null;
  /** Loads the model of the local node when needed (as for this machine's own jobs). */
  prepare?(node: LlmNode): Promise<void>;
  onBadFrame(peerId: string, error: FrameError): void;
  /** Called when a teammate's job ends on this machine. */
  onServed?(peerId: string, outcome: { nodeId: string; ok: boolean; tokens: number; ms: number }): void;
  tracing?: ServeTracing;
  /** Jobs from teammates run or wait here at once at most. Defaults to 32. */
  maxJobs?: number;
}

/** How long a job stream may wait for its job (clients open one ahead of the next job). */
const FIRST_FRAME_MS = 5 * 60_000;

/**
 * Serves teammates' jobs on this host's shared nodes: one stream per job, text streamed
 * back as it is made, a cancel from either side stops it. A stream that sends anything
 * but a well-formed job first is dropped and its peer reported.
 */
export class JobServer {
  readonly #options: JobServerOptions;
  #active = 0;

  constructor(options: JobServerOptions) {
    this.#options = options;
  }

  get active(): number {
    return this.#active;
  }

  handle(stream: Stream, peerId: string): void {
    const framed = new FramedStream(stream, (error) => this.#options.onBadFrame(peerId, error));
    const controller = new AbortController();
    let job: FrameOf<'job'> | null = null;
    const firstFrame = setTimeout(() => framed.abort('no job'), FIRST_FRAME_MS);
    framed.onFrame((frame) => {
      if (job === null && frame.t === 'job') {
        clearTimeout(firstFrame);
        job = frame;
        void this.#run(frame, framed, controller.signal, peerId);
      } else if (frame.t === 'cancel' && job) {
        controller.abort();
      } else {
        clearTimeout(firstFrame);
        const bad = Object.assign(new Error(`A job stream sent a ${frame.t} frame`), { reason: 'unexpected' as const });
        this.#options.onBadFrame(peerId, bad as FrameError);
        framed.abort('unexpected frame');
        controller.abort();
      }
    });
    void framed.closed.then(() => {
      clearTimeout(firstFrame);
      controller.abort(); // the teammate cancelled by closing, or is gone: stop working for them
    });
  }

  async #run(job: FrameOf<'job'>, framed: FramedStream, signal: AbortSignal, peerId: string): Promise<void> {
    const started = performance.now();
    const node = this.#options.resolve(job.key);
    if (!node) {
      await framed.send({
        t: 'error',
        error: { code: ErrorCode.NotFound, message: 'This node is not shared with the team.' },
      });
      return void framed.close();
    }
    if (this.#active >= (this.#options.maxJobs ?? 32)) {
      await framed.send({
        t: 'error',
        error: { code: ErrorCode.Timeout, message: 'This node is too busy for more jobs right now.' },
      });
      return void framed.close();
    }
    this.#active++;
    let tokens = 0;
    let ok = false;
    try {
      await this.#options.prepare?.(node);
      const { request } = job;
      const run = async (trace: GenerateRequest['trace']) => {
        const generateRequest: GenerateRequest = {
          messages: request.messages,
          maxTokens: request.maxTokens,
          ...(request.jsonSchema ? { jsonSchema: request.jsonSchema } : {}),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(request.seed === undefined ? {} : { seed: request.seed }),
          ...(request.timeoutMs === undefined ? {} : { deadline: Date.now() + request.timeoutMs }),
          ...(request.continueFrom ? { continueFrom: request.continueFrom } : {}),
          ...(trace ? { trace } : {}),
        };
        return node.generate(
          generateRequest,
          (delta) => {
            tokens++;
            for (let i = 0; i < delta.length; i += 60_000)
              void framed.send({ t: 'text', d: delta.slice(i, i + 60_000) });
          },
          signal,
        );
      };
      const tracing = this.#options.tracing;
      const { result, spans } = tracing
        ? await tracing.serve(job.trace, { 'maily.peer': peerId, 'maily.node': node.id }, run)
        : { result: await run(job.trace), spans: [] as unknown[] };
      ok = result.stop !== 'cancelled';
      tokens = result.tokens || tokens;
      await framed.send({
        t: 'done',
        tokens: result.tokens,
        stop: result.stop,
        ms: Math.round(result.ms),
        ...(spans.length ? { spans: spans.slice(0, 64) } : {}),
      });
    } catch (error) {
      const info = error instanceof MailyError ? error.toInfo() : toErrorInfo(error);
      await framed.send({ t: 'error', error: info });
    } finally {
      this.#active--;
      this.#options.onServed?.(peerId, { nodeId: node.id, ok, tokens, ms: performance.now() - started });
      void framed.close();
    }
  }
}
