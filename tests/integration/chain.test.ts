import { execFile } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Contract, Wallet, id as keccakText, type Signer } from 'ethers';
import * as Y from 'yjs';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ChainService } from '../../src/main/services/trust/chain/ChainService';
import { rewardInterface } from '../../src/main/services/trust/chain/artifacts';
import { SettingsStore } from '../../src/main/services/settings/SettingsStore';
import { MailyError } from '../../src/shared/errors';
import { CHAIN_OFF_MESSAGE } from '../../src/shared/trust/chain';
import { tempWorkspace, type TempWorkspace } from '../unit/main/services/helpers';
import { startLocalChain, type LocalChain } from '../helpers/localChain';
import { repoRoot, startHost, type HostProcess } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

/**
 * The optional chain part against a real local EVM (Hardhat's in-process network over
 * JSON-RPC on loopback): the contracts compiled by solc, deployed with a funded account,
 * and driven through ChainService as the host runs it.
 */

let chain: LocalChain;
let registryAddress: string;
let rewardAddress: string;
let ws: TempWorkspace;
let service: ChainService | null = null;

beforeAll(async () => {
  chain = await startLocalChain();
  ({ registryAddress, rewardAddress } = await chain.deployMaily());
});

afterAll(async () => {
  await chain?.stop();
});

beforeEach(() => {
  ws = tempWorkspace();
});

afterEach(() => {
  service?.dispose();
  service = null;
  ws.cleanup();
});

const uidOf = (label: string) => keccakText(`certificate:${label}`);
const hashOf = (label: string) => keccakText(`content:${label}`);

function makeService(signer?: Signer, options: ConstructorParameters<typeof ChainService>[1] = {}): ChainService {
  service = new ChainService(new SettingsStore(ws.open()), {
    signerFor: signer ? async (provider) => signer.connect(provider) : undefined,
    pollingIntervalMs: 100,
    ...options,
  });
  return service;
}

function configured(s: ChainService, overrides: Record<string, unknown> = {}) {
  return s.configure({
    enabled: true,
    rpcUrl: chain.url,
    chainId: chain.chainId,
    registryAddress,
    rewardTokenAddress: rewardAddress,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<MailyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return error as MailyError;
  }
  throw new Error('expected the call to fail');
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ChainService on a local chain', () => {
  it('anchors, reads back, refuses a re-anchor, revokes with a reason', async () => {
    const signer = new Wallet(chain.accounts[1].privateKey);
    const s = makeService(signer);
    configured(s);
    const uid = uidOf('anchor-1');
    const contentHash = hashOf('anchor-1');

    expect(await s.status(uid)).toEqual({ state: 'not-anchored', uid, chainId: chain.chainId });

    const receipt = await s.anchor({ uid, contentHash });
    expect(receipt).toMatchObject({ uid, contentHash, anchorer: signer.address, chainId: chain.chainId });
    expect(receipt.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(receipt.blockNumber).toBeGreaterThan(0);

    const anchored = await s.status(uid, contentHash);
    expect(anchored).toMatchObject({
      state: 'anchored',
      contentHash,
      contentMatches: true,
      anchorer: signer.address,
      blockNumber: receipt.blockNumber,
      revokedAt: null,
      reason: null,
    });
    if (anchored.state !== 'not-anchored') expect(anchored.anchoredAt).toBeGreaterThan(Date.UTC(2020, 0, 1));
    expect(await s.status(uid, hashOf('something else'))).toMatchObject({ contentMatches: false });
    expect(await s.status(uid)).toMatchObject({ contentMatches: null });

    const again = await failure(s.anchor({ uid, contentHash: hashOf('other') }));
    expect(again.code).toBe('E_INVALID_INPUT');
    expect(again.message).toContain('already anchored');

    // Someone else cannot revoke it: the registry's own revert, named.
    const stranger = await failure(s.revoke({ uid, reason: 'not mine' }, new Wallet(chain.accounts[2].privateKey)));
    expect(stranger.code).toBe('E_UNAUTHORIZED');
    expect(stranger.message).toContain(signer.address);

    const revoked = await s.revoke({ uid, reason: 'Sent with the wrong price' });
    expect(revoked).toMatchObject({ uid, reason: 'Sent with the wrong price', chainId: chain.chainId });
    expect(await s.status(uid, contentHash)).toMatchObject({
      state: 'revoked',
      contentHash,
      contentMatches: true,
      anchorer: signer.address,
      reason: 'Sent with the wrong price',
    });
    const twice = await failure(s.revoke({ uid, reason: 'again' }));
    expect(twice.message).toContain('already revoked');
    const never = await failure(s.revoke({ uid: uidOf('never'), reason: 'x' }));
    expect(never.code).toBe('E_NOT_FOUND');
  });

  it('refuses a re-anchor at the contract too (a second service racing the first)', async () => {
    const signer = new Wallet(chain.accounts[1].privateKey, chain.provider);
    const s = makeService(signer);
    configured(s);
    const uid = uidOf('race');
    await s.anchor({ uid, contentHash: hashOf('race') });
    // Straight to the contract, past the service's own pre-check: the registry reverts.
    const registry = new Contract(registryAddress, ['function anchor(bytes32,bytes32)'], chain.accounts[3]);
    await expect(registry.anchor(uid, hashOf('race-2'))).rejects.toThrow();
    expect(await s.status(uid)).toMatchObject({ state: 'anchored', contentHash: hashOf('race') });
  });

  it('lists exactly the reward transfers to the signer, oldest first, and not others', async () => {
    const owner = chain.accounts[0];
    const signer = new Wallet(chain.accounts[4].privateKey);
    const reward = new Contract(rewardAddress, rewardInterface, owner);
    const other = chain.accounts[3].address;
    const amounts = ['1.5', '20', '0.000000000000000001'];
    const wei = [1_500_000_000_000_000_000n, 20_000_000_000_000_000_000n, 1n];
    const hashes: string[] = [];
    for (const [i, value] of wei.entries()) {
      const tx = await reward.reward(signer.address, value, uidOf(`reward-${i}`));
      hashes.push(tx.hash);
      await tx.wait();
      // Noise between the rewards: a reward to someone else, and a plain transfer to the signer.
      await (await reward.reward(other, 7n, uidOf(`other-${i}`))).wait();
    }
    const plain = new Contract(rewardAddress, rewardInterface, chain.accounts[3]);
    await (await plain.transfer(signer.address, 1n)).wait();

    const s = makeService(signer);
    configured(s);
    const history = await s.rewardHistory();
    expect(history.address).toBe(signer.address);
    expect(history.token).toEqual({ address: rewardAddress, symbol: 'MLY', decimals: 18 });
    expect(history.transfers.map((t) => t.amount)).toEqual(amounts);
    expect(history.transfers.map((t) => t.rawAmount)).toEqual(wei.map(String));
    expect(history.transfers.map((t) => t.txHash)).toEqual(hashes);
    for (const t of history.transfers) {
      expect(t).toMatchObject({ token: rewardAddress, symbol: 'MLY', to: signer.address });
      expect(t.from).toBe('0x0000000000000000000000000000000000000000');
      expect(t.time).toBeGreaterThan(Date.UTC(2020, 0, 1));
    }
    expect(history.truncated).toBe(false);
    // Someone else's history is theirs only.
    const others = await s.rewardHistory(other);
    expect(others.transfers.map((t) => t.rawAmount)).toEqual(['7', '7', '7']);
  });

  it('caps the history: small log chunks still find everything, a count cap keeps the newest', async () => {
    const signer = Wallet.createRandom();
    const reward = new Contract(rewardAddress, rewardInterface, chain.accounts[0]);
    for (let i = 1; i <= 4; i++) await (await reward.reward(signer.address, BigInt(i), uidOf(`cap-${i}`))).wait();
    const chunked = makeService(undefined, { logChunkBlocks: 2 });
    configured(chunked);
    const all = await chunked.rewardHistory(signer.address);
    expect(all.transfers.map((t) => t.rawAmount)).toEqual(['1', '2', '3', '4']);
    chunked.dispose();
    const capped = makeService(undefined, { logChunkBlocks: 1, maxTransfers: 2 });
    configured(capped);
    const newest = await capped.rewardHistory(signer.address);
    expect(newest.transfers.map((t) => t.rawAmount)).toEqual(['3', '4']);
    expect(newest.truncated).toBe(true);
  });

  it('says clearly that it is off by default, and stores the settings', async () => {
    const s = makeService(new Wallet(chain.accounts[1].privateKey));
    expect(s.getSettings()).toEqual({
      enabled: false,
      rpcUrl: '',
      chainId: null,
      registryAddress: null,
      rewardTokenAddress: null,
    });
    for (const call of [
      s.status(uidOf('x')),
      s.anchor({ uid: uidOf('x'), contentHash: hashOf('x') }),
      s.rewardHistory(),
      s.check(),
    ]) {
      const error = await failure(call);
      expect(error.message).toBe(CHAIN_OFF_MESSAGE);
    }
    // Configured but switched off: still off.
    configured(s, { enabled: false });
    expect((await failure(s.status(uidOf('x')))).message).toBe(CHAIN_OFF_MESSAGE);
    configured(s);
    expect(await s.check()).toMatchObject({
      chainId: chain.chainId,
      registry: 'ok',
      rewardToken: 'ok',
      rewardSymbol: 'MLY',
      signer: chain.accounts[1].address,
      signerBalance: expect.stringMatching(/^\d+(\.\d+)?$/),
    });
  });

  it('fails fast and clearly when the RPC is unreachable', async () => {
    const s = makeService(new Wallet(chain.accounts[1].privateKey));
    configured(s, { rpcUrl: `http://127.0.0.1:${await closedPort()}` });
    const started = Date.now();
    const error = await failure(s.status(uidOf('x')));
    expect(error.code).toBe('E_DISCONNECTED');
    expect(error.message).toContain('Cannot reach the RPC');
    expect(Date.now() - started).toBeLessThan(30_000); // not a hang (the deadline is 8 s)
  });

  it('times out an RPC that accepts the connection but never answers', async () => {
    const silent = createServer(() => {}); // accepts, never replies
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const s = makeService(undefined, { rpcTimeoutMs: 500 });
      configured(s, { rpcUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}` });
      const error = await failure(s.status(uidOf('x')));
      expect(error.code).toBe('E_TIMEOUT');
      expect(error.message).toContain('did not answer within');
    } finally {
      silent.close();
    }
  });

  it('names a wrong chain id', async () => {
    const s = makeService();
    configured(s, { chainId: 1 });
    const error = await failure(s.status(uidOf('x')));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toContain(`is on chain ${chain.chainId}, but Settings → Trust says chain 1`);
  });

  it('names an address with no registry contract (no code, or another contract)', async () => {
    const s = makeService(new Wallet(chain.accounts[1].privateKey));
    configured(s, { registryAddress: Wallet.createRandom().address });
    const empty = await failure(s.status(uidOf('x')));
    expect(empty.code).toBe('E_NOT_FOUND');
    expect(empty.message).toContain('There is no Maily registry contract at');
    // The reward token is a contract, but not a registry.
    configured(s, { registryAddress: rewardAddress });
    const wrong = await failure(s.anchor({ uid: uidOf('x'), contentHash: hashOf('x') }));
    expect(wrong.code).toBe('E_NOT_FOUND');
    expect((await s.check()).registry).toBe('no-contract');
    // And the other way round: the registry is no reward token.
    configured(s, { rewardTokenAddress: registryAddress });
    expect((await failure(s.rewardHistory())).message).toContain('There is no reward token contract at');
  });

  it('says a sent transaction that is not mined in time was sent, and to read the status later', async () => {
    const s = makeService(new Wallet(chain.accounts[1].privateKey), { txTimeoutMs: 1_000 });
    configured(s);
    await s.check();
    await chain.send('evm_setAutomine', [false]);
    try {
      const error = await failure(s.anchor({ uid: uidOf('pending'), contentHash: hashOf('pending') }));
      expect(error.code).toBe('E_TIMEOUT');
      expect(error.message).toMatch(/The transaction 0x[0-9a-f]{64} was sent but not mined within 1 s/);
    } finally {
      await chain.send('evm_setAutomine', [true]);
      await chain.send('evm_mine', []);
    }
    expect(await s.status(uidOf('pending'))).toMatchObject({ state: 'anchored' });
  });

  it('says the signer has no funds for gas', async () => {
    const s = makeService(Wallet.createRandom());
    configured(s);
    const error = await failure(s.anchor({ uid: uidOf('poor'), contentHash: hashOf('poor') }));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toContain('has not enough funds to pay for gas');
  });
});

describe('ChainService against a hostile RPC', () => {
  /** A JSON-RPC server that answers the chain id correctly and `answer(method)` for the rest. */
  async function fakeRpc(answer: (method: string, params: unknown[]) => unknown) {
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        let method = '';
        let id: unknown = 1;
        let params: unknown[] = [];
        try {
          ({ method, id, params } = JSON.parse(body) as { method: string; id: unknown; params: unknown[] });
        } catch {
          // answer anyway
        }
        const result = method === 'eth_chainId' ? '0x7a69' : answer(method, params);
        res.setHeader('content-type', 'application/json');
        res.end(
          typeof result === 'string' && result.startsWith('RAW:')
            ? result.slice(4)
            : JSON.stringify({ jsonrpc: '2.0', id, result }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
  }

  it('turns garbage answers into clear errors, never a crash or a hang', async () => {
    const answers: ((method: string) => unknown)[] = [
      () => 'RAW:not json at all',
      () => 'RAW:{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"<script>boom</script>"}}',
      () => ({ nested: ['objects', 1, null] }),
      () => '0xzz',
      (m) => (m === 'eth_getCode' ? '0x6001' : m === 'eth_call' ? `0x${'ff'.repeat(7)}` : null),
      (m) =>
        m === 'eth_getCode'
          ? '0x6001'
          : m === 'eth_blockNumber'
            ? '0x10'
            : m === 'eth_call'
              ? `0x${'00'.repeat(31)}12`
              : [{ address: 5, topics: 'x' }],
    ];
    for (const answer of answers) {
      const rpc = await fakeRpc(answer);
      try {
        const s = makeService(undefined, { rpcTimeoutMs: 2_000 });
        configured(s, { rpcUrl: rpc.url });
        for (const call of [
          () => s.status(uidOf('x')),
          () => s.rewardHistory(chain.accounts[1].address),
          () => s.check(),
        ]) {
          const outcome = await call().then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          if ('error' in outcome) {
            expect(outcome.error).toBeInstanceOf(MailyError);
            expect((outcome.error as MailyError).message).not.toContain('<script>');
          }
        }
        s.dispose();
      } finally {
        rpc.close();
      }
    }
  });

  it(
    'reads a flood of logs from one answer only up to its cap, and says the history is truncated',
    { timeout: 120_000 },
    async () => {
      const to = chain.accounts[1].address;
      const log = (i: number) => ({
        address: rewardAddress.toLowerCase(),
        topics: [
          keccakText('Transfer(address,address,uint256)'),
          `0x${'0'.repeat(64)}`,
          `0x${'0'.repeat(24)}${to.slice(2).toLowerCase()}`,
        ],
        data: `0x${i.toString(16).padStart(64, '0')}`,
        blockNumber: '0x10',
        blockHash: `0x${'ab'.repeat(32)}`,
        transactionHash: `0x${i.toString(16).padStart(64, '0')}`,
        transactionIndex: '0x0',
        logIndex: `0x${i.toString(16)}`,
        removed: false,
      });
      const flood = Array.from({ length: 10_050 }, (_, i) => log(i + 1));
      const rpc = await fakeRpc((method, params) => {
        if (method === 'eth_getCode') return '0x6001';
        if (method === 'eth_blockNumber') return '0x10';
        if (method === 'eth_getLogs') return flood;
        if (method === 'eth_call') {
          const data =
            (params[0] as { data?: string; input?: string }).data ?? (params[0] as { input?: string }).input ?? '';
          const fn = rewardInterface.getFunction(data.slice(0, 10))!;
          return rewardInterface.encodeFunctionResult(fn, fn.name === 'symbol' ? ['FLOOD'] : [18]);
        }
        return null;
      });
      try {
        const s = makeService(undefined, { rpcTimeoutMs: 10_000, maxTransfers: 100_000, maxBlockLookups: 1 });
        configured(s, { rpcUrl: rpc.url });
        const history = await s.rewardHistory(to);
        expect(history.token.symbol).toBe('FLOOD');
        expect(history.transfers).toHaveLength(10_000); // the newest 10,000 of 10,050
        expect(history.transfers[0].rawAmount).toBe('51');
        expect(history.truncated).toBe(true);
      } finally {
        rpc.close();
      }
    },
  );

  it('refuses an RPC URL that is not an Ethereum node', async () => {
    const web = createHttpServer((_req, res) => res.end('<html>hello</html>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const s = makeService();
      configured(s, { rpcUrl: `http://127.0.0.1:${(web.address() as { port: number }).port}` });
      const error = await failure(s.check());
      expect(error.message).toContain('does not answer like an Ethereum JSON-RPC node');
    } finally {
      web.close();
    }
  });
});

describe('scripts/deploy-contracts.mjs', () => {
  const script = join(repoRoot, 'scripts/deploy-contracts.mjs');
  const run = promisify(execFile);

  it('deploys both contracts and prints settings the chain service accepts', async () => {
    const { stdout } = await run(process.execPath, [script, '--rpc', chain.url, '--symbol', 'TST'], {
      env: { ...process.env, MAILY_DEPLOY_KEY: chain.accounts[3].privateKey },
    });
    const printed = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(printed).toMatchObject({ chainId: chain.chainId, deployer: chain.accounts[3].address, rpcUrl: chain.url });
    const s = makeService();
    s.configure({
      enabled: true,
      rpcUrl: chain.url,
      chainId: printed.chainId,
      registryAddress: printed.registryAddress,
      rewardTokenAddress: printed.rewardTokenAddress,
    });
    expect(await s.check()).toMatchObject({ registry: 'ok', rewardToken: 'ok', rewardSymbol: 'TST' });
  });

  it('refuses to run without a key or an http(s) RPC', async () => {
    const noKey = { ...process.env };
    delete noKey.MAILY_DEPLOY_KEY;
    await expect(run(process.execPath, [script, '--rpc', chain.url], { env: noKey })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Set MAILY_DEPLOY_KEY'),
    });
    await expect(run(process.execPath, [script, '--rpc', 'ws://x'], { env: noKey })).rejects.toMatchObject({ code: 2 });
  });
});

describe('chain channels through a real `maily serve` host', () => {
  let host: HostProcess | null = null;
  let client: TestClient | null = null;

  afterEach(async () => {
    client?.close();
    await host?.stop('SIGKILL');
    host = client = null;
  });

  async function connect(): Promise<TestClient> {
    host = await startHost();
    client = await TestClient.connect(host.origin, host.token);
    return client;
  }

  async function errorOf(c: TestClient, channel: string, input: unknown) {
    const envelope = await c.request(channel, input);
    expect(envelope.ok).toBe(false);
    return envelope.ok ? null! : envelope.error;
  }

  it('is off by default, then configures, checks and reads anchors and rewards', async () => {
    const c = await connect();
    expect(await c.call('chain:getSettings', {})).toMatchObject({ enabled: false, rpcUrl: '' });
    const uid = uidOf('host-1');
    for (const [channel, input] of [
      ['chain:status', { uid }],
      ['chain:rewards', {}],
      ['chain:check', {}],
      ['chain:anchor', { uid, contentHash: hashOf('host-1') }],
    ] as const)
      expect(await errorOf(c, channel, input)).toEqual({ code: 'E_INVALID_INPUT', message: CHAIN_OFF_MESSAGE });

    const saved = await c.call('chain:configure', {
      enabled: true,
      rpcUrl: chain.url,
      chainId: chain.chainId,
      registryAddress: registryAddress.toLowerCase(),
      rewardTokenAddress: rewardAddress,
    });
    expect(saved.registryAddress).toBe(registryAddress);
    await expect.poll(() => c.events.some((e) => e.ev === 'chain:changed')).toBe(true);
    expect(await c.call('chain:check', {})).toMatchObject({
      chainId: chain.chainId,
      registry: 'ok',
      rewardToken: 'ok',
    });

    // Anchored by someone else straight on chain: the host reads it back.
    const anchorer = chain.accounts[2];
    const registry = new Contract(registryAddress, ['function anchor(bytes32,bytes32)'], anchorer);
    await (await registry.anchor(uid, hashOf('host-1'))).wait();
    expect(await c.call('chain:status', { uid, contentHash: hashOf('host-1') })).toMatchObject({
      state: 'anchored',
      contentHash: hashOf('host-1'),
      contentMatches: true,
      anchorer: anchorer.address,
    });
    expect(await c.call('chain:status', { uid: uidOf('host-none') })).toMatchObject({ state: 'not-anchored' });

    const to = Wallet.createRandom().address;
    const reward = new Contract(rewardAddress, rewardInterface, chain.accounts[0]);
    for (const value of [5n, 6n, 7n]) await (await reward.reward(to, value, uid)).wait();
    const history = await c.call('chain:rewards', { address: to.toLowerCase() });
    expect(history.address).toBe(to);
    expect(history.transfers.map((t) => t.rawAmount)).toEqual(['5', '6', '7']);
  });

  it("anchors a signed certificate with the host's local key, reads it back, revokes it and lists its rewards", async () => {
    process.env.MAILY_KEYSTORE_SCRYPT_N = '1024'; // the host inherits it: a fast keystore for the test
    const c = await connect();
    const campaign = await c.call('campaigns:create', { name: 'Anchored launch', template: 'welcome' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await c.call('docs:open', { campaignId: campaign.id })).state);
    const emailId = [...doc.getMap<Y.Map<unknown>>('nodes').entries()].find(([, n]) => n.get('kind') === 'email')![0];
    const key = await c.call('trust:createKey', { passphrase: 'correct horse battery' });
    const signer = key.address!;
    const certificate = await c.call('trust:sign', {
      campaignId: campaign.id,
      emailId,
      versionLabel: 'Launch copy',
      signer: 'local',
    });
    const uid = certificate.uid.toLowerCase();
    const contentHash = certificate.contentHash.toLowerCase();
    await c.call('chain:configure', {
      enabled: true,
      rpcUrl: chain.url,
      chainId: chain.chainId,
      registryAddress,
      rewardTokenAddress: rewardAddress,
    });

    // A new key has no ETH: the host says so; funded, it anchors.
    const poor = await errorOf(c, 'chain:anchor', { campaignId: campaign.id, uid });
    expect(poor.message).toContain(`${signer} has not enough funds to pay for gas`);
    await chain.send('hardhat_setBalance', [signer, '0x56BC75E2D63100000']); // 100 ETH
    expect(await c.call('chain:check', {})).toMatchObject({ signer, signerBalance: '100' });
    const receipt = await c.call('chain:anchor', { campaignId: campaign.id, uid });
    expect(receipt).toMatchObject({ uid, contentHash, anchorer: signer, chainId: chain.chainId });
    await expect.poll(() => c.events.some((e) => e.ev === 'chain:anchored')).toBe(true);
    expect(await c.call('chain:status', { campaignId: campaign.id, uid })).toMatchObject({
      state: 'anchored',
      contentHash,
      contentMatches: true,
      anchorer: signer,
      blockNumber: receipt.blockNumber,
    });
    const again = await errorOf(c, 'chain:anchor', { campaignId: campaign.id, uid });
    expect(again.message).toContain('already anchored');
    expect(
      (await errorOf(c, 'chain:anchor', { campaignId: campaign.id, uid, contentHash: hashOf('x') })).message,
    ).toContain('not the certificate');
    expect((await errorOf(c, 'chain:status', { campaignId: campaign.id, uid: uidOf('elsewhere') })).code).toBe(
      'E_NOT_FOUND',
    );

    await c.call('chain:revoke', { uid, reason: 'Wrong price in the hero' });
    expect(await c.call('chain:status', { campaignId: campaign.id, uid })).toMatchObject({
      state: 'revoked',
      reason: 'Wrong price in the hero',
      contentMatches: true,
    });

    // Rewards to the signer (the default address), not to others.
    const reward = new Contract(rewardAddress, rewardInterface, chain.accounts[0]);
    for (const value of [10n ** 18n, 2n * 10n ** 18n, 3n * 10n ** 18n]) {
      await (await reward.reward(signer, value, uid)).wait();
      await (await reward.reward(chain.accounts[2].address, value, uid)).wait();
    }
    const history = await c.call('chain:rewards', {});
    expect(history.address).toBe(signer);
    expect(history.transfers.map((t) => t.amount)).toEqual(['1', '2', '3']);
    expect(history.transfers.every((t) => t.to === signer)).toBe(true);

    // Locked, the key cannot anchor: the host says to unlock it.
    await c.call('trust:lock', {});
    expect(
      (await errorOf(c, 'chain:anchor', { uid: uidOf('locked'), contentHash: hashOf('locked') })).message,
    ).toContain('Unlock your signing key');
  });

  it('answers bad input, a wrong chain, an unreachable RPC and a missing contract clearly, and keeps serving', async () => {
    const c = await connect();
    const ftp = await errorOf(c, 'chain:configure', {
      enabled: true,
      rpcUrl: 'ftp://x',
      chainId: 1,
      registryAddress: null,
      rewardTokenAddress: null,
    });
    expect(ftp.code).toBe('E_INVALID_INPUT');
    expect(ftp.message).toContain('Enter the RPC address');
    const badSum = await errorOf(c, 'chain:configure', {
      enabled: true,
      rpcUrl: chain.url,
      chainId: null,
      registryAddress: '0x5FBDB2315678afecb367f032d93F642f64180aa3',
      rewardTokenAddress: null,
    });
    expect(badSum.message).toContain('wrong checksum');
    expect((await errorOf(c, 'chain:status', { uid: '0x1234' })).code).toBe('E_INVALID_INPUT');

    const base = {
      enabled: true,
      rpcUrl: chain.url,
      chainId: chain.chainId,
      registryAddress,
      rewardTokenAddress: null,
    };
    await c.call('chain:configure', { ...base, chainId: 5 });
    expect((await errorOf(c, 'chain:status', { uid: uidOf('x') })).message).toContain(
      'but Settings → Trust says chain 5',
    );

    await c.call('chain:configure', { ...base, rpcUrl: `http://127.0.0.1:${await closedPort()}` });
    const down = await errorOf(c, 'chain:status', { uid: uidOf('x') });
    expect(down.code).toBe('E_DISCONNECTED');
    expect(down.message).toContain('Cannot reach the RPC');

    await c.call('chain:configure', { ...base, registryAddress: Wallet.createRandom().address });
    expect((await errorOf(c, 'chain:status', { uid: uidOf('x') })).message).toContain(
      'There is no Maily registry contract',
    );

    expect((await errorOf(c, 'chain:anchor', { uid: uidOf('x') })).message).toContain('content hash');
    await c.call('chain:configure', base);
    expect(await c.call('chain:status', { uid: uidOf('x') })).toMatchObject({ state: 'not-anchored' });
  });
});
