import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { AiAction, AiDone, AiFailed, AiProgress, AiSource } from '../../../shared/ai/actions';
import type { MemoryHit } from '../../../shared/ai/memory';
import { ErrorCode, MailyError, toErrorInfo } from '../../../shared/errors';
import type { LlmNode } from '../llm/LlmNode';
import type { Tracing } from '../tracing/Tracing';
import { actionSpans } from './actionSpans';
import { emailContext, journeyOutline, type StepLine } from './campaignContext';
import { parseResult } from './parseResult';
import {
  PROMPT_VERSION,
  draftPrompt,
  nextStepPrompt,
  reviewPrompt,
  rewritePrompt,
  subjectLinesPrompt,
  type Prompt,
} from './prompts';

/** Where the AI looks for relevant memory items. */
export interface MemorySource {
  search(query: string, limit: number): Promise<MemoryHit[]> | MemoryHit[];
}

/** A job's events, to the one session that started it. */
export interface AiEvents {
  progress(payload: AiProgress): void;
  done(payload: AiDone): void;
  failed(payload: AiFailed): void;
}

export interface AiServiceOptions {
  /** Reads a campaign's document (the host's copy). */
  read<T>(campaignId: string, fn: (doc: Y.Doc) => T): T;
  node: LlmNode;
  memory?: MemorySource;
  /** Makes sure a model is loaded (e.g. the default one) before a job; throws a MailyError saying what to do. */
  prepare?: () => Promise<void>;
  /** Memory items put into a prompt. Defaults to 4. */
  memoryItems?: number;
  /** Text is sent to the UI at most this often, in ms. Defaults to 30. */
  progressEveryMs?: number;
  /** Records a span per action with a child span per LLM job. Defaults to none. */
  tracing?: Tracing;
}

interface Planned {
  prompt: Prompt;
  steps: readonly StepLine[];
  sources: AiSource[];
}

/**
 * Runs the AI actions where the designer works: reads what the action is about from
 * the campaign, retrieves memory, builds the versioned prompt, runs it on the LLM node
 * with streaming, and answers with a checked result and the memory items used. Every
 * job can be stopped; a stopped job still answers with what it had.
 */
export class AiService {
  readonly #options: AiServiceOptions;
  readonly #jobs = new Map<string, AbortController>();

  constructor(options: AiServiceOptions) {
    this.#options = options;
  }

  /** Starts `action`; its events go to `events`. Returns at once with the job's id. */
  run(action: AiAction, events: AiEvents): { jobId: string } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.#jobs.set(jobId, controller);
    // On the next turn: the caller's answer (the job id) must reach the window before the
    // job's first event, or the window could not tell the event is its own.
    setImmediate(() => {
      void this.#execute(jobId, action, events, controller.signal).finally(() => this.#jobs.delete(jobId));
    });
    return { jobId };
  }

  /** Stops a job (queued or running). Unknown or finished jobs are ignored. */
  cancel(jobId: string): { jobId: string } {
    this.#jobs.get(jobId)?.abort();
    return { jobId };
  }

  dispose(): void {
    for (const controller of this.#jobs.values()) controller.abort();
    this.#jobs.clear();
  }

  async #execute(jobId: string, action: AiAction, events: AiEvents, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const spans = actionSpans(this.#options.tracing, action.kind);
    try {
      const prepare = this.#options.prepare;
      if (prepare) await spans.step('model.prepare', prepare);
      const planned = await this.#plan(action);
      let pending = '';
      let tokens = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        timer = null;
        if (pending) events.progress({ jobId, delta: pending, tokens });
        pending = '';
      };
      const node = this.#options.node;
      const result = await spans.job(node, (trace) =>
        node.generate(
          {
            messages: planned.prompt.messages,
            jsonSchema: planned.prompt.jsonSchema,
            maxTokens: planned.prompt.maxTokens,
            temperature: planned.prompt.temperature,
            trace,
            onRoute: (nodeId) => events.progress({ jobId, delta: '', tokens, node: { id: nodeId, name: null } }),
          },
          (delta) => {
            pending += delta;
            tokens += 1;
            timer ??= setTimeout(flush, this.#options.progressEveryMs ?? 30);
          },
          signal,
        ),
      );
      if (timer) clearTimeout(timer);
      flush();
      events.done({
        jobId,
        result: parseResult(action, result.text, { steps: planned.steps }),
        sources: planned.sources,
        modelId: this.#options.node.modelId() ?? 'unknown',
        promptVersion: PROMPT_VERSION,
        tokens: result.tokens,
        ms: Math.round(performance.now() - started),
        stopped: result.stop === 'cancelled',
        ...(result.nodes?.length ? { nodes: result.nodes } : {}),
      });
      spans.end(null);
    } catch (error) {
      spans.end(error);
      events.failed({ jobId, error: toErrorInfo(error) });
    }
  }

  /** The prompt of an action, from the campaign as the host has it and the memory it matches. */
  async #plan(action: AiAction): Promise<Planned> {
    const read = this.#options.read;
    if (action.kind === 'subjectLines' || action.kind === 'draftEmail' || action.kind === 'rewriteBlock') {
      const email = read(action.campaignId, (doc) => emailContext(doc, action.emailId));
      const blockText = action.kind === 'rewriteBlock' ? email.blocks.get(action.blockId) : undefined;
      if (action.kind === 'rewriteBlock' && !blockText) {
        throw new MailyError(
          ErrorCode.NotFound,
          'This block has no text to rewrite, or it was deleted. Pick a text block.',
        );
      }
      const query =
        action.kind === 'draftEmail' ? `${action.brief} ${email.subject}` : `${email.subject} ${email.text}`;
      const memory = await this.#memory(query);
      const prompt =
        action.kind === 'subjectLines'
          ? subjectLinesPrompt(email, action.count ?? 5, memory)
          : action.kind === 'draftEmail'
            ? draftPrompt(email, action.brief, memory)
            : rewritePrompt(blockText!, action.style, action.language, memory);
      return { prompt, steps: [], sources: sourcesOf(memory) };
    }
    const outline = read(action.campaignId, (doc) => journeyOutline(doc));
    const memory = await this.#memory(outline.steps.map((s) => s.label).join(' '));
    const after = action.kind === 'nextStep' ? (outline.steps.find((s) => s.id === action.afterNodeId) ?? null) : null;
    const prompt =
      action.kind === 'nextStep'
        ? nextStepPrompt(outline.text, after, memory)
        : reviewPrompt(outline.text, outline.steps, memory);
    return { prompt, steps: outline.steps, sources: sourcesOf(memory) };
  }

  async #memory(query: string): Promise<MemoryHit[]> {
    if (!this.#options.memory || !query.trim()) return [];
    try {
      return await this.#options.memory.search(query.slice(0, 1_000), this.#options.memoryItems ?? 4);
    } catch {
      return []; // memory helps but is not required: a failing index must not fail the action
    }
  }
}

function sourcesOf(memory: readonly MemoryHit[]): AiSource[] {
  return memory.map((hit) => ({ id: hit.item.id, kind: hit.item.kind, title: hit.item.title }));
}
