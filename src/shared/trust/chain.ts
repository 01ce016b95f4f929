import { getAddress } from 'ethers';
import { z } from 'zod';

/**
 * The optional chain part of trust certificates as the renderer sees it: anchoring a
 * certificate's uid and content hash in the `MailyRegistry` contract on an EVM chain,
 * reading the anchor back, and the reward token (`MailyReward`, an ERC-20) transfers
 * made to the signer. Off by default; the app is fully useful without it. Types and
 * input schemas only; the RPC work is in `src/main/services/trust/chain`.
 */

/** A 32-byte value as 0x-prefixed hex (a certificate uid, a content hash, a tx hash). */
export const bytes32 = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'Expected 32 bytes as 0x followed by 64 hex digits')
  .transform((value) => value.toLowerCase());

/**
 * An EVM address, returned checksummed (EIP-55). All-lowercase is accepted; a mixed-case
 * address must carry a correct checksum, so a mistyped one is refused instead of used.
 */
export const evmAddress = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'Expected an address: 0x followed by 40 hex digits')
  .transform((value, ctx) => {
    try {
      return getAddress(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'This address has a wrong checksum; copy it again' });
      return z.NEVER;
    }
  });

/** An http(s) JSON-RPC endpoint. */
export const rpcUrl = z
  .string()
  .trim()
  .max(2_048, 'Use at most 2,048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter the RPC address, such as https://rpc.example.org or http://127.0.0.1:8545');

/** Settings of the chain part, stored per machine. */
export const chainSettingsSchema = z
  .object({
    /** Off by default: nothing talks to a chain until this is true. */
    enabled: z.boolean(),
    /** The JSON-RPC endpoint; empty while off. */
    rpcUrl: z.union([z.literal(''), rpcUrl]),
    /** The chain id the RPC must report (1 = Ethereum, 31337 = a local Hardhat); null = accept any. */
    chainId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
    /** Where `MailyRegistry` is deployed. */
    registryAddress: evmAddress.nullable(),
    /** Where `MailyReward` (the reward token) is deployed; null hides the reward history. */
    rewardTokenAddress: evmAddress.nullable(),
  })
  .superRefine((settings, ctx) => {
    if (settings.enabled && settings.rpcUrl === '')
      ctx.addIssue({ code: 'custom', path: ['rpcUrl'], message: 'Add an RPC URL to turn chain anchoring on' });
  });
export type ChainSettings = z.output<typeof chainSettingsSchema>;
export type ChainSettingsInput = z.input<typeof chainSettingsSchema>;

export const defaultChainSettings: ChainSettings = {
  enabled: false,
  rpcUrl: '',
  chainId: null,
  registryAddress: null,
  rewardTokenAddress: null,
};

/** The message every chain call answers with while the chain part is off. */
export const CHAIN_OFF_MESSAGE = 'Chain anchoring is off; add an RPC URL in Settings → Trust';

/** What the chain part reports about its connection (answered by `chain:check`). */
export interface ChainCheck {
  /** The chain id the RPC reports. */
  chainId: number;
  /** The latest block number. */
  blockNumber: number;
  /** Whether the registry address holds contract code that answers like `MailyRegistry`. */
  registry: 'ok' | 'not-configured' | 'no-contract';
  /** Whether the reward token address holds contract code that answers like an ERC-20. */
  rewardToken: 'ok' | 'not-configured' | 'no-contract';
  /** The reward token's symbol, when it answered. */
  rewardSymbol: string | null;
  /** The local key's address (it pays for anchoring), or null without an unlocked key. */
  signer: string | null;
  /** Its balance in the chain's native coin, formatted (such as `"0.05"`); null when unknown. */
  signerBalance: string | null;
}

/** A certificate anchored by a transaction that was mined. */
export interface AnchorReceipt {
  uid: string;
  contentHash: string;
  /** The address that sent the transaction (it alone may revoke the anchor). */
  anchorer: string;
  txHash: string;
  blockNumber: number;
  chainId: number;
}

/** A revocation mined on chain. */
export interface RevokeReceipt {
  uid: string;
  reason: string;
  txHash: string;
  blockNumber: number;
  chainId: number;
}

/** What the registry says about one certificate uid. */
export type ChainStatus =
  | { state: 'not-anchored'; uid: string; chainId: number }
  | {
      state: 'anchored' | 'revoked';
      uid: string;
      chainId: number;
      /** The content hash recorded on chain. */
      contentHash: string;
      /** True/false when the caller gave the certificate's content hash to compare; null when it did not. */
      contentMatches: boolean | null;
      anchorer: string;
      blockNumber: number;
      /** Block time of the anchor, ms since the epoch. */
      anchoredAt: number;
      /** Set when `state` is `revoked`. */
      revokedAt: number | null;
      reason: string | null;
    };

/** One transfer of the reward token to the address asked about. */
export interface RewardTransfer {
  /** The reward token contract. */
  token: string;
  symbol: string;
  from: string;
  to: string;
  /** The amount formatted with the token's decimals, such as `"1.5"`. */
  amount: string;
  /** The raw amount in the token's smallest unit, as a decimal string. */
  rawAmount: string;
  txHash: string;
  blockNumber: number;
  logIndex: number;
  /** Block time, ms since the epoch; null when the block could not be read. */
  time: number | null;
}

/** The reward token history of one address, oldest first. */
export interface RewardHistory {
  address: string;
  token: { address: string; symbol: string; decimals: number };
  transfers: RewardTransfer[];
  /** The block range that was searched. */
  fromBlock: number;
  toBlock: number;
  /** True when the range or count cap was reached, so older transfers may be missing. */
  truncated: boolean;
}
