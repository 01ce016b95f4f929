import { z } from 'zod';
import { MAX_TEXT_CHARS, blockSchemas, isBlockKind, textRunSchema, type Block } from './blocks';

type Editable<B> = B extends Block ? Partial<Omit<B, 'id' | 'kind' | 'columns'>> : never;

/**
 * A change to one block: any of its fields except `id`, `kind` and `columns`, plus
 * `columnCount` (2 or 3) for a row of columns.
 */
export type BlockPatch = Editable<Block> & { columnCount?: 2 | 3 };

const fixed = new Set(['id', 'kind', 'columns']);
const runs = z.array(textRunSchema).max(5000);
const columnCount = z.union([z.literal(2), z.literal(3)]);

type Checked = { ok: true; patch: Record<string, unknown> } | { ok: false; reason: string };

function fieldSchema(kind: keyof typeof blockSchemas, key: string): z.ZodType | string {
  if (fixed.has(key)) return `“${key}” cannot be changed.`;
  if (key === 'columnCount') return kind === 'columns' ? columnCount : 'Only a row of columns has a column count.';
  if (key === 'text' && kind === 'heading') return z.string().max(MAX_TEXT_CHARS);
  if (key === 'text' && kind === 'text') return runs;
  const shape = blockSchemas[kind].shape as Record<string, z.ZodType>;
  return Object.hasOwn(shape, key) ? shape[key] : `A ${kind} block has no “${key.slice(0, 40)}”.`;
}

/** Checks every key of a patch against the block's kind; the parsed patch, or why not. */
export function validatePatch(kind: unknown, patch: unknown): Checked {
  if (!isBlockKind(kind)) return { ok: false, reason: 'This block is damaged and cannot be edited.' };
  if (typeof patch !== 'object' || patch === null) return { ok: false, reason: 'Nothing to change.' };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const schema = fieldSchema(kind, key);
    if (typeof schema === 'string') return { ok: false, reason: schema };
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, reason: `${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    out[key] = parsed.data;
  }
  return { ok: true, patch: out };
}
