/**
 * The one catalogue of error codes that cross a boundary (IPC, WebSocket, later peers).
 * Every failure the renderer can see carries one of these codes plus a human message
 * that says what to do next.
 */
export const ErrorCode = {
  /** The arguments of a call did not match its schema. */
  InvalidInput: 'E_INVALID_INPUT',
  /** The channel is not part of the contract. */
  UnknownChannel: 'E_UNKNOWN_CHANNEL',
  /** A frame or payload is larger than the cap for that boundary. */
  TooLarge: 'E_TOO_LARGE',
  /** A frame could not be decoded at all. */
  MalformedFrame: 'E_MALFORMED_FRAME',
  /** The caller is not allowed (wrong token, foreign sender). */
  Unauthorized: 'E_UNAUTHORIZED',
  /** The named thing does not exist (or is in the trash when it must not be). */
  NotFound: 'E_NOT_FOUND',
  /** The campaign is open read-only (it could not be fully read). */
  ReadOnly: 'E_READ_ONLY',
  /** A Yjs update failed to decode. */
  BadUpdate: 'E_BAD_UPDATE',
  /** Stored data failed its integrity check. */
  Corrupt: 'E_CORRUPT',
  /** The transport is not connected. */
  Disconnected: 'E_DISCONNECTED',
  /** The call took longer than its deadline. */
  Timeout: 'E_TIMEOUT',
  /** The host is shutting down. */
  Disposed: 'E_DISPOSED',
  /** Anything unexpected; the host logged the details. */
  Internal: 'E_INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const codes = new Set<string>(Object.values(ErrorCode));

/** Plain, serialisable error shape used on every wire. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** An error with a catalogue code. Thrown by services, carried as {@link ErrorInfo}. */
export class MailyError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MailyError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** True when `value` is a well-formed {@link ErrorInfo} (e.g. received from a wire). */
export function isErrorInfo(value: unknown): value is ErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && codes.has(v.code) && typeof v.message === 'string';
}

/** Turns anything thrown into an {@link ErrorInfo}; unknown errors become E_INTERNAL. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof MailyError) return error.toInfo();
  if (isErrorInfo(error)) return { code: error.code, message: error.message };
  return {
    code: ErrorCode.Internal,
    message: 'Something went wrong inside Maily. Try again; if it keeps happening, restart the app.',
  };
}

/** The message of a {@link MailyError} (written for the designer), or `fallback` for anything else. */
export function messageOf(error: unknown, fallback = 'That did not work. Try again.'): string {
  return error instanceof MailyError ? error.message : fallback;
}
