import { z } from 'zod';

/**
 * Presence: what each teammate's window shares through Yjs awareness (never stored,
 * never in the document). Remote states are hostile input: read them only through
 * {@link readPresence}, which drops what does not fit.
 */

const finite = z.number().finite();
const point = z.object({ x: finite, y: finite });
const shortId = z.string().max(64);

export const presenceStateSchema = z.object({
  user: z.object({
    name: z.string().max(60),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  }),
  /** This window's y-webrtc peer id, so the sync panel can put a name to a connection. */
  peer: z.string().max(64).optional(),
  /** The pointer on the canvas, in flow coordinates; null when it left the canvas. */
  cursor: point.nullable().optional(),
  /** Ids of the journey nodes this teammate has selected. */
  selection: z.array(shortId).max(500).optional(),
  /** Their canvas viewport, so others can follow it. */
  viewport: z.object({ x: finite, y: finite, zoom: finite.positive() }).nullable().optional(),
  /** The email they have open, and the block they are in. */
  email: z.object({ emailId: shortId, blockId: shortId.nullable() }).nullable().optional(),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;

/** A teammate in the room, as the UI shows them. */
export interface RemotePresence extends PresenceState {
  /** The Yjs client id of their window. */
  clientId: number;
}

/** The local fields a window updates as the designer works. */
export type LocalPresence = Omit<PresenceState, 'user'>;

/** A remote awareness state as presence, or null when it is not one (or is hostile). */
export function readPresence(clientId: number, state: unknown): RemotePresence | null {
  const parsed = presenceStateSchema.safeParse(state);
  return parsed.success ? { ...parsed.data, clientId } : null;
}

/**
 * What the canvas and the email editor get from the collaboration feature: the others'
 * presence, and a way to publish their own. Both sides only know this interface.
 */
export interface PresenceFeed {
  /** Teammates here now (never this window). */
  remote(): readonly RemotePresence[];
  /** Calls `listener` whenever {@link PresenceFeed.remote} changes. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Merges `patch` into this window's presence. */
  setLocal(patch: Partial<LocalPresence>): void;
  /** The teammate whose viewport the canvas follows, or null. */
  following(): number | null;
  /** Starts (or with null stops) following a teammate's viewport. */
  follow(clientId: number | null): void;
}
