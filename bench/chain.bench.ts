import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Contract, Wallet, id as keccakText } from 'ethers';
import { ChainService } from '../src/main/services/trust/chain/ChainService';
import { rewardInterface } from '../src/main/services/trust/chain/artifacts';
import { SettingsStore } from '../src/main/services/settings/SettingsStore';
import { Database } from '../src/main/services/storage/Database';
import { startLocalChain } from '../tests/helpers/localChain';
import { percentile, round, writeResult, type BenchResult } from './results';

const ROUNDS = 30;
const REWARDS = 20;

/**
 * The optional chain part on a local Hardhat chain (in-process EDR over JSON-RPC on
 * loopback, automining): start + deploy, then through ChainService an anchor (send,
 * mined, receipt) followed by a status read, and the reward history after 20 rewards.
 * No targets: a real chain's block time dominates anchoring there.
 */
export async function runChainBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maily-chain-bench-'));
  const database = new Database(join(dir, 'workspace.sqlite'));
  let started = performance.now();
  const chain = await startLocalChain();
  const startMs = performance.now() - started;
  started = performance.now();
  const { registryAddress, rewardAddress } = await chain.deployMaily();
  const deployMs = performance.now() - started;
  const signer = new Wallet(chain.accounts[1].privateKey);
  const service = new ChainService(new SettingsStore(database), {
    signerFor: async (provider) => signer.connect(provider),
    pollingIntervalMs: 50,
  });
  service.configure({
    enabled: true,
    rpcUrl: chain.url,
    chainId: chain.chainId,
    registryAddress,
    rewardTokenAddress: rewardAddress,
  });
  try {
    await service.check(); // connect once, outside the timed rounds
    const anchorMs: number[] = [];
    const statusMs: number[] = [];
    const roundMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const uid = keccakText(`bench:${i}`);
      const t0 = performance.now();
      await service.anchor({ uid, contentHash: keccakText(`content:${i}`) });
      const t1 = performance.now();
      await service.status(uid, keccakText(`content:${i}`));
      const t2 = performance.now();
      anchorMs.push(t1 - t0);
      statusMs.push(t2 - t1);
      roundMs.push(t2 - t0);
    }
    const reward = new Contract(rewardAddress, rewardInterface, chain.accounts[0]);
    started = performance.now();
    for (let i = 0; i < REWARDS; i++)
      await (await reward.reward(signer.address, 10n ** 18n, keccakText(`r:${i}`))).wait();
    const rewardTxMs = performance.now() - started;
    started = performance.now();
    const history = await service.rewardHistory();
    const historyMs = performance.now() - started;
    if (history.transfers.length !== REWARDS)
      throw new Error(`expected ${REWARDS} rewards, got ${history.transfers.length}`);
    return writeResult(
      'chain',
      {
        chainStartMs: round(startMs),
        deployBothContractsMs: round(deployMs),
        anchorP50Ms: round(percentile(anchorMs, 50)),
        anchorP95Ms: round(percentile(anchorMs, 95)),
        statusP50Ms: round(percentile(statusMs, 50)),
        statusP95Ms: round(percentile(statusMs, 95)),
        anchorPlusStatusP50Ms: round(percentile(roundMs, 50)),
        anchorPlusStatusP95Ms: round(percentile(roundMs, 95)),
        twentyRewardTxMs: round(rewardTxMs),
        rewardHistory20Ms: round(historyMs),
      },
      {},
      `${ROUNDS} anchor + status rounds through ChainService on a local Hardhat 2.29 chain (automine), ${REWARDS} rewards then one history read`,
    );
  } finally {
    service.dispose();
    await chain.stop();
    database.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runChainBench();
