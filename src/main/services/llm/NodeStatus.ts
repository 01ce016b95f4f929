import type { LlmStatus } from '../../../shared/ai/llm';

/**
 * The status of an LLM node and its listeners, shared by every kind of node: changes
 * are merged in, and each listener gets its own copy of the result.
 */
export class NodeStatus {
  #status: LlmStatus;
  readonly #listeners = new Set<(status: LlmStatus) => void>();

  constructor(initial: LlmStatus) {
    this.#status = initial;
  }

  /** The status now, to read (not to keep: it is replaced on every change). */
  get current(): Readonly<LlmStatus> {
    return this.#status;
  }

  /** A copy of the status, for callers outside the node. */
  snapshot(): LlmStatus {
    return { ...this.#status };
  }

  /** The model's id while the node is ready, else null. */
  modelId(): string | null {
    return this.#status.state === 'ready' ? this.#status.modelId : null;
  }

  set(changes: Partial<LlmStatus>): void {
    this.#status = { ...this.#status, ...changes };
    const snapshot = this.snapshot();
    for (const listener of [...this.#listeners]) listener(snapshot);
  }

  on(listener: (status: LlmStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets every listener (the node is disposed). */
  clear(): void {
    this.#listeners.clear();
  }
}
