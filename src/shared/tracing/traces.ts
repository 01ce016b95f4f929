import { z } from 'zod';

/**
 * Traces as the renderer sees them and as nodes exchange them: plain, serialisable
 * summaries of OpenTelemetry spans. A remote node sends its spans of a job back in the
 * job's last frame; they pass {@link spanListSchema} (hostile input: ids, sizes,
 * attribute counts and lengths capped) before they join the local store.
 */

/** Most spans a peer may send back for one job. */
export const MAX_IMPORTED_SPANS = 64;
/** Most attributes kept on one span. */
export const MAX_SPAN_ATTRIBUTES = 32;
/** Longest attribute string value kept. */
export const MAX_ATTRIBUTE_LENGTH = 512;
/** Longest span name. */
export const MAX_SPAN_NAME = 128;

export type SpanStatus = 'unset' | 'ok' | 'error';
export type SpanAttribute = string | number | boolean;

/** One span, finished. Times are ms since the epoch (fractions allowed). */
export interface SpanView {
  traceId: string;
  spanId: string;
  /** The parent span's id, or null for a trace's root. */
  parentSpanId: string | null;
  name: string;
  start: number;
  end: number;
  status: SpanStatus;
  /** What went wrong, for an `error` span. */
  statusMessage: string | null;
  /** Such as `maily.node`, `maily.peer`, `maily.model`, `maily.tokens`, `maily.action`. */
  attributes: Record<string, SpanAttribute>;
  /** True when another machine recorded it (imported from a peer's job frame). */
  remote: boolean;
}

/** One trace in the recent-traces list. */
export interface TraceSummary {
  traceId: string;
  /** The root span's name, or the earliest span's when the root is not here (yet). */
  rootName: string;
  start: number;
  durationMs: number;
  /** `error` when any span failed. */
  status: SpanStatus;
  /** The `maily.node` values of its spans, in order of first appearance. */
  nodes: string[];
  spanCount: number;
  /** True when some spans came from other machines. */
  remote: boolean;
}

export const traceIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Not a trace id');
export const spanIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Not a span id');

const attributeValue = z.union([z.string().max(MAX_ATTRIBUTE_LENGTH), z.number().finite(), z.boolean()]);

/** A span as a peer sends it (`remote` is set by the receiver, never trusted). */
export const spanSchema = z
  .object({
    traceId: traceIdSchema,
    spanId: spanIdSchema,
    parentSpanId: spanIdSchema.nullable(),
    name: z.string().min(1).max(MAX_SPAN_NAME),
    start: z.number().finite().nonnegative(),
    end: z.number().finite().nonnegative(),
    status: z.enum(['unset', 'ok', 'error']),
    statusMessage: z.string().max(MAX_ATTRIBUTE_LENGTH).nullable(),
    attributes: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/, 'Not an attribute name'), attributeValue)
      .refine((a) => Object.keys(a).length <= MAX_SPAN_ATTRIBUTES, `At most ${MAX_SPAN_ATTRIBUTES} attributes`),
  })
  .refine((s) => s.end >= s.start, 'A span cannot end before it starts');

export const spanListSchema = z.array(spanSchema).max(MAX_IMPORTED_SPANS, `At most ${MAX_IMPORTED_SPANS} spans`);
