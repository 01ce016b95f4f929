import { SpanStatusCode, type AttributeValue } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  MAX_ATTRIBUTE_LENGTH,
  MAX_SPAN_ATTRIBUTES,
  MAX_SPAN_NAME,
  type SpanAttribute,
  type SpanView,
} from '../../../shared/tracing/traces';
import type { RecentTraces } from './RecentTraces';

/** Puts every span that ends into the {@link RecentTraces} store, as a plain {@link SpanView}. */
export class RecentTracesProcessor implements SpanProcessor {
  readonly #store: RecentTraces;

  constructor(store: RecentTraces) {
    this.#store = store;
  }

  onStart(): void {
    // Only finished spans are shown: nothing to do when one starts.
  }

  onEnd(span: ReadableSpan): void {
    this.#store.add([toSpanView(span)]);
  }

  async forceFlush(): Promise<void> {
    // Spans are stored as they end: nothing is buffered.
  }

  async shutdown(): Promise<void> {
    // The store belongs to the tracing service, which clears it.
  }
}

/** A finished OpenTelemetry span as plain data. */
export function toSpanView(span: ReadableSpan): SpanView {
  const context = span.spanContext();
  const status =
    span.status.code === SpanStatusCode.ERROR ? 'error' : span.status.code === SpanStatusCode.OK ? 'ok' : 'unset';
  const attributes: Record<string, SpanAttribute> = {};
  for (const [key, value] of Object.entries(span.attributes).slice(0, MAX_SPAN_ATTRIBUTES)) {
    const plain = plainAttribute(value);
    if (plain !== undefined) attributes[key] = plain;
  }
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name.slice(0, MAX_SPAN_NAME),
    start: hrTimeToMilliseconds(span.startTime),
    end: hrTimeToMilliseconds(span.endTime),
    status,
    statusMessage: status === 'error' ? (span.status.message ?? null) : null,
    attributes,
    remote: false,
  };
}

function plainAttribute(value: AttributeValue | undefined): SpanAttribute | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.slice(0, MAX_ATTRIBUTE_LENGTH);
}
