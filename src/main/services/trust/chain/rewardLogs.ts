import { formatUnits, getAddress, id as topicOf, zeroPadValue, type Log } from 'ethers';
import type { RewardTransfer } from '../../../../shared/trust/chain';

/** topic0 of the ERC-20 `Transfer(address,address,uint256)` event. */
export const TRANSFER_TOPIC = topicOf('Transfer(address,address,uint256)');

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
const topicPattern = /^0x[0-9a-fA-F]{64}$/;
const addressTopicPattern = /^0x0{24}[0-9a-fA-F]{40}$/;

/** The log topic an address takes as an indexed event argument. */
export function addressTopic(address: string): string {
  return zeroPadValue(getAddress(address), 32).toLowerCase();
}

export interface RewardToken {
  address: string;
  symbol: string;
  decimals: number;
}

/**
 * The rewards in `logs`: `Transfer` events emitted by the reward token itself, to `to`,
 * from the zero address (minted) or from the token contract's own balance. Logs come
 * from an RPC, which is not trusted: a log of another contract, another event, with the
 * wrong number of topics, a non-address topic, an amount that is not one 32-byte word,
 * a removed (re-orged) log or missing positions is skipped, never thrown on. Returns
 * oldest first (block, then log index), without duplicates.
 */
export function parseRewardLogs(
  logs: readonly unknown[],
  token: RewardToken,
  to: string,
): Omit<RewardTransfer, 'time'>[] {
  const tokenAddress = getAddress(token.address);
  const wantedTo = addressTopic(to);
  const allowedFrom = new Set([addressTopic(ZERO_ADDRESS), addressTopic(tokenAddress)]);
  const seen = new Set<string>();
  const out: Omit<RewardTransfer, 'time'>[] = [];
  for (const raw of logs) {
    const log = raw as Partial<Log> | null;
    if (typeof log !== 'object' || log === null) continue;
    if (log.removed === true) continue;
    if (typeof log.address !== 'string' || log.address.toLowerCase() !== tokenAddress.toLowerCase()) continue;
    const topics = log.topics;
    if (!Array.isArray(topics) || topics.length !== 3) continue;
    if (!topics.every((t) => typeof t === 'string' && topicPattern.test(t))) continue;
    if (topics[0].toLowerCase() !== TRANSFER_TOPIC) continue;
    if (!addressTopicPattern.test(topics[1]) || !addressTopicPattern.test(topics[2])) continue;
    if (topics[2].toLowerCase() !== wantedTo) continue;
    if (!allowedFrom.has(topics[1].toLowerCase())) continue;
    if (typeof log.data !== 'string' || !topicPattern.test(log.data)) continue;
    if (typeof log.transactionHash !== 'string' || !topicPattern.test(log.transactionHash)) continue;
    if (!Number.isSafeInteger(log.blockNumber) || (log.blockNumber as number) < 0) continue;
    if (!Number.isSafeInteger(log.index) || (log.index as number) < 0) continue;
    const key = `${log.transactionHash.toLowerCase()}:${log.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = BigInt(log.data);
    out.push({
      token: tokenAddress,
      symbol: token.symbol,
      from: getAddress(`0x${topics[1].slice(26)}`),
      to: getAddress(`0x${topics[2].slice(26)}`),
      amount: formatUnits(value, token.decimals).replace(/\.0$/, ''),
      rawAmount: value.toString(),
      txHash: log.transactionHash.toLowerCase(),
      blockNumber: log.blockNumber as number,
      logIndex: log.index as number,
    });
  }
  return out.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
}
