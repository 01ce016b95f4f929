import { isError } from 'ethers';
import { ErrorCode, MailyError } from '../../../../shared/errors';
import { registryInterface } from './artifacts';

/** Where a failing call went, for messages that say what to check. */
export interface ChainCallContext {
  rpcUrl: string;
  chainId?: number | null;
  /** What the designer was doing, such as "anchor the certificate". */
  action: string;
  timeoutMs: number;
  /** The signing address, for "not enough funds" messages. */
  from?: string;
}

/** Thrown by our own deadline around an RPC call. */
export class RpcTimeout extends Error {
  constructor() {
    super('RPC timeout');
  }
}

/** Resolves or rejects like `promise`, or rejects with {@link RpcTimeout} after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RpcTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const unreachablePattern =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|fetch failed/i;

function chainOf(ctx: ChainCallContext): string {
  return ctx.chainId ? `chain ${ctx.chainId}` : 'this chain';
}

/** A revert of the registry, as the designer should read it. */
function registryRevert(data: string | null | undefined): MailyError | null {
  if (!data || data === '0x') return null;
  let parsed;
  try {
    parsed = registryInterface.parseError(data);
  } catch {
    return null;
  }
  if (!parsed) return null;
  switch (parsed.name) {
    case 'AlreadyAnchored':
      return new MailyError(
        ErrorCode.InvalidInput,
        'This certificate is already anchored; a certificate can be anchored only once. Read its status instead.',
      );
    case 'NotAnchored':
      return new MailyError(
        ErrorCode.NotFound,
        'This certificate is not anchored on chain, so there is nothing to revoke.',
      );
    case 'NotAnchorer':
      return new MailyError(
        ErrorCode.Unauthorized,
        `Only ${String(parsed.args[1])}, the address that anchored this certificate, can revoke it.`,
      );
    case 'AlreadyRevoked':
      return new MailyError(ErrorCode.InvalidInput, 'This certificate is already revoked on chain.');
    case 'EmptyHash':
      return new MailyError(ErrorCode.InvalidInput, 'The certificate has no content hash to anchor.');
    default:
      return null;
  }
}

/** True when an error, its causes or the RPC error it carries has a code or message matching `pattern`. */
function mentions(error: unknown, pattern: RegExp): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; error?: unknown };
    if (typeof e.code === 'string' && pattern.test(e.code)) return true;
    if (typeof e.message === 'string' && pattern.test(e.message)) return true;
    current = e.cause ?? e.error;
  }
  return false;
}

/** Nodes word "not enough for gas" differently (geth, Hardhat, Anvil, …). */
const noFundsPattern = /insufficient funds|enough funds|balance too low|insufficient balance/i;

/**
 * Turns anything an ethers call threw into a MailyError that says what went wrong and
 * what to do: the RPC not answering or unreachable, not enough funds for gas, a
 * registry revert (already anchored, not the anchorer, …), no contract at the address.
 */
export function chainError(error: unknown, ctx: ChainCallContext): MailyError {
  if (error instanceof MailyError) return error;
  if (error instanceof RpcTimeout || isError(error, 'TIMEOUT'))
    return new MailyError(
      ErrorCode.Timeout,
      `The RPC at ${ctx.rpcUrl} did not answer within ${Math.round(ctx.timeoutMs / 1000)} s while trying to ${ctx.action}. Check the URL in Settings → Trust and your connection, then try again.`,
    );
  if (isError(error, 'INSUFFICIENT_FUNDS') || mentions(error, noFundsPattern))
    return new MailyError(
      ErrorCode.InvalidInput,
      `${ctx.from ?? 'The signing address'} has not enough funds to pay for gas on ${chainOf(ctx)}. Send it some, then try again.`,
    );
  if (isError(error, 'ACTION_REJECTED'))
    return new MailyError(ErrorCode.Unauthorized, `The wallet refused to ${ctx.action}.`);
  if (isError(error, 'CALL_EXCEPTION')) {
    const revert = registryRevert(error.data);
    if (revert) return revert;
    if (error.data === '0x' || error.data == null)
      return new MailyError(
        ErrorCode.NotFound,
        `The contract refused to ${ctx.action} without saying why. Check that the addresses in Settings → Trust are Maily's contracts on ${chainOf(ctx)}.`,
      );
  }
  if (isError(error, 'BAD_DATA'))
    return new MailyError(
      ErrorCode.NotFound,
      `The contract at that address on ${chainOf(ctx)} does not answer like Maily's contract. Check the address in Settings → Trust.`,
    );
  if (isError(error, 'NONCE_EXPIRED') || isError(error, 'REPLACEMENT_UNDERPRICED'))
    return new MailyError(
      ErrorCode.InvalidInput,
      `Another transaction from ${ctx.from ?? 'the signing address'} is in the way; wait for it to be mined, then try again.`,
    );
  if (mentions(error, unreachablePattern) || isError(error, 'NETWORK_ERROR'))
    return new MailyError(
      ErrorCode.Disconnected,
      `Cannot reach the RPC at ${ctx.rpcUrl}. Check the URL in Settings → Trust and that the node is running, then try again.`,
    );
  if (isError(error, 'SERVER_ERROR'))
    return new MailyError(
      ErrorCode.Disconnected,
      `The RPC at ${ctx.rpcUrl} answered with an error while trying to ${ctx.action}. Check the URL in Settings → Trust.`,
    );
  return new MailyError(
    ErrorCode.Internal,
    `Could not ${ctx.action} on ${chainOf(ctx)}. Check the settings in Settings → Trust, then try again.`,
  );
}
