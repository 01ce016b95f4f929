import { describe, expect, it } from 'vitest';
import { formatMs, waterfall } from '../../../../src/renderer/features/traces/waterfall';
import type { SpanView } from '../../../../src/shared/tracing/traces';

const span = (
  spanId: string,
  parentSpanId: string | null,
  start: number,
  end: number,
  extra: Partial<SpanView> = {},
): SpanView => ({
  traceId: 't'.repeat(32),
  spanId,
  parentSpanId,
  name: spanId,
  start,
  end,
  status: 'ok',
  statusMessage: null,
  attributes: {},
  remote: false,
  ...extra,
});

describe('waterfall', () => {
  it('indents children under their parent by start time and places bars by time', () => {
    const { rows, durationMs } = waterfall([
      span('job', 'root', 1_050, 1_100, { attributes: { 'maily.node': 'ext-1' } }),
      span('root', null, 1_000, 1_100),
      span('prepare', 'root', 1_000, 1_050),
      span('serve', 'job', 1_060, 1_090, { remote: true, attributes: { 'maily.peer': 'peer-b' } }),
    ]);
    expect(durationMs).toBe(100);
    expect(rows.map((r) => [r.span.spanId, r.depth])).toEqual([
      ['root', 0],
      ['prepare', 1],
      ['job', 1],
      ['serve', 2],
    ]);
    expect(rows[2]).toMatchObject({ offsetPct: 50, widthPct: 50, durationMs: 50 });
    expect(rows[3]).toMatchObject({ offsetPct: 60, widthPct: 30 });
    // Node labels: own, inherited from the parent, or this device.
    expect(rows.map((r) => r.node)).toEqual(['this device', 'this device', 'ext-1', 'ext-1']);
  });

  it('treats a span whose parent is missing as a root, labels a remote root by its peer, and never loops', () => {
    const { rows } = waterfall([
      span('a', 'b', 0, 10),
      span('b', 'a', 0, 10), // a cycle from a hostile peer
      span('orphan', 'gone', 5, 5, { remote: true, attributes: { 'maily.peer': 'peer-b' } }),
      span('self', 'self', 2, 3),
    ]);
    expect(rows.map((r) => r.span.spanId)).toEqual(['self', 'orphan']);
    expect(rows[1]).toMatchObject({ depth: 0, node: 'peer-b', offsetPct: 50 });
    expect(rows[1].widthPct).toBeGreaterThan(0); // an instant span still shows
    expect(waterfall([])).toEqual({ rows: [], start: 0, durationMs: 0 });
  });
});

describe('formatMs', () => {
  it('reads like people write durations', () => {
    expect([formatMs(0.42), formatMs(12.4), formatMs(1_340), formatMs(42_000)]).toEqual([
      '0.4 ms',
      '12 ms',
      '1.3 s',
      '42 s',
    ]);
  });
});
