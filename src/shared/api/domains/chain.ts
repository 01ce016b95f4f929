import { z } from 'zod';
import {
  bytes32,
  chainSettingsSchema,
  evmAddress,
  type AnchorReceipt,
  type ChainCheck,
  type ChainSettings,
  type ChainStatus,
  type RevokeReceipt,
  type RewardHistory,
} from '../../trust/chain';
import { id, request, returns } from '../define';

/**
 * The chain channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`). Every channel but `chain:getSettings` and
 * `chain:configure` answers "Chain anchoring is off; …" while the chain part is off.
 */

const reason = z.string().trim().min(1, 'Say why the certificate is revoked').max(500, 'Use at most 500 characters');

export const chainRequests = {
  'chain:getSettings': request(z.object({}), returns<ChainSettings>()),
  'chain:configure': request(chainSettingsSchema, returns<ChainSettings>()),
  /** Connects to the RPC and checks the chain id and the contracts. */
  'chain:check': request(z.object({}), returns<ChainCheck>()),
  /**
   * Anchors a certificate with the local key. The content hash is taken from the stored
   * certificate when there is one; `contentHash` is used otherwise (and must match it if both exist).
   */
  'chain:anchor': request(
    z.object({ campaignId: id.optional(), uid: bytes32, contentHash: bytes32.optional() }),
    returns<AnchorReceipt>(),
  ),
  /** Revokes an anchor (only the address that anchored it can). */
  'chain:revoke': request(z.object({ uid: bytes32, reason }), returns<RevokeReceipt>()),
  /** Reads an anchor back; with a content hash (given, or from the stored certificate) it says whether it matches. */
  'chain:status': request(
    z.object({ campaignId: id.optional(), uid: bytes32, contentHash: bytes32.optional() }),
    returns<ChainStatus>(),
  ),
  /** Reward token transfers to `address` (default: the local key's address), oldest first. */
  'chain:rewards': request(z.object({ address: evmAddress.optional() }), returns<RewardHistory>()),
} as const;

export interface ChainEvents {
  /** The chain settings changed (in any window). */
  'chain:changed': ChainSettings;
  /** A certificate was anchored or revoked from this machine. */
  'chain:anchored': { uid: string; state: 'anchored' | 'revoked'; txHash: string };
}

export const chainEventNames = ['chain:changed', 'chain:anchored'] as const satisfies readonly (keyof ChainEvents)[];
