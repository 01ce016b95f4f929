import { z } from 'zod';

/**
 * Building blocks of the request contract, shared by `contract.ts` and the per-domain
 * contract files in `domains/` (each domain declares its channels beside its own types;
 * `contract.ts` spreads them into the one `requests` object).
 */

/** Marks a channel's output type without a runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

/** One request channel: the schema its input must pass, and its output type. */
export function request<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

/** An id of a campaign, email, node, job, …: letters, digits, `_` and `-`. */
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');
