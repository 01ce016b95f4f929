import { z } from 'zod';

/** What the AI remembers: brand voice, past emails, accepted suggestions. */
export const memoryKinds = ['brandVoice', 'pastEmail', 'acceptedSuggestion', 'note'] as const;
export type MemoryKind = (typeof memoryKinds)[number];

export const memoryInputSchema = z.object({
  kind: z.enum(memoryKinds),
  title: z.string().trim().min(1, 'Give the item a title').max(200),
  text: z.string().trim().min(1, 'Write what the AI should remember').max(20_000),
});
export type MemoryInput = z.infer<typeof memoryInputSchema>;

export interface MemoryItem extends MemoryInput {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** True once an embedding is stored for the current text. */
  embedded: boolean;
}

/** One retrieved item, with how it ranked. */
export interface MemoryHit {
  item: MemoryItem;
  /** Reciprocal-rank-fusion score. */
  score: number;
  /** Rank in the full-text and in the vector list, 1-based; null when absent from one. */
  textRank: number | null;
  vectorRank: number | null;
}
