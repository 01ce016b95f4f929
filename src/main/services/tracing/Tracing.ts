import {
  ROOT_CONTEXT,
  SpanStatusCode,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOnSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { ErrorCode, MailyError } from '../../../shared/errors';
import {
  MAX_ATTRIBUTE_LENGTH,
  MAX_SPAN_ATTRIBUTES,
  spanListSchema,
  traceIdSchema,
  type SpanView,
  type TraceSummary,
} from '../../../shared/tracing/traces';
import { RecentTraces, summarise, type RecentTracesOptions } from './RecentTraces';
import { RecentTracesProcessor } from './RecentTracesProcessor';

/** W3C trace context as it travels in a job frame (`GenerateRequest.trace`). */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

/** Largest batch of spans (as JSON) a peer may send back for one job. 128 KiB. */
export const MAX_IMPORT_BYTES = 128 * 1024;

/** Options for {@link Tracing}. */
export type TracingOptions = RecentTracesOptions;

/**
 * This machine's OpenTelemetry tracer, its recent traces, and the W3C trace-context
 * helpers the mesh uses to follow one request across machines: the caller `inject`s its
 * span's context into the job frame, the node that runs the job `extract`s it and starts
 * its span as a child, ends it, and sends `exportSpans(traceId)` back in the job's last
 * frame, where `importSpans` checks them and adds them to the caller's store — so one
 * trace shows both machines. Nothing is registered globally: each host has its own provider.
 */
export class Tracing {
  readonly store: RecentTraces;
  readonly tracer: Tracer;
  readonly #provider: BasicTracerProvider;
  readonly #propagator = new W3CTraceContextPropagator();

  constructor(options: TracingOptions = {}) {
    this.store = new RecentTraces(options);
    this.#provider = new BasicTracerProvider({
      sampler: new AlwaysOnSampler(), // a peer's "not sampled" flag must not hide its job here
      spanLimits: { attributeCountLimit: MAX_SPAN_ATTRIBUTES, attributeValueLengthLimit: MAX_ATTRIBUTE_LENGTH },
      spanProcessors: [new RecentTracesProcessor(this.store)],
    });
    this.tracer = this.#provider.getTracer('maily');
  }

  /** Starts a span, a child of the span in `parent` (default: a new trace). End it yourself. */
  startSpan(name: string, parent: Context = ROOT_CONTEXT, attributes?: Attributes): { span: Span; context: Context } {
    const span = this.tracer.startSpan(name, { attributes }, parent);
    return { span, context: trace.setSpan(parent, span) };
  }

  /**
   * Runs `fn` inside a new span and ends it: status `error` with the message when `fn`
   * rejects (the rejection is passed on), else `ok`.
   */
  async withSpan<T>(
    name: string,
    parent: Context | undefined,
    attributes: Attributes,
    fn: (span: Span, context: Context) => Promise<T>,
  ): Promise<T> {
    const { span, context } = this.startSpan(name, parent, attributes);
    try {
      const value = await fn(span, context);
      span.setStatus({ code: SpanStatusCode.OK });
      return value;
    } catch (error) {
      endWithError(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  /** The trace context of the span in `context`, for a job frame; undefined when there is none. */
  inject(context: Context): TraceCarrier | undefined {
    const carrier: Record<string, string> = {};
    this.#propagator.inject(context, carrier, defaultTextMapSetter);
    if (!carrier.traceparent) return undefined;
    return carrier.tracestate
      ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate }
      : { traceparent: carrier.traceparent };
  }

  /**
   * The context of a peer's span from its trace context, to start the local span under.
   * Anything that is not a valid `traceparent` (a peer's input) gives the root context: the
   * job then starts a trace of its own instead of failing.
   */
  extract(carrier: unknown): Context {
    if (typeof carrier !== 'object' || carrier === null) return ROOT_CONTEXT;
    const { traceparent, tracestate } = carrier as Record<string, unknown>;
    if (typeof traceparent !== 'string' || traceparent.length > 64) return ROOT_CONTEXT;
    const headers: Record<string, string> = { traceparent };
    if (typeof tracestate === 'string' && tracestate.length <= 512) headers.tracestate = tracestate;
    return this.#propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  }

  /** The trace id of the span in `context`, or null. */
  traceIdOf(context: Context): string | null {
    return trace.getSpanContext(context)?.traceId ?? null;
  }

  /**
   * The finished spans this machine recorded for a trace (not those it imported), as plain
   * data a job's last frame can carry. Empty when the trace is unknown.
   */
  exportSpans(traceId: string): SpanView[] {
    return (this.store.spans(traceId) ?? [])
      .filter((s) => !s.remote)
      .map(({ remote: _remote, ...span }) => ({
        ...span,
        remote: false,
      }));
  }

  /**
   * Adds spans a peer sent back for `traceId` after checking them (schema, at most 64
   * spans, 128 KiB, every span of that trace); they are marked `remote`, with
   * `maily.peer` set to `peer` when given. Throws E_INVALID_INPUT for anything else, and
   * adds nothing then. Returns how many spans were new.
   */
  importSpans(traceId: string, spans: unknown, peer?: string): number {
    const parsed = spanListSchema.safeParse(spans);
    if (!parsed.success) throw refused(parsed.error.issues[0]?.message ?? 'they are not spans');
    if (JSON.stringify(parsed.data).length > MAX_IMPORT_BYTES) throw refused('they are too large');
    if (parsed.data.some((s) => s.traceId !== traceId)) throw refused('they belong to another trace');
    const views: SpanView[] = parsed.data.map((s) => ({
      ...s,
      attributes: peer ? { ...s.attributes, 'maily.peer': peer.slice(0, MAX_ATTRIBUTE_LENGTH) } : s.attributes,
      remote: true,
    }));
    return this.store.add(views);
  }

  /** The most recent traces first. */
  list(limit?: number): TraceSummary[] {
    return this.store.list(limit);
  }

  /** One trace with its spans by start time; E_NOT_FOUND when it is no longer kept. */
  get(traceId: string): { trace: TraceSummary; spans: SpanView[] } {
    const spans = traceIdSchema.safeParse(traceId).success ? this.store.spans(traceId) : null;
    if (!spans)
      throw new MailyError(ErrorCode.NotFound, 'This trace is no longer kept (only the most recent ones are).');
    return { trace: summarise(traceId, spans), spans };
  }

  /** Calls `listener` with a trace's id when spans were added to it. */
  onChanged(listener: (traceId: string) => void): () => void {
    return this.store.onChanged(listener);
  }

  async dispose(): Promise<void> {
    await this.#provider.shutdown();
    this.store.clear();
  }
}

/** Marks a span failed with the error's message. */
export function endWithError(span: Span, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: message.slice(0, MAX_ATTRIBUTE_LENGTH) });
}

function refused(why: string): MailyError {
  return new MailyError(ErrorCode.InvalidInput, `The peer's spans were refused: ${why}.`);
}
