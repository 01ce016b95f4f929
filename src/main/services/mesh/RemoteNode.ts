import { randomBytes } from 'node:crypto';
import type { Stream } from '@libp2p/interface';
import type { GenerateRequest, GenerateResult, LlmStatus } from '../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { LlmNode } from '../llm/LlmNode';
import { NodeStatus } from '../llm/NodeStatus';
import { FramedStream } from './protocol/FramedStream';
import type { FrameError, NodeAd, WireRequest } from './protocol/frames';

/** What a remote node needs of the mesh: a job stream to its host, and where bad frames go. */
export interface RemoteLink {
  /** Opens a job stream to the peer (`/maily/llm/1.0.0`). */
  openJobStream(signal: AbortSignal): Promise<Stream>;
  /** The peer broke the protocol: it is dropped. */
  onBadFrame(error: FrameError): void;
  /** Spans of the job the peer sent back, to be added to the local traces. */
  onSpans?(spans: unknown[], trace: { traceparent: string }): void;
}

/** No frame for this long while a job runs means the peer is gone (its machine froze, its cable is out). */
const STALL_MS = 30_000;

/**
 * One LLM node of a teammate's host, reached through the mesh: its state is what the
 * host last advertised; a job is one stream. When the stream ends without an answer
 * (the host was killed, left, or sent a bad frame) the job fails with E_DISCONNECTED and
 * the text so far, so the router can go on elsewhere.
 */
export class RemoteNode implements LlmNode {
  readonly id: string;
  readonly peerId: string;
  readonly key: string;
  readonly #link: RemoteLink;
  readonly #status: NodeStatus;
  #ad: NodeAd;
  #disposed = false;

  constructor(peerId: string, ad: NodeAd, link: RemoteLink) {
    this.peerId = peerId;
    this.key = ad.key;
    this.id = ad.key === 'local' ? peerId : `${peerId}:${ad.key}`;
    this.#link = link;
    this.#ad = ad;
    this.#status = new NodeStatus(toStatus(ad));
  }

  /** The host's latest advertisement of this node. */
  get ad(): NodeAd {
    return this.#ad;
  }

  update(ad: NodeAd): void {
    this.#ad = ad;
    this.#status.set(toStatus(ad));
  }

  status(): LlmStatus {
    return this.#status.snapshot();
  }

  onStatus(listener: (status: LlmStatus) => void): () => void {
    return this.#status.on(listener);
  }

  modelId(): string | null {
    return this.#ad.models[0]?.id ?? null;
  }

  async embed(): Promise<Float32Array[]> {
    throw new MailyError(ErrorCode.InvalidInput, 'Embeddings run on this machine’s own model, not through the mesh.');
  }

  async generate(
    request: GenerateRequest,
    onText: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult> {
    if (this.#disposed) throw new MailyError(ErrorCode.Disconnected, `${this.#ad.name} has left the mesh.`);
    const started = performance.now();
    const empty = (stop: GenerateResult['stop']): GenerateResult => ({ text: '', tokens: 0, stop, ms: 0 });
    if (signal?.aborted) return empty('cancelled');
    const timeoutMs = request.deadline === undefined ? undefined : Math.round(request.deadline - Date.now());
    if (timeoutMs !== undefined && timeoutMs <= 0) return empty('deadline');
    const wire: WireRequest = {
      messages: request.messages,
      maxTokens: request.maxTokens,
      ...(request.jsonSchema ? { jsonSchema: request.jsonSchema } : {}),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(request.continueFrom ? { continueFrom: request.continueFrom } : {}),
    };

    const opening = new AbortController();
    const stopOpening = () => opening.abort();
    signal?.addEventListener('abort', stopOpening, { once: true });
    let stream: Stream;
    try {
      stream = await this.#link.openJobStream(AbortSignal.any([opening.signal, AbortSignal.timeout(10_000)]));
    } catch {
      if (signal?.aborted) return empty('cancelled');
      throw new MailyError(ErrorCode.Disconnected, `Could not reach ${this.#ad.name}’s AI node.`);
    } finally {
      signal?.removeEventListener('abort', stopOpening);
    }

    return new Promise<GenerateResult>((resolve, reject) => {
      let text = '';
      let settled = false;
      let cancelledByUs: GenerateResult['stop'] | null = null;
      const framed = new FramedStream(stream, (error) => this.#link.onBadFrame(error));
      let stall = setTimeout(() => gone('stalled'), STALL_MS);
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(stall);
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const gone = (why: 'stalled' | 'closed') => {
        if (cancelledByUs) {
          finish(() => resolve({ text, tokens: 0, stop: cancelledByUs!, ms: performance.now() - started }));
          return;
        }
        framed.abort(why);
        const error = new MailyError(
          ErrorCode.Disconnected,
          why === 'stalled'
            ? `${this.#ad.name}’s AI node stopped answering.`
            : `${this.#ad.name}’s AI node left mid-answer.`,
        );
        finish(() => reject(Object.assign(error, { partialText: text })));
      };
      const onAbort = () => {
        cancelledByUs = 'cancelled';
        void framed.send({ t: 'cancel' });
        // the host answers with `done: cancelled`; if it is gone, the stream's end settles this
        clearTimeout(stall);
        stall = setTimeout(() => gone('closed'), 2_000);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      framed.onFrame((frame) => {
        if (settled) return;
        clearTimeout(stall);
        stall = setTimeout(() => gone('stalled'), cancelledByUs ? 2_000 : STALL_MS);
        switch (frame.t) {
          case 'text':
            text += frame.d;
            if (!cancelledByUs) onText(frame.d);
            return;
          case 'done':
            if (frame.spans?.length && request.trace) this.#link.onSpans?.(frame.spans, request.trace);
            finish(() => resolve({ text, tokens: frame.tokens, stop: frame.stop, ms: performance.now() - started }));
            void framed.close();
            return;
          case 'error':
            finish(() => reject(new MailyError(frame.error.code, `${this.#ad.name}: ${frame.error.message}`)));
            void framed.close();
            return;
          default:
            // a status, job or cancel frame has no place in a job's answer
            this.#link.onBadFrame(
              Object.assign(new Error(`Unexpected ${frame.t} frame in a job answer`), {
                name: 'FrameError',
                reason: 'unexpected' as const,
              }),
            );
            gone('closed');
        }
      });
      void framed.closed.then(() => gone('closed'));
      const job = { t: 'job' as const, id: randomBytes(9).toString('base64url'), key: this.key, request: wire };
      void framed.send(request.trace ? { ...job, trace: request.trace } : job).then((sent) => sent || gone('closed'));
    });
  }

  /** The host left: running jobs end with E_DISCONNECTED through their streams. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#status.set({ state: 'error', error: `${this.#ad.name} has left the mesh.` });
  }
}

function toStatus(ad: NodeAd): LlmStatus {
  return {
    state: ad.state,
    progress: null,
    modelId: ad.models[0]?.id ?? null,
    error: null,
    threads: 0,
    gpu: false,
    contextSize: ad.models[0]?.contextSize ?? null,
    running: ad.running,
    queued: ad.queued,
  };
}
