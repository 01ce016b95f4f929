import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GenerateResult, LlmStatus } from '../../../shared/ai/llm';
import type { LlmNode } from '../llm/LlmNode';

/** How a job ended, as the `outcome` label: its stop reason, or `error` when it rejected. */
export type LlmOutcome = GenerateResult['stop'] | 'error';

/**
 * Per-node LLM metrics in a registry of their own (not prom-client's global one, so
 * tests and several hosts in one process never share counters). `instrument()` wraps a
 * node so every job it runs is counted and timed; `metrics()` renders the Prometheus
 * exposition text the headless host serves at `/metrics`.
 */
export class LlmMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'maily_llm_requests_total',
    help: 'Generation jobs finished, by node and outcome (done, cancelled, deadline, maxTokens, error).',
    labelNames: ['node', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: 'maily_llm_request_duration_seconds',
    help: 'Wall time of a generation job, queueing included.',
    labelNames: ['node'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly #firstToken = new Histogram({
    name: 'maily_llm_time_to_first_token_seconds',
    help: 'Time from submitting a job to its first streamed text, queueing included.',
    labelNames: ['node'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly #tokensPerSecond = new Gauge({
    name: 'maily_llm_tokens_per_second',
    help: 'Generation speed of the last job that produced tokens.',
    labelNames: ['node'] as const,
    registers: [this.registry],
  });
  readonly #queueDepth = new Gauge({
    name: 'maily_llm_queue_depth',
    help: 'Jobs waiting for a slot on the node.',
    labelNames: ['node'] as const,
    registers: [this.registry],
  });
  readonly #running = new Gauge({
    name: 'maily_llm_running_jobs',
    help: 'Jobs running on the node.',
    labelNames: ['node'] as const,
    registers: [this.registry],
  });

  /** The Content-Type of `metrics()`'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus exposition text of every metric. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * A node that behaves exactly like `node` and records its jobs here. It follows the
   * node's status for the queue and running gauges; its `dispose()` stops following and
   * disposes the wrapped node.
   */
  instrument(node: LlmNode): LlmNode {
    const labels = { node: node.id };
    const follow = (status: LlmStatus) => {
      this.#queueDepth.set(labels, status.queued);
      this.#running.set(labels, status.running);
    };
    follow(node.status());
    const unfollow = node.onStatus(follow);
    return {
      id: node.id,
      status: () => node.status(),
      onStatus: (listener) => node.onStatus(listener),
      embed: (texts, signal) => node.embed(texts, signal),
      modelId: () => node.modelId(),
      dispose: async () => {
        unfollow();
        await node.dispose();
      },
      generate: async (request, onText, signal) => {
        const started = performance.now();
        let first = true;
        const timedOnText = (delta: string) => {
          if (first) {
            first = false;
            this.#firstToken.observe(labels, (performance.now() - started) / 1000);
          }
          onText(delta);
        };
        let outcome: LlmOutcome = 'error';
        try {
          const result = await node.generate(request, timedOnText, signal);
          outcome = result.stop;
          if (result.tokens > 0 && result.ms > 0) this.#tokensPerSecond.set(labels, result.tokens / (result.ms / 1000));
          return result;
        } finally {
          this.#duration.observe(labels, (performance.now() - started) / 1000);
          this.#requests.inc({ ...labels, outcome });
        }
      },
    };
  }
}
