import { z } from 'zod';
import type { SubtaskOutput, SubtaskOutputKind } from '../../../shared/agents/plan';

/**
 * A subtask's answer to its output. The answer is untrusted text from any node of the
 * mesh: it is parsed as JSON and checked, every string loses control characters and is
 * capped, and a cut-off answer keeps the complete fields it has. Null when nothing usable
 * is left (the subtask then fails with a reason).
 */

/** Control characters (all but tab and newline), bidi overrides and zero-width marks. */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line: control characters removed, whitespace collapsed, capped. */
export function cleanLine(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return value.replace(unsafe, '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** A paragraph: like {@link cleanLine} but keeps single line breaks. */
export function cleanText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(unsafe, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, max);
}

const strings = z.array(z.unknown()).max(50);
const shapes = {
  email: z.object({
    subject: z.unknown(),
    preheader: z.unknown().optional(),
    heading: z.unknown().optional(),
    paragraphs: strings.optional(),
  }),
  step: z.object({ label: z.unknown(), detail: z.unknown().optional() }),
  note: z.object({ text: z.unknown() }),
  analysis: z.object({ points: strings }),
};

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The complete `"key": "string"` fields and string array items of a cut-off answer. */
function salvage(text: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const m of text.matchAll(/"(subject|preheader|heading|label|detail|text)"\s*:\s*("(?:[^"\\]|\\.)*")/g)) {
    const value = json(m[2]);
    if (typeof value === 'string' && !(m[1] in found)) found[m[1]] = value;
  }
  const list = /"(paragraphs|points)"\s*:\s*\[([\s\S]*)/.exec(text);
  if (list) {
    const items = [...list[2].matchAll(/"(?:[^"\\]|\\.)*"/g)]
      .map((m) => json(m[0]))
      .filter((v) => typeof v === 'string');
    found[list[1]] = items;
  }
  return found;
}

const MAX_SUBJECT = 200;
const MAX_PREHEADER = 200;
const MAX_HEADING = 200;
const MAX_PARAGRAPH = 2_000;
const MAX_PARAGRAPHS = 6;
const MAX_NOTE = 4_000;
const MAX_POINTS = 8;

export function parseOutput(kind: SubtaskOutputKind, text: string): SubtaskOutput | null {
  const raw = json(text.slice(0, 200_000)) ?? salvage(text.slice(0, 200_000));
  switch (kind) {
    case 'email': {
      const parsed = shapes.email.safeParse(raw);
      if (!parsed.success) return null;
      const subject = cleanLine(parsed.data.subject, MAX_SUBJECT);
      const paragraphs = (parsed.data.paragraphs ?? [])
        .map((p) => cleanText(p, MAX_PARAGRAPH))
        .filter(Boolean)
        .slice(0, MAX_PARAGRAPHS);
      if (!subject && paragraphs.length === 0) return null;
      return {
        kind,
        subject,
        preheader: cleanLine(parsed.data.preheader, MAX_PREHEADER),
        heading: cleanLine(parsed.data.heading, MAX_HEADING),
        paragraphs,
      };
    }
    case 'step': {
      const parsed = shapes.step.safeParse(raw);
      const label = parsed.success ? cleanLine(parsed.data.label, 120) : '';
      return label ? { kind, label, detail: cleanText(parsed.data?.detail, 1_000) } : null;
    }
    case 'note': {
      const parsed = shapes.note.safeParse(raw);
      const note = parsed.success ? cleanText(parsed.data.text, MAX_NOTE) : '';
      return note ? { kind, text: note } : null;
    }
    case 'analysis': {
      const parsed = shapes.analysis.safeParse(raw);
      const points = parsed.success
        ? parsed.data.points
            .map((p) => cleanLine(p, 500))
            .filter(Boolean)
            .slice(0, MAX_POINTS)
        : [];
      return points.length ? { kind, points } : null;
    }
  }
}

/** An output as text for the prompts of the subtasks that build on it, and for notes on the canvas. */
export function summarise(output: SubtaskOutput): string {
  switch (output.kind) {
    case 'email':
      return [
        `Subject: ${output.subject}`,
        `Preheader: ${output.preheader}`,
        `Heading: ${output.heading}`,
        ...output.paragraphs,
      ].join('\n');
    case 'step':
      return `${output.label}: ${output.detail}`;
    case 'note':
      return output.text;
    case 'analysis':
      return output.points.map((p) => `- ${p}`).join('\n');
  }
}
