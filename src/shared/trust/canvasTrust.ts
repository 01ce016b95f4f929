/**
 * What the canvas gets from the trust feature: one badge per Email step, saying what the
 * step's certificates say about its current content. The canvas only knows this
 * interface (it draws the badges on its Trust layer); the trust feature implements it
 * over the contract, so neither imports the other.
 */

/**
 * - `verified`: a valid certificate covers exactly the current content.
 * - `modified`: signed, but the content changed since the newest certificate.
 * - `unsigned`: no certificate yet.
 * - `revoked`: the newest certificate was revoked (the reason is in `description`).
 * - `expired`: the newest certificate's expiry has passed.
 * - `invalid`: the stored certificate does not verify (the reason is in `description`).
 */
export type TrustTone = 'verified' | 'modified' | 'unsigned' | 'revoked' | 'expired' | 'invalid';

/** One badge as it is drawn. */
export interface TrustBadgeView {
  tone: TrustTone;
  /** The short text on the badge, e.g. "Verified · Ana". */
  text: string;
  /** The whole sentence, for the tooltip and the accessible name (a revocation's reason, who signed). */
  description: string;
}

export interface CanvasTrustFeed {
  /** The badge of each Email step by node id; a step without one shows no badge (still loading). */
  get(): ReadonlyMap<string, TrustBadgeView>;
  /** Calls `listener` on every change. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The designer pressed a step's badge: show that email's certificates. */
  open(emailId: string): void;
}
