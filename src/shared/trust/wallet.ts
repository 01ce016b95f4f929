import { z } from 'zod';

/**
 * The designer's own wallet over WalletConnect, as the renderer sees it: the settings
 * (project id, relay), the state of the connection, the approved session and the queue
 * of signing requests waiting for the relay. Types and input schemas only; the client
 * runs in the main process (`src/main/services/trust/walletconnect`), and keys never
 * leave the wallet.
 */

/** WalletConnect's own relay; used when no `relayUrl` is set. */
export const DEFAULT_RELAY_URL = 'wss://relay.walletconnect.org';

/**
 * - `not-configured`: no project id yet (settings).
 * - `disconnected`: configured, no wallet paired.
 * - `pairing`: a pairing URI (QR code) is waiting for the wallet to approve.
 * - `connected`: a session with a wallet is active and the relay is reachable.
 * - `offline`: the relay cannot be reached; signing requests are queued.
 */
export type WalletState = 'not-configured' | 'disconnected' | 'pairing' | 'connected' | 'offline';

/** The approved session with the designer's wallet. */
export interface WalletSessionView {
  /** The checksummed account address that signs. */
  address: string;
  /** The EVM chain id of the account (`eip155:<chainId>`). */
  chainId: number;
  /** The wallet's own name (from its metadata), e.g. "MetaMask". */
  walletName: string;
  /** The wallet's web site, when it says. */
  walletUrl: string | null;
  /** When the session ends unless the wallet extends it, ms since the epoch. */
  expiresAt: number;
}

export interface WalletStatus {
  state: WalletState;
  /** The WalletConnect Cloud project id; null until configured. */
  projectId: string | null;
  /** The relay in use (the default one unless configured). */
  relayUrl: string;
  /** The session, kept while offline too (it is restored when the relay returns). */
  session: WalletSessionView | null;
  /** The pairing URI being shown, while `pairing`. */
  pairingUri: string | null;
  /** Queued requests still waiting or being sent. */
  queueLength: number;
  /** Since when the relay has been unreachable, ms since the epoch; null when reachable. */
  offlineSince: number | null;
  /** What went wrong last (pairing refused, relay error), written for the designer. */
  error: string | null;
}

/**
 * - `waiting`: offline; sent when the relay is reachable again.
 * - `sending`: sent to the wallet, waiting for the designer to approve it there.
 * - `signed`: done; `signature` holds the result.
 * - `failed`: the wallet declined or answered wrongly; `error` says why.
 * - `cancelled`: the designer cancelled it before it was signed.
 */
export type QueuedState = 'waiting' | 'sending' | 'signed' | 'failed' | 'cancelled';

/** One signing request queued while offline. */
export interface QueuedRequest {
  id: string;
  /** What it is for, for the UI ("Certificate for “Welcome” v3"). */
  label: string;
  /** ms since the epoch. */
  createdAt: number;
  /** Last state change, ms since the epoch. */
  updatedAt: number;
  state: QueuedState;
  /** The address asked to sign. */
  address: string;
  /** The signature, once `signed`. */
  signature: string | null;
  /** Why it failed, once `failed`. */
  error: string | null;
}

/** Payload of `wallet:queueChanged`: the whole queue, and the item that changed. */
export interface WalletQueueChange {
  items: QueuedRequest[];
  changed: QueuedRequest | null;
}

/** What `wallet:pair` answers: the `wc:` URI to show as a QR code. */
export interface PairingView {
  uri: string;
  /** The URI as a QR code image (PNG data URL). */
  qrDataUrl: string | null;
}

/** A WalletConnect Cloud project id: 32 hexadecimal characters. */
export const projectIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{32}$/i, 'A WalletConnect project id is 32 hexadecimal characters (from cloud.reown.com)');

/** The relay's WebSocket address. */
export const relayUrlSchema = z
  .string()
  .trim()
  .max(2_048, 'This relay address is too long')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'The relay address must start with wss:// (or ws://)');

export const walletSettingsSchema = z.object({
  projectId: projectIdSchema,
  /** Defaults to {@link DEFAULT_RELAY_URL}. */
  relayUrl: relayUrlSchema.optional(),
});

export type WalletSettings = z.infer<typeof walletSettingsSchema>;
