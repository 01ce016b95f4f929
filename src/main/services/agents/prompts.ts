import type { ChatMessage } from '../../../shared/ai/llm';
import {
  MAX_SUBTASKS,
  agentRoles,
  subtaskOutputs,
  type AgentRole,
  type Subtask,
  type SubtaskOutputKind,
} from '../../../shared/agents/plan';

/**
 * Every prompt the agents send, in one place and versioned (like `../ai/prompts.ts`): a
 * plan records the version that made it. Outputs are JSON-schema constrained with
 * length caps, so even a small model ends its answer and the answer parses.
 */
export const AGENT_PROMPT_VERSION = 'maily-agents/1';

export interface AgentPrompt {
  messages: ChatMessage[];
  jsonSchema: Record<string, unknown>;
  maxTokens: number;
  temperature: number;
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });

/** Ids the coordinator may use: a fixed list, so the grammar keeps dependencies pointing at real ids. */
export const planIds = Array.from({ length: MAX_SUBTASKS }, (_, i) => `t${i + 1}`);

const roleWords: Record<AgentRole, string> = {
  content: 'a lifecycle copywriter who writes clear, warm emails',
  design: 'an email designer who decides layout, hierarchy and visual direction',
  analytics: 'a marketing analyst who picks timing, audience and what to measure',
  personalisation: 'a personalisation specialist who picks fields, segments and fallbacks',
  critic: 'a senior reviewer who checks the work for tone, clarity, claims and consistency',
};

const SYSTEM = [
  'You are part of a team of agents inside Maily, an app where marketers design email journeys.',
  'Never invent discounts, prices or facts that are not in the request or the campaign.',
].join(' ');

/** The coordinator: the request (and the campaign as it is) to a plan of subtasks. */
export function coordinatorPrompt(request: string, outline: string): AgentPrompt {
  return {
    messages: [
      {
        role: 'system',
        content:
          `${SYSTEM} You are the coordinator: split the designer's request into at most ${MAX_SUBTASKS} subtasks ` +
          `for the roles ${agentRoles.join(', ')}. Use the ids ${planIds.slice(0, 4).join(', ')}, … in order. ` +
          'Each email of a series is its own subtask with output "email" and role "content". A subtask lists ' +
          'in dependsOn the ids whose results it needs; independent subtasks run in parallel, so depend only on ' +
          'what is really needed. End with a critic subtask that depends on the emails.',
      },
      { role: 'user', content: `The campaign so far:\n${outline}\n\nRequest: ${request}` },
    ],
    jsonSchema: {
      type: 'object',
      properties: {
        goal: text(200),
        subtasks: {
          type: 'array',
          minItems: 1,
          maxItems: MAX_SUBTASKS,
          items: {
            type: 'object',
            properties: {
              id: { enum: planIds },
              role: { enum: [...agentRoles] },
              title: text(80),
              instructions: text(300),
              dependsOn: { type: 'array', maxItems: 4, items: { enum: planIds } },
              output: { enum: [...subtaskOutputs] },
            },
            required: ['id', 'role', 'title', 'instructions', 'dependsOn', 'output'],
          },
        },
      },
      required: ['goal', 'subtasks'],
    },
    maxTokens: 1_600,
    temperature: 0.3,
  };
}

const outputSchemas: Record<SubtaskOutputKind, { schema: Record<string, unknown>; maxTokens: number; ask: string }> = {
  email: {
    schema: {
      type: 'object',
      properties: {
        subject: text(80),
        preheader: text(100),
        heading: text(80),
        paragraphs: { type: 'array', minItems: 1, maxItems: 3, items: text(400) },
      },
      required: ['subject', 'preheader', 'heading', 'paragraphs'],
    },
    maxTokens: 700,
    ask: 'Write the email: a subject under 60 characters, a preheader, a heading and one to three short paragraphs.',
  },
  step: {
    schema: {
      type: 'object',
      properties: { label: text(60), detail: text(200) },
      required: ['label', 'detail'],
    },
    maxTokens: 160,
    ask: 'Describe the journey step: a short label and one sentence of detail.',
  },
  note: {
    schema: { type: 'object', properties: { text: text(600) }, required: ['text'] },
    maxTokens: 360,
    ask: 'Write a short note for the team.',
  },
  analysis: {
    schema: {
      type: 'object',
      properties: { points: { type: 'array', minItems: 1, maxItems: 5, items: text(200) } },
      required: ['points'],
    },
    maxTokens: 480,
    ask: 'Give up to five concrete points.',
  },
};

/** What a subtask's dependencies produced, as the prompt shows it. */
export interface DependencyResult {
  title: string;
  role: AgentRole;
  summary: string;
}

/** Most characters of one dependency's result in a prompt. */
const MAX_DEPENDENCY_CHARS = 1_500;

/** One subtask: its role, the goal, its instructions and the results it depends on. */
export function subtaskPrompt(
  goal: string,
  request: string,
  subtask: Subtask,
  dependencies: readonly DependencyResult[],
): AgentPrompt {
  const out = outputSchemas[subtask.output];
  const inputs = dependencies.length
    ? dependencies.map((d) => `## ${d.title} (${d.role})\n${d.summary.slice(0, MAX_DEPENDENCY_CHARS)}`).join('\n\n')
    : '(none)';
  return {
    messages: [
      { role: 'system', content: `${SYSTEM} You are ${roleWords[subtask.role]}.` },
      {
        role: 'user',
        content:
          `Goal of the team: ${goal}\nThe designer asked: ${request}\n\n` +
          `Your task: ${subtask.title}\n${subtask.instructions}\n\nResults of the tasks you build on:\n${inputs}\n\n${out.ask}`,
      },
    ],
    jsonSchema: out.schema,
    maxTokens: out.maxTokens,
    temperature: 0.6,
  };
}
