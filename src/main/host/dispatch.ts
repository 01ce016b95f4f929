import { requests, isChannel, type Channel, type Output, type ParsedInput } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/client';
import { ErrorCode, MailyError, toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { Logger } from './logger';

/** Requests slower than this are logged, to find what makes the UI wait. */
const SLOW_REQUEST_MS = Number(process.env.MAILY_SLOW_REQUEST_MS ?? 250);

/** Who is calling: one session per window (Electron) or per socket (headless). */
export interface CallContext {
  sessionId: string;
}

/** One handler per channel of the contract; a missing one is a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: CallContext) => Output<C> | Promise<Output<C>>;
};

function fail(code: ErrorInfo['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** Renders zod issues as one sentence a designer (or a developer) can act on. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `The request was not valid — ${first.join('; ')}.`;
}

/**
 * The single entry point both transports use: checks that the channel exists,
 * validates the input against the contract's schema, runs the handler and turns every
 * outcome into an envelope. Nothing thrown here crosses a process boundary.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  ctx: CallContext,
  log: Logger,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return fail(ErrorCode.UnknownChannel, `"${String(channel).slice(0, 64)}" is not a Maily request.`);
  }
  const parsed = requests[channel].input.safeParse(input);
  if (!parsed.success) return fail(ErrorCode.InvalidInput, describeIssues(parsed.error.issues));
  const started = performance.now();
  try {
    const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const ms = performance.now() - started;
    if (ms > SLOW_REQUEST_MS) log.warn(`slow request ${channel}: ${Math.round(ms)} ms`);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof MailyError)) log.error(`request ${channel} failed`, error);
    return { ok: false, error: toErrorInfo(error) };
  }
}
