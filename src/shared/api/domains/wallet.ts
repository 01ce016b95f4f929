import { z } from 'zod';
import {
  walletSettingsSchema,
  type PairingView,
  type QueuedRequest,
  type WalletQueueChange,
  type WalletStatus,
} from '../../trust/wallet';
import { id, request, returns } from '../define';

/**
 * The wallet channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`): the designer's own wallet over WalletConnect.
 */

export const walletRequests = {
  'wallet:status': request(z.object({}), returns<WalletStatus>()),
  /** Stores the project id and relay; an existing session is kept when only the relay is unchanged. */
  'wallet:configure': request(walletSettingsSchema, returns<WalletStatus>()),
  /** Starts pairing: a `wc:` URI to show as a QR code; `wallet:changed` says when the wallet approved. */
  'wallet:pair': request(z.object({}), returns<PairingView>()),
  /** Ends the session with the wallet (and any pairing being shown). */
  'wallet:disconnect': request(z.object({}), returns<WalletStatus>()),
  /** The signing requests queued while offline, oldest first, with the recent finished ones. */
  'wallet:queue': request(z.object({}), returns<QueuedRequest[]>()),
  'wallet:cancelQueued': request(z.object({ id }), returns<QueuedRequest>()),
} as const;

export interface WalletEvents {
  /** The wallet's state, session or queue length changed. */
  'wallet:changed': WalletStatus;
  /** A queued signing request was added, sent, signed, failed or cancelled. */
  'wallet:queueChanged': WalletQueueChange;
}

export const walletEventNames = [
  'wallet:changed',
  'wallet:queueChanged',
] as const satisfies readonly (keyof WalletEvents)[];
