import type { RewriteStyle } from '../../../shared/ai/actions';
import type { ChatMessage } from '../../../shared/ai/llm';
import type { MemoryHit } from '../../../shared/ai/memory';
import { nodeKinds } from '../../../shared/journey/kinds';
import type { EmailContext, StepLine } from './campaignContext';

/**
 * Every prompt the AI actions send, in one place and versioned: a result records the
 * version that made it, so a change of wording is a new version here. Structured
 * outputs carry a JSON schema with length caps, so even a small model ends its answer.
 */
export const PROMPT_VERSION = 'maily-prompts/1';

export interface Prompt {
  messages: ChatMessage[];
  jsonSchema?: Record<string, unknown>;
  maxTokens: number;
  temperature: number;
}

const SYSTEM = [
  'You are the writing assistant inside Maily, an app where marketers design email journeys.',
  'Write in the brand voice described in the notes, in the language of the email unless asked otherwise.',
  'Never invent discounts, prices or facts that are not in the campaign or the notes.',
].join(' ');

/** The retrieved memory items as numbered notes (their ids are shown to the designer as sources). */
function notes(memory: readonly MemoryHit[]): string {
  if (memory.length === 0) return 'Notes: (none)';
  const lines = memory.map((hit, i) => `${i + 1}. ${hit.item.title}: ${hit.item.text.slice(0, 600)}`);
  return `Notes from the team's memory:\n${lines.join('\n')}`;
}

function describeEmail(email: EmailContext): string {
  return [
    `Email "${email.label}"`,
    `Subject: ${email.subject || '(none yet)'}`,
    `Preheader: ${email.preheader || '(none)'}`,
    `From: ${email.sender || '(not set)'}`,
    `Body:\n${email.text || '(empty)'}`,
  ].join('\n');
}

function chat(user: string, memory: readonly MemoryHit[]): ChatMessage[] {
  return [
    { role: 'system', content: `${SYSTEM}\n\n${notes(memory)}` },
    { role: 'user', content: user },
  ];
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });

export function subjectLinesPrompt(email: EmailContext, count: number, memory: readonly MemoryHit[]): Prompt {
  return {
    messages: chat(
      `${describeEmail(email)}\n\nSuggest ${count} subject lines for this email, each under 60 characters, ` +
        'each with a one-line rationale. Vary the angle (benefit, curiosity, urgency, personal).',
      memory,
    ),
    jsonSchema: {
      type: 'object',
      properties: {
        suggestions: {
          type: 'array',
          minItems: 1,
          maxItems: count,
          items: {
            type: 'object',
            properties: { subject: text(80), rationale: text(140) },
            required: ['subject', 'rationale'],
          },
        },
      },
      required: ['suggestions'],
    },
    // Small models spend a token a character or two: room for every capped field.
    maxTokens: 240 * count,
    temperature: 0.8,
  };
}

export function draftPrompt(email: EmailContext, brief: string, memory: readonly MemoryHit[]): Prompt {
  return {
    messages: chat(
      `${describeEmail(email)}\n\nDraft the body of this email from this brief: ${brief}\n` +
        'Write plain paragraphs separated by blank lines; no subject line, no markdown.',
      memory,
    ),
    maxTokens: 600,
    temperature: 0.7,
  };
}

const styleWords: Record<RewriteStyle, string> = {
  shorter: 'Make it about half as long, keeping the point.',
  friendlier: 'Make it warmer and friendlier.',
  formal: 'Make it more formal and polished.',
  translate: 'Translate it.',
};

export function rewritePrompt(
  blockText: string,
  style: RewriteStyle,
  language: string | undefined,
  memory: readonly MemoryHit[],
): Prompt {
  const how = style === 'translate' ? `Translate it into ${language || 'English'}.` : styleWords[style];
  return {
    messages: chat(`Rewrite this part of an email. ${how} Answer with the new text only.\n\n${blockText}`, memory),
    maxTokens: Math.min(600, 40 + Math.ceil(blockText.length / 2)),
    temperature: 0.6,
  };
}

export function nextStepPrompt(outline: string, after: StepLine | null, memory: readonly MemoryHit[]): Prompt {
  const where = after ? `after the step [${after.id}] "${after.label}"` : 'at the end of the journey';
  return {
    messages: chat(`${outline}\n\nSuggest the one next step ${where}, with a short reason.`, memory),
    jsonSchema: {
      type: 'object',
      properties: {
        kind: { enum: nodeKinds.filter((k) => k !== 'entry' && k !== 'note') },
        label: text(60),
        reason: text(160),
      },
      required: ['kind', 'label', 'reason'],
    },
    maxTokens: 160,
    temperature: 0.5,
  };
}

export function reviewPrompt(outline: string, steps: readonly StepLine[], memory: readonly MemoryHit[]): Prompt {
  const ids = steps.map((s) => s.id);
  return {
    messages: chat(
      `${outline}\n\nReview this journey like a senior lifecycle marketer: timing, missing follow-ups, ` +
        'branches without a plan, too many emails. Give up to 5 findings, each about one step when it can.',
      memory,
    ),
    jsonSchema: {
      type: 'object',
      properties: {
        findings: {
          type: 'array',
          maxItems: 5,
          items: {
            type: 'object',
            properties: {
              nodeId: ids.length ? { enum: [...ids, 'none'] } : { enum: ['none'] },
              severity: { enum: ['info', 'warning', 'problem'] },
              message: text(200),
            },
            required: ['nodeId', 'severity', 'message'],
          },
        },
      },
      required: ['findings'],
    },
    maxTokens: 400,
    temperature: 0.4,
  };
}
