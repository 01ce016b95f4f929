import { z } from 'zod';
import { emailSchema } from '../journey/kinds';
import { emailContentSchema } from './blocks';

/**
 * What a render asks for and what it gives back, as plain data: the contract's
 * `email:render` and `mail:testSend` channels carry these.
 */

/** Most bytes of sample contact data (as JSON) one render takes. */
export const MAX_SAMPLE_BYTES = 64 * 1024;

function smallJson(value: unknown): boolean {
  try {
    return (JSON.stringify(value)?.length ?? 0) <= MAX_SAMPLE_BYTES;
  } catch {
    return false; // not JSON at all (a BigInt, a cycle): refused by the message below
  }
}

/** The sample contact's attributes; nested objects are reached with dotted tags (`company.name`). */
export const sampleContactSchema = z
  .record(z.string().max(200), z.unknown())
  .refine(smallJson, `Sample contact data is capped at ${MAX_SAMPLE_BYTES / 1024} KB of JSON`);

/** One email to render: the Email node's fields, its body and a sample contact. */
export const renderRequestSchema = z.object({
  node: emailSchema,
  content: emailContentSchema,
  sample: sampleContactSchema,
  /** Attribute names contacts have; a tag naming any other is reported. Omit to skip the check. */
  knownAttributes: z.array(z.string().max(200)).max(1000).optional(),
});

export type RenderRequest = z.infer<typeof renderRequestSchema>;

/** A problem found while rendering, shown next to its block (null: the subject, preheader or whole email). */
export interface RenderError {
  blockId: string | null;
  message: string;
}

/** A rendered email: responsive HTML, the plain-text part, and the personalised subject and preheader. */
export interface RenderedEmail {
  html: string;
  text: string;
  subject: string;
  preheader: string;
  errors: RenderError[];
}
