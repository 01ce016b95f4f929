import { ErrorCode, MailyError } from '../../../shared/errors';
import { INVITE_PREFIX, MAX_INVITE_LENGTH, invitePayloadSchema, type InvitePayload } from '../../../shared/collab/team';

/** The link form of an invite: the code rides in the fragment, which no server receives. */
export const INVITE_LINK_PREFIX = 'maily://join#';

const notAnInvite = (why: string) =>
  new MailyError(ErrorCode.InvalidInput, `This is not a valid Maily invite (${why}). Ask your teammate for a new one.`);

/** Encodes an invite as `maily-invite:<base64url JSON>`. */
export function encodeInvite(payload: InvitePayload): string {
  return `${INVITE_PREFIX}${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
}

/**
 * Reads an invite code or link someone pasted (hostile input: any text). Accepts the
 * bare code or the `maily://join#…` link; throws E_INVALID_INPUT saying what is wrong.
 */
export function decodeInvite(text: string): InvitePayload {
  let code = text.trim();
  if (code.length > MAX_INVITE_LENGTH) throw notAnInvite('it is too long');
  if (code.startsWith(INVITE_LINK_PREFIX)) code = code.slice(INVITE_LINK_PREFIX.length);
  if (!code.startsWith(INVITE_PREFIX)) throw notAnInvite('it does not start with “maily-invite:”');
  const body = code.slice(INVITE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw notAnInvite('it has characters an invite never has; it may be cut off');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw notAnInvite('it is cut off or damaged');
  }
  const parsed = invitePayloadSchema.safeParse(json);
  if (!parsed.success) throw notAnInvite(parsed.error.issues[0]?.message ?? 'its contents are damaged');
  return parsed.data;
}
