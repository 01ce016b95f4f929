import { afterEach, describe, expect, it } from 'vitest';
import { trace } from '@opentelemetry/api';
import { Tracing } from '../../../../../src/main/services/tracing/Tracing';
import { RecentTraces } from '../../../../../src/main/services/tracing/RecentTraces';
import { MailyError } from '../../../../../src/shared/errors';
import type { SpanView } from '../../../../../src/shared/tracing/traces';

const opened: Tracing[] = [];
function tracing(options?: ConstructorParameters<typeof Tracing>[0]): Tracing {
  const t = new Tracing(options);
  opened.push(t);
  return t;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.dispose()));
});

function refusal(fn: () => unknown): MailyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return error as MailyError;
  }
  throw new Error('expected a refusal');
}

const span = (traceId: string, spanId: string, extra: Partial<SpanView> = {}): SpanView => ({
  traceId,
  spanId,
  parentSpanId: null,
  name: 'job',
  start: 1000,
  end: 1010,
  status: 'ok',
  statusMessage: null,
  attributes: {},
  remote: false,
  ...extra,
});
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

describe('RecentTraces', () => {
  it('keeps only the last N traces, the most recently touched first', () => {
    const store = new RecentTraces({ maxTraces: 3 });
    for (let i = 1; i <= 5; i++) store.add([span(hex(i, 32), hex(i, 16))]);
    expect(store.size).toBe(3);
    expect(store.list().map((t) => t.traceId)).toEqual([hex(5, 32), hex(4, 32), hex(3, 32)]);
    store.add([span(hex(3, 32), hex(99, 16))]); // touching trace 3 keeps it longest
    store.add([span(hex(6, 32), hex(6, 16))]);
    expect(store.list().map((t) => t.traceId)).toEqual([hex(6, 32), hex(3, 32), hex(5, 32)]);
    expect(store.spans(hex(1, 32))).toBeNull();
  });

  it('caps the spans of one trace and keeps a resent span once', () => {
    const store = new RecentTraces({ maxSpansPerTrace: 2 });
    const id = hex(1, 32);
    expect(store.add([span(id, hex(1, 16)), span(id, hex(1, 16)), span(id, hex(2, 16)), span(id, hex(3, 16))])).toBe(2);
    expect(store.spans(id)).toHaveLength(2);
  });
});

describe('Tracing', () => {
  it('records parent and child spans in one trace, with nodes and status in the summary', async () => {
    const t = tracing();
    await t.withSpan('ai.subjectLines', undefined, { 'maily.action': 'subjectLines' }, async (_root, ctx) => {
      await t.withSpan('llm.job', ctx, { 'maily.node': 'local' }, async () => undefined);
      await t
        .withSpan('llm.job', ctx, { 'maily.node': 'ext-1' }, async () => {
          throw new Error('server down');
        })
        .catch(() => undefined);
    });
    const [summary] = t.list();
    expect(summary).toMatchObject({
      rootName: 'ai.subjectLines',
      spanCount: 3,
      status: 'error',
      nodes: ['local', 'ext-1'],
    });
    const { spans } = t.get(summary.traceId);
    const root = spans.find((s) => s.name === 'ai.subjectLines')!;
    expect(root.parentSpanId).toBeNull();
    expect(spans.filter((s) => s.parentSpanId === root.spanId)).toHaveLength(2);
    expect(spans.find((s) => s.status === 'error')?.statusMessage).toBe('server down');
    expect(spans.every((s) => s.end >= s.start && s.traceId === summary.traceId)).toBe(true);
    expect(root.attributes['maily.action']).toBe('subjectLines');
    expect(refusal(() => t.get('0'.repeat(32))).code).toBe('E_NOT_FOUND');
  });

  it('carries the trace through inject → extract, so the remote span is a child of the caller’s', async () => {
    const caller = tracing();
    const remote = tracing();
    const { span: job, context } = caller.startSpan('llm.job');
    const carrier = caller.inject(context)!;
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const parent = remote.extract(JSON.parse(JSON.stringify(carrier)));
    expect(trace.getSpanContext(parent)?.traceId).toBe(job.spanContext().traceId);
    const { span: served } = remote.startSpan('llm.serve', parent, { 'maily.node': 'peer-b' });
    served.end();
    const traceId = job.spanContext().traceId;
    const exported = remote.exportSpans(traceId);
    expect(exported).toHaveLength(1);
    expect(exported[0].parentSpanId).toBe(job.spanContext().spanId);
    job.end();
    expect(caller.importSpans(traceId, JSON.parse(JSON.stringify(exported)), '12D3KooWpeer')).toBe(1);
    const { trace: summary, spans } = caller.get(traceId);
    expect(summary).toMatchObject({ remote: true, spanCount: 2, nodes: ['peer-b'], rootName: 'llm.job' });
    expect(spans.find((s) => s.remote)?.attributes['maily.peer']).toBe('12D3KooWpeer');
    expect(caller.exportSpans(traceId).map((s) => s.name)).toEqual(['llm.job']); // imported spans are not sent on
  });

  it('starts a new trace when the trace context is garbage', () => {
    const t = tracing();
    for (const bad of [
      null,
      'x',
      {},
      { traceparent: 7 },
      { traceparent: '00-zz-yy-01' },
      { traceparent: 'a'.repeat(10_000) },
    ]) {
      expect(trace.getSpanContext(t.extract(bad))).toBeUndefined();
    }
    expect(t.inject(t.extract(null))).toBeUndefined();
  });

  it('refuses garbage, oversized and foreign spans from a peer, and adds none of them', () => {
    const t = tracing();
    const id = hex(7, 32);
    const good = span(id, hex(1, 16));
    const cases: unknown[] = [
      'spans',
      [{ ...good, spanId: 'nope' }],
      [{ ...good, end: good.start - 1 }],
      [{ ...good, name: 'n'.repeat(500) }],
      [{ ...good, attributes: { 'maily.node': 'x'.repeat(10_000) } }],
      [{ ...good, attributes: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, i])) }],
      [{ ...good, attributes: { nested: { deep: true } } }],
      Array.from({ length: 65 }, (_, i) => span(id, hex(i + 1, 16))),
      [span(hex(8, 32), hex(1, 16))],
      [{ ...good, start: Number.NaN }],
    ];
    for (const spans of cases) expect(refusal(() => t.importSpans(id, spans)).code).toBe('E_INVALID_INPUT');
    const big = Array.from({ length: 64 }, (_, i) =>
      span(id, hex(i + 1, 16), {
        attributes: Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`k${k}`, 'v'.repeat(500)])),
      }),
    );
    expect(refusal(() => t.importSpans(id, big)).message).toContain('too large');
    expect(t.list()).toEqual([]);
    expect(t.importSpans(id, [{ ...good, remote: false, extra: 'ignored' }])).toBe(1);
    expect(t.get(id).spans[0]).toMatchObject({ remote: true });
    expect(t.get(id).spans[0]).not.toHaveProperty('extra');
    // A `__proto__` key is dropped by the schema, never assigned.
    const polluted = { ...span(id, hex(2, 16)), attributes: JSON.parse('{"__proto__":{"x":1},"ok":"y"}') as object };
    expect(t.importSpans(id, [polluted])).toBe(1);
    const stored = t.get(id).spans.find((s) => s.spanId === hex(2, 16))!;
    expect(Object.keys(stored.attributes)).toEqual(['ok']);
    expect(Object.getPrototypeOf(stored.attributes)).toBe(Object.prototype);
  });
});
