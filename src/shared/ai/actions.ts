import { z } from 'zod';
import type { ErrorInfo } from '../errors';
import type { MemoryKind } from './memory';

/** The AI actions a designer can run where they work, each one job on an LLM node. */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

export const rewriteStyles = ['shorter', 'friendlier', 'formal', 'translate'] as const;
export type RewriteStyle = (typeof rewriteStyles)[number];

export const aiActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('subjectLines'),
    campaignId: id,
    emailId: id,
    count: z.number().int().min(1).max(8).optional(),
  }),
  z.object({ kind: z.literal('draftEmail'), campaignId: id, emailId: id, brief: z.string().trim().min(1).max(2_000) }),
  z.object({
    kind: z.literal('rewriteBlock'),
    campaignId: id,
    emailId: id,
    blockId: id,
    style: z.enum(rewriteStyles),
    language: z.string().trim().max(40).optional(),
  }),
  z.object({ kind: z.literal('nextStep'), campaignId: id, afterNodeId: id.optional() }),
  z.object({ kind: z.literal('reviewJourney'), campaignId: id }),
]);
export type AiAction = z.infer<typeof aiActionSchema>;
export type AiActionKind = AiAction['kind'];

export interface SubjectLine {
  subject: string;
  rationale: string;
}

export interface StepSuggestion {
  kind: string;
  label: string;
  reason: string;
  /** The node it should follow, and the port. */
  afterNodeId: string | null;
  port: string | null;
}

export interface ReviewFinding {
  nodeId: string | null;
  severity: 'info' | 'warning' | 'problem';
  message: string;
}

export type AiResult =
  | { kind: 'subjectLines'; suggestions: SubjectLine[] }
  | { kind: 'draftEmail'; text: string }
  | { kind: 'rewriteBlock'; text: string }
  | { kind: 'nextStep'; suggestion: StepSuggestion }
  | { kind: 'reviewJourney'; findings: ReviewFinding[] };

/** A memory item a job's prompt used. */
export interface AiSource {
  id: string;
  kind: MemoryKind;
  title: string;
}

/** Events of one job, in order: progress (many), then done or failed. */
export interface AiProgress {
  jobId: string;
  /** New text since the last progress event. */
  delta: string;
  tokens: number;
  /** Set when the mesh (re)assigns the job: the node it now runs on, and its name off this desktop. */
  node?: { id: string; name: string | null };
}
export interface AiDone {
  jobId: string;
  result: AiResult;
  sources: AiSource[];
  /** The model and prompt version that produced it. */
  modelId: string;
  promptVersion: string;
  tokens: number;
  ms: number;
  /** The mesh node(s) that produced it, in order (more than one after a failover). */
  nodes?: string[];
  /** Their names, as the mesh view shows them (“Bo”, “GPU box”), when not only this desktop. */
  servedBy?: string[];
  /** True when it was stopped: `result` holds what came before the stop. */
  stopped: boolean;
}
export interface AiFailed {
  jobId: string;
  error: ErrorInfo;
}
