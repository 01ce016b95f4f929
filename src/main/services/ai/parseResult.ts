import { z } from 'zod';
import type { AiAction, AiResult, ReviewFinding } from '../../../shared/ai/actions';
import { isNodeKind } from '../../../shared/journey/kinds';
import type { StepLine } from './campaignContext';

/**
 * Turns a model's answer into an action's result. The answer is untrusted text (and may
 * be cut short by a stop): JSON is parsed and checked, ids must name real steps, and
 * what does not fit is dropped rather than shown.
 */

const suggestionsSchema = z.object({
  suggestions: z.array(z.object({ subject: z.string(), rationale: z.string() })).max(20),
});
const stepSchema = z.object({ kind: z.string(), label: z.string(), reason: z.string() });
const reviewSchema = z.object({
  findings: z.array(
    z.object({ nodeId: z.string(), severity: z.enum(['info', 'warning', 'problem']), message: z.string() }),
  ),
});

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // cut short or not JSON: the caller returns an empty result
  }
}

/**
 * The complete suggestions in an answer that was cut short (stopped, or out of tokens):
 * every whole `{"subject": …, "rationale": …}` object before the cut.
 */
function completeSuggestions(text: string): unknown[] {
  const found: unknown[] = [];
  for (const match of text.matchAll(
    /\{\s*"subject"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"rationale"\s*:\s*"(?:[^"\\]|\\.)*"\s*\}/g,
  )) {
    const value = json(match[0]);
    if (value) found.push(value);
  }
  return found;
}

const clean = (value: string, max: number) => value.replace(/\s+/g, ' ').trim().slice(0, max);

export interface ParseContext {
  steps: readonly StepLine[];
}

export function parseResult(action: AiAction, text: string, ctx: ParseContext): AiResult {
  switch (action.kind) {
    case 'subjectLines': {
      const parsed = suggestionsSchema.safeParse(json(text) ?? { suggestions: completeSuggestions(text) });
      const seen = new Set<string>();
      const suggestions = (parsed.success ? parsed.data.suggestions : [])
        .map((s) => ({ subject: clean(s.subject, 120), rationale: clean(s.rationale, 200) }))
        .filter((s) => s.subject !== '' && !seen.has(s.subject) && seen.add(s.subject));
      return { kind: 'subjectLines', suggestions };
    }
    case 'draftEmail':
      return { kind: 'draftEmail', text: text.trim() };
    case 'rewriteBlock':
      return { kind: 'rewriteBlock', text: text.trim() };
    case 'nextStep': {
      const parsed = stepSchema.safeParse(json(text));
      const kind =
        parsed.success && isNodeKind(parsed.data.kind) && parsed.data.kind !== 'entry' ? parsed.data.kind : 'email';
      const after =
        action.afterNodeId && ctx.steps.some((s) => s.id === action.afterNodeId) ? action.afterNodeId : null;
      return {
        kind: 'nextStep',
        suggestion: {
          kind,
          label: parsed.success ? clean(parsed.data.label, 60) : '',
          reason: parsed.success ? clean(parsed.data.reason, 200) : '',
          afterNodeId: after,
          port: null, // the canvas picks a free output of that step when the suggestion is accepted
        },
      };
    }
    case 'reviewJourney': {
      const parsed = reviewSchema.safeParse(json(text));
      const ids = new Set(ctx.steps.map((s) => s.id));
      const findings: ReviewFinding[] = (parsed.success ? parsed.data.findings : [])
        .map((f) => ({
          nodeId: ids.has(f.nodeId) ? f.nodeId : null,
          severity: f.severity,
          message: clean(f.message, 240),
        }))
        .filter((f) => f.message !== '')
        .slice(0, 5);
      return { kind: 'reviewJourney', findings };
    }
  }
}
