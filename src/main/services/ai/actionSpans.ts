import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { GenerateRequest, GenerateResult } from '../../../shared/ai/llm';
import type { LlmNode } from '../llm/LlmNode';
import { endWithError, type Tracing } from '../tracing/Tracing';

/** The spans of one AI action: the action's own, with a child per step and per LLM job. */
export interface ActionSpans {
  /** Runs `fn` in a child span named `name` (e.g. loading the model). */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs the LLM job in a child span `llm.job`; `fn` gets the span's trace context to put
   * into the job (`GenerateRequest.trace`), so the node that runs it continues the trace.
   */
  job(node: LlmNode, fn: (trace: GenerateRequest['trace']) => Promise<GenerateResult>): Promise<GenerateResult>;
  /** Ends the action's span: `ok`, or `error` with the error's message. Once. */
  end(error: unknown): void;
}

const none: ActionSpans = {
  step: (_name, fn) => fn(),
  job: (_node, fn) => fn(undefined),
  end: () => undefined,
};

/** The spans of an action of `kind` (`ai.<kind>`), or no-ops without tracing. */
export function actionSpans(tracing: Tracing | undefined, kind: string): ActionSpans {
  if (!tracing) return none;
  const { span: root, context } = tracing.startSpan(`ai.${kind}`, undefined, { 'maily.action': kind });
  let ended = false;
  return {
    step: (name, fn) => tracing.withSpan(name, context, {}, () => fn()),
    job: (node, fn) =>
      tracing.withSpan('llm.job', context, { 'maily.node': node.id }, async (span, jobContext) => {
        const result = await fn(tracing.inject(jobContext));
        describeJob(span, node, result);
        root.setAttribute('maily.tokens', result.tokens);
        return result;
      }),
    end(error) {
      if (ended) return;
      ended = true;
      if (error) endWithError(root, error);
      else root.setStatus({ code: SpanStatusCode.OK });
      root.end();
    },
  };
}

function describeJob(span: Span, node: LlmNode, result: GenerateResult): void {
  span.setAttributes({
    'maily.node': result.nodes?.length ? result.nodes.join(' → ') : node.id,
    'maily.model': node.modelId() ?? 'unknown',
    'maily.tokens': result.tokens,
    'maily.stop': result.stop,
  });
}
