import type { SpanView } from '../../../shared/tracing/traces';

/** One row of a trace's waterfall: the span, how deep it nests, and its bar as percentages of the trace. */
export interface WaterfallRow {
  span: SpanView;
  depth: number;
  /** Where the bar starts, 0–100 % of the trace's extent. */
  offsetPct: number;
  /** How long the bar is, % of the extent (at least a sliver, so an instant span shows). */
  widthPct: number;
  durationMs: number;
  /** Which node ran it: its `maily.node`, else its parent's, else this device or the peer. */
  node: string;
}

export interface Waterfall {
  rows: WaterfallRow[];
  start: number;
  durationMs: number;
}

/** Narrowest bar, in % of the trace. */
const MIN_WIDTH_PCT = 0.5;

/**
 * Lays out a trace's spans as a waterfall: depth-first from each root (a span whose
 * parent is not in the trace), children by start time, each bar placed by time on the
 * trace's extent. Spans are peers' input too: a cycle or a duplicate id never loops.
 */
export function waterfall(spans: readonly SpanView[]): Waterfall {
  if (spans.length === 0) return { rows: [], start: 0, durationMs: 0 };
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const extent = Math.max(end - start, 1e-6);
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, SpanView[]>();
  const roots: SpanView[] = [];
  for (const span of spans) {
    if (span.parentSpanId && ids.has(span.parentSpanId) && span.parentSpanId !== span.spanId) {
      const list = children.get(span.parentSpanId) ?? [];
      list.push(span);
      children.set(span.parentSpanId, list);
    } else roots.push(span);
  }
  const byStart = (a: SpanView, b: SpanView) => a.start - b.start;
  const rows: WaterfallRow[] = [];
  const seen = new Set<SpanView>();
  const visit = (span: SpanView, depth: number, inherited: string) => {
    if (seen.has(span)) return;
    seen.add(span);
    const node = nodeOf(span, inherited);
    const offsetPct = ((span.start - start) / extent) * 100;
    const widthPct = Math.min(100 - offsetPct, Math.max(MIN_WIDTH_PCT, ((span.end - span.start) / extent) * 100));
    rows.push({ span, depth, offsetPct, widthPct, durationMs: span.end - span.start, node });
    for (const child of [...(children.get(span.spanId) ?? [])].sort(byStart)) visit(child, depth + 1, node);
  };
  for (const root of roots.sort(byStart)) visit(root, 0, '');
  return { rows, start, durationMs: end - start };
}

function nodeOf(span: SpanView, inherited: string): string {
  const own = span.attributes['maily.node'];
  if (typeof own === 'string' && own) return own;
  if (inherited) return inherited;
  const peer = span.attributes['maily.peer'];
  return span.remote ? (typeof peer === 'string' && peer ? peer : 'a peer') : 'this device';
}

/** A duration as people read it: "0.4 ms", "12 ms", "1.3 s". */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
