import { zeroPadValue, toBeHex } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  TRANSFER_TOPIC,
  addressTopic,
  parseRewardLogs,
} from '../../../../../../src/main/services/trust/chain/rewardLogs';

const token = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'MLY', decimals: 18 };
const signer = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const zero = '0x0000000000000000000000000000000000000000';
const txHash = (n: number) => zeroPadValue(toBeHex(n), 32);

/** A well-formed reward log as ethers' provider returns it. */
function rewardLog(over: Record<string, unknown> = {}) {
  return {
    address: token.address,
    topics: [TRANSFER_TOPIC, addressTopic(zero), addressTopic(signer)],
    data: zeroPadValue(toBeHex(1_500_000_000_000_000_000n), 32),
    transactionHash: txHash(1),
    blockNumber: 7,
    index: 0,
    removed: false,
    ...over,
  };
}

describe('parseRewardLogs', () => {
  it('reads a reward: amount formatted with the decimals, addresses checksummed', () => {
    expect(parseRewardLogs([rewardLog()], token, signer)).toEqual([
      {
        token: token.address,
        symbol: 'MLY',
        from: zero,
        to: signer,
        amount: '1.5',
        rawAmount: '1500000000000000000',
        txHash: txHash(1),
        blockNumber: 7,
        logIndex: 0,
      },
    ]);
    expect(
      parseRewardLogs([rewardLog({ data: zeroPadValue(toBeHex(3n * 10n ** 18n), 32) })], token, signer)[0].amount,
    ).toBe('3');
    expect(parseRewardLogs([rewardLog()], { ...token, decimals: 0 }, signer)[0].amount).toBe('1500000000000000000');
  });

  it('counts transfers from the token contract itself, not from anyone else', () => {
    const fromToken = rewardLog({ topics: [TRANSFER_TOPIC, addressTopic(token.address), addressTopic(signer)] });
    const fromOther = rewardLog({
      topics: [TRANSFER_TOPIC, addressTopic(signer.toLowerCase().replace('7', '8')), addressTopic(signer)],
    });
    expect(parseRewardLogs([fromToken, fromOther], token, signer)).toHaveLength(1);
  });

  it('orders oldest first and drops duplicates', () => {
    const logs = [
      rewardLog({ blockNumber: 9, index: 1, transactionHash: txHash(3) }),
      rewardLog({ blockNumber: 9, index: 0, transactionHash: txHash(2) }),
      rewardLog({ blockNumber: 2, index: 5 }),
      rewardLog({ blockNumber: 2, index: 5 }),
    ];
    expect(parseRewardLogs(logs, token, signer).map((t) => [t.blockNumber, t.logIndex])).toEqual([
      [2, 5],
      [9, 0],
      [9, 1],
    ]);
  });

  it('skips hostile and malformed logs instead of throwing', () => {
    const good = rewardLog({ blockNumber: 100, transactionHash: txHash(100) });
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'log',
      [],
      {},
      rewardLog({ address: '0x0000000000000000000000000000000000000bad' }), // another contract
      rewardLog({ address: 123 }),
      rewardLog({ removed: true }), // re-orged away
      rewardLog({ topics: [TRANSFER_TOPIC, addressTopic(zero)] }), // too few topics
      rewardLog({ topics: [TRANSFER_TOPIC, addressTopic(zero), addressTopic(signer), txHash(1)] }), // ERC-721 shape
      rewardLog({ topics: [txHash(9), addressTopic(zero), addressTopic(signer)] }), // another event
      rewardLog({ topics: [TRANSFER_TOPIC, txHash(1).replace('0x00', '0xff'), addressTopic(signer)] }), // not an address
      rewardLog({ topics: [TRANSFER_TOPIC, addressTopic(zero), addressTopic(zero)] }), // to someone else
      rewardLog({ topics: 'not an array' }),
      rewardLog({ topics: [TRANSFER_TOPIC, null, addressTopic(signer)] }),
      rewardLog({ data: '0x' }),
      rewardLog({ data: `${zeroPadValue('0x01', 32)}00` }), // more than one word
      rewardLog({ data: '0xnothex'.padEnd(66, 'z') }),
      rewardLog({ data: 5 }),
      rewardLog({ transactionHash: 'nope' }),
      rewardLog({ blockNumber: -1 }),
      rewardLog({ blockNumber: 1.5 }),
      rewardLog({ blockNumber: '7' }),
      rewardLog({ blockNumber: Number.MAX_SAFE_INTEGER + 2 }),
      rewardLog({ index: undefined }),
      Object.create(null),
    ];
    expect(() => parseRewardLogs(hostile, token, signer)).not.toThrow();
    expect(parseRewardLogs([...hostile, good], token, signer).map((t) => t.blockNumber)).toEqual([100]);
  });

  it('keeps the largest possible amount exact', () => {
    const max = `0x${'f'.repeat(64)}`;
    const [t] = parseRewardLogs([rewardLog({ data: max })], token, signer);
    expect(t.rawAmount).toBe((2n ** 256n - 1n).toString());
  });
});
