import type { SpanView, TraceSummary } from '../../../shared/tracing/traces';

/** Options for {@link RecentTraces}. */
export interface RecentTracesOptions {
  /** Traces kept; the least recently touched goes first. Defaults to 200. */
  maxTraces?: number;
  /** Spans kept per trace; later ones are dropped. Defaults to 500. */
  maxSpansPerTrace?: number;
}

/**
 * The last N traces with their finished spans, in memory: a capped ring where adding a
 * span to a trace makes it the most recent, and the oldest trace leaves when the cap is
 * passed. A span id seen twice in one trace is kept once (a peer resending its spans).
 */
export class RecentTraces {
  readonly #traces = new Map<string, SpanView[]>();
  readonly #maxTraces: number;
  readonly #maxSpans: number;
  readonly #listeners = new Set<(traceId: string) => void>();

  constructor(options: RecentTracesOptions = {}) {
    this.#maxTraces = Math.max(1, options.maxTraces ?? 200);
    this.#maxSpans = Math.max(1, options.maxSpansPerTrace ?? 500);
  }

  /** Traces held now. */
  get size(): number {
    return this.#traces.size;
  }

  /** Adds finished spans; returns how many were new. */
  add(spans: readonly SpanView[]): number {
    let added = 0;
    const touched = new Set<string>();
    for (const span of spans) {
      const list = this.#traces.get(span.traceId) ?? [];
      this.#traces.delete(span.traceId); // re-inserted below: the most recent goes last
      this.#traces.set(span.traceId, list);
      touched.add(span.traceId);
      if (list.length >= this.#maxSpans || list.some((s) => s.spanId === span.spanId)) continue;
      list.push(span);
      added++;
    }
    while (this.#traces.size > this.#maxTraces) this.#traces.delete(this.#traces.keys().next().value!);
    for (const traceId of touched) if (this.#traces.has(traceId)) this.#emit(traceId);
    return added;
  }

  /** The spans of a trace, by start time, or null when it is not (or no longer) held. */
  spans(traceId: string): SpanView[] | null {
    const list = this.#traces.get(traceId);
    return list ? [...list].sort((a, b) => a.start - b.start) : null;
  }

  /** The most recent traces first, at most `limit`. */
  list(limit = this.#maxTraces): TraceSummary[] {
    const ids = [...this.#traces.keys()].reverse().slice(0, Math.max(0, limit));
    return ids.map((id) => summarise(id, this.#traces.get(id)!));
  }

  /** Calls `listener` with a trace's id when spans were added to it. */
  onChanged(listener: (traceId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#traces.clear();
    this.#listeners.clear();
  }

  #emit(traceId: string): void {
    for (const listener of [...this.#listeners]) listener(traceId);
  }
}

/** A trace's line in the list: its root (or earliest span), extent, status and nodes. */
export function summarise(traceId: string, spans: readonly SpanView[]): TraceSummary {
  const ids = new Set(spans.map((s) => s.spanId));
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const root = sorted.find((s) => s.parentSpanId === null) ?? sorted.find((s) => !ids.has(s.parentSpanId!));
  const start = sorted.length ? sorted[0].start : 0;
  const end = sorted.reduce((max, s) => Math.max(max, s.end), start);
  const nodes: string[] = [];
  for (const s of sorted) {
    const node = s.attributes['maily.node'];
    if (typeof node === 'string' && !nodes.includes(node)) nodes.push(node);
  }
  return {
    traceId,
    rootName: root?.name ?? sorted[0]?.name ?? '',
    start,
    durationMs: end - start,
    status: spans.some((s) => s.status === 'error') ? 'error' : (root?.status ?? 'unset'),
    nodes,
    spanCount: spans.length,
    remote: spans.some((s) => s.remote),
  };
}
