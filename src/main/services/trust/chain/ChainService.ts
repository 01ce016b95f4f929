import {
  Contract,
  FetchRequest,
  JsonRpcProvider,
  Network,
  ZeroAddress,
  formatEther,
  getAddress,
  isError,
  type Signer,
} from 'ethers';
import {
  CHAIN_OFF_MESSAGE,
  chainSettingsSchema,
  defaultChainSettings,
  type AnchorReceipt,
  type ChainCheck,
  type ChainSettings,
  type ChainStatus,
  type RevokeReceipt,
  type RewardHistory,
  type RewardTransfer,
} from '../../../../shared/trust/chain';
import { ErrorCode, MailyError } from '../../../../shared/errors';
import type { SettingsStore } from '../../settings/SettingsStore';
import { registryInterface, rewardInterface } from './artifacts';
import { chainError, withTimeout, type ChainCallContext } from './chainErrors';
import { TRANSFER_TOPIC, addressTopic, parseRewardLogs } from './rewardLogs';

const SETTINGS_KEY = 'chain';
/** Most logs read from one `eth_getLogs` answer. */
const MAX_LOGS_PER_CHUNK = 10_000;

export interface ChainServiceOptions {
  /**
   * Gives the signer that anchors and revokes (the trust core's local key connected to
   * `provider`). Without it, anchoring says to create a signing key first.
   */
  signerFor?: (provider: JsonRpcProvider) => Promise<Signer>;
  /** Deadline of one RPC call. Defaults to 8 s. */
  rpcTimeoutMs?: number;
  /**
   * How long to wait for a sent transaction to be mined. Defaults to 25 s, within the
   * renderer's 30 s request deadline: past it the answer says to read the status later.
   */
  txTimeoutMs?: number;
  /** Blocks per `eth_getLogs` request of the reward history. Defaults to 5,000. */
  logChunkBlocks?: number;
  /** How far back the reward history looks, in blocks. Defaults to 200,000. */
  maxHistoryBlocks?: number;
  /** Most transfers listed (the newest). Defaults to 200. */
  maxTransfers?: number;
  /** Most block timestamps looked up for the history's times. Defaults to 50. */
  maxBlockLookups?: number;
  /** How often a sent transaction's receipt is polled. Defaults to 1 s. */
  pollingIntervalMs?: number;
}

/** A certificate as the chain needs it. */
export interface AnchorChange {
  uid: string;
  state: 'anchored' | 'revoked';
  txHash: string;
}

export interface AnchorInput {
  uid: string;
  contentHash: string;
}

interface Connection {
  key: string;
  provider: JsonRpcProvider;
  chainId: number;
  settings: ChainSettings;
  /** Addresses already found to hold a registry on this connection. */
  registries: Set<string>;
}

/**
 * The optional chain part of trust certificates (ethers v6 over JSON-RPC): anchors a
 * certificate's uid and content hash in `MailyRegistry`, reads the anchor back,
 * revokes it, and lists the reward token's transfers to the signer. Off by default:
 * every call says so until an RPC URL is configured. Every RPC call has a short
 * deadline, and every failure becomes a MailyError that says what to check.
 */
export class ChainService {
  readonly #settings: Pick<SettingsStore, 'read' | 'write'>;
  readonly #options: Required<Omit<ChainServiceOptions, 'signerFor'>>;
  readonly #listeners = new Set<(settings: ChainSettings) => void>();
  readonly #anchorListeners = new Set<(change: AnchorChange) => void>();
  #signerFor: ChainServiceOptions['signerFor'];
  #connection: Connection | null = null;
  #disposed = false;

  constructor(settings: Pick<SettingsStore, 'read' | 'write'>, options: ChainServiceOptions = {}) {
    this.#settings = settings;
    this.#signerFor = options.signerFor;
    this.#options = {
      rpcTimeoutMs: options.rpcTimeoutMs ?? 8_000,
      txTimeoutMs: options.txTimeoutMs ?? 25_000,
      logChunkBlocks: options.logChunkBlocks ?? 5_000,
      maxHistoryBlocks: options.maxHistoryBlocks ?? 200_000,
      maxTransfers: options.maxTransfers ?? 200,
      maxBlockLookups: options.maxBlockLookups ?? 50,
      pollingIntervalMs: options.pollingIntervalMs ?? 1_000,
    };
  }

  getSettings(): ChainSettings {
    return this.#settings.read(SETTINGS_KEY, chainSettingsSchema, defaultChainSettings);
  }

  /** Stores new settings (validated again here: the service is a boundary too). */
  configure(input: unknown): ChainSettings {
    const parsed = chainSettingsSchema.safeParse(input);
    if (!parsed.success)
      throw new MailyError(
        ErrorCode.InvalidInput,
        parsed.error.issues[0]?.message ?? 'These chain settings are not valid',
      );
    const saved = this.#settings.write(SETTINGS_KEY, parsed.data);
    this.#dropConnection();
    for (const listener of this.#listeners) listener(saved);
    return saved;
  }

  /** Calls `listener` with the settings after every change; returns the unsubscribe. */
  onChange(listener: (settings: ChainSettings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` after a certificate was anchored or revoked from here; returns the unsubscribe. */
  onAnchored(listener: (change: AnchorChange) => void): () => void {
    this.#anchorListeners.add(listener);
    return () => this.#anchorListeners.delete(listener);
  }

  /** Sets where anchoring gets its signer (the trust core's local key), when it was not given at construction. */
  useSigner(signerFor: (provider: JsonRpcProvider) => Promise<Signer>): void {
    this.#signerFor = signerFor;
  }

  /** Connects and says what the RPC and the configured contracts are. */
  async check(): Promise<ChainCheck> {
    const conn = await this.#connect();
    const ctx = this.#ctx(conn, 'check the chain');
    const blockNumber = await this.#rpc(conn.provider.getBlockNumber(), ctx);
    let registry: ChainCheck['registry'] = 'not-configured';
    if (conn.settings.registryAddress) {
      registry = (await this.#hasRegistry(conn, conn.settings.registryAddress, ctx)) ? 'ok' : 'no-contract';
    }
    let rewardToken: ChainCheck['rewardToken'] = 'not-configured';
    let rewardSymbol: string | null = null;
    if (conn.settings.rewardTokenAddress) {
      try {
        rewardSymbol = (await this.#tokenInfo(conn, conn.settings.rewardTokenAddress, ctx)).symbol;
        rewardToken = 'ok';
      } catch (error) {
        if (!(error instanceof MailyError) || error.code !== ErrorCode.NotFound) throw error;
        rewardToken = 'no-contract';
      }
    }
    // Who pays for anchoring, and with what: only when the key is there and unlocked.
    let signer: string | null = null;
    let signerBalance: string | null = null;
    const wallet = this.#signerFor ? await this.#signerFor(conn.provider).catch(() => null) : null;
    if (wallet) {
      signer = getAddress(await wallet.getAddress());
      signerBalance = formatEther(await this.#rpc(conn.provider.getBalance(signer), ctx)).replace(/\.0$/, '');
    }
    return { chainId: conn.chainId, blockNumber, registry, rewardToken, rewardSymbol, signer, signerBalance };
  }

  /** Anchors `certificate` with `signer` (default: the `signerFor` of the options); waits until mined. */
  async anchor(certificate: AnchorInput, signer?: Signer): Promise<AnchorReceipt> {
    const conn = await this.#connect();
    const registryAddress = await this.#registryAddress(conn, 'anchor the certificate');
    const wallet = await this.#signer(conn, signer);
    const from = getAddress(await wallet.getAddress());
    const ctx = { ...this.#ctx(conn, 'anchor the certificate'), from };
    const registry = new Contract(registryAddress, registryInterface, wallet);
    // A clear answer before paying for gas: already anchored is the common mistake.
    const existing = await this.#readStatus(conn, registryAddress, certificate.uid, ctx);
    if (existing.anchorer !== ZeroAddress)
      throw new MailyError(
        ErrorCode.InvalidInput,
        `This certificate is already anchored (by ${existing.anchorer} in block ${existing.blockNumber}); a certificate can be anchored only once.`,
      );
    const receipt = await this.#send(() => registry.anchor(certificate.uid, certificate.contentHash), ctx);
    this.#emitAnchored({ uid: certificate.uid.toLowerCase(), state: 'anchored', txHash: receipt.hash });
    return {
      uid: certificate.uid.toLowerCase(),
      contentHash: certificate.contentHash.toLowerCase(),
      anchorer: from,
      txHash: receipt.hash,
      blockNumber: receipt.blockNumber,
      chainId: conn.chainId,
    };
  }

  /** Revokes the anchor of `uid` (only its anchorer can); waits until mined. */
  async revoke(input: { uid: string; reason: string }, signer?: Signer): Promise<RevokeReceipt> {
    const conn = await this.#connect();
    const registryAddress = await this.#registryAddress(conn, 'revoke the certificate');
    const wallet = await this.#signer(conn, signer);
    const from = getAddress(await wallet.getAddress());
    const ctx = { ...this.#ctx(conn, 'revoke the certificate'), from };
    const registry = new Contract(registryAddress, registryInterface, wallet);
    const receipt = await this.#send(() => registry.revoke(input.uid, input.reason), ctx);
    this.#emitAnchored({ uid: input.uid.toLowerCase(), state: 'revoked', txHash: receipt.hash });
    return {
      uid: input.uid.toLowerCase(),
      reason: input.reason,
      txHash: receipt.hash,
      blockNumber: receipt.blockNumber,
      chainId: conn.chainId,
    };
  }

  /** What the registry says about `uid`; with `expectedContentHash`, whether the anchored hash matches it. */
  async status(uid: string, expectedContentHash?: string): Promise<ChainStatus> {
    const conn = await this.#connect();
    const registryAddress = await this.#registryAddress(conn, 'read the certificate’s status');
    const ctx = this.#ctx(conn, 'read the certificate’s status');
    const s = await this.#readStatus(conn, registryAddress, uid, ctx);
    if (s.anchorer === ZeroAddress) return { state: 'not-anchored', uid: uid.toLowerCase(), chainId: conn.chainId };
    return {
      state: s.revokedAt > 0 ? 'revoked' : 'anchored',
      uid: uid.toLowerCase(),
      chainId: conn.chainId,
      contentHash: s.contentHash,
      contentMatches: expectedContentHash ? expectedContentHash.toLowerCase() === s.contentHash : null,
      anchorer: s.anchorer,
      blockNumber: s.blockNumber,
      anchoredAt: s.time * 1000,
      revokedAt: s.revokedAt > 0 ? s.revokedAt * 1000 : null,
      reason: s.revokedAt > 0 ? s.reason : null,
    };
  }

  /**
   * The reward token's transfers to `address` (default: the signer's address), oldest
   * first: `Transfer` logs of the token from the zero address or the token itself,
   * searched backwards from the latest block in chunks, capped in range and count.
   */
  async rewardHistory(address?: string): Promise<RewardHistory> {
    const conn = await this.#connect();
    const ctx = this.#ctx(conn, 'read the reward history');
    const tokenAddress = conn.settings.rewardTokenAddress;
    if (!tokenAddress)
      throw new MailyError(ErrorCode.InvalidInput, 'Add the reward token address in Settings → Trust to see rewards.');
    const to = address ? getAddress(address) : getAddress(await (await this.#signer(conn)).getAddress());
    const token = await this.#tokenInfo(conn, tokenAddress, ctx);
    const { logChunkBlocks, maxHistoryBlocks, maxTransfers, maxBlockLookups } = this.#options;
    const latest = await this.#rpc(conn.provider.getBlockNumber(), ctx);
    const oldest = Math.max(0, latest - maxHistoryBlocks + 1);
    const topics = [TRANSFER_TOPIC, null, addressTopic(to)];
    let found: Omit<RewardTransfer, 'time'>[] = [];
    let truncated = oldest > 0;
    let fromBlock = oldest;
    for (let end = latest; end >= oldest; end -= logChunkBlocks) {
      const start = Math.max(oldest, end - logChunkBlocks + 1);
      const logs = await this.#rpc(
        conn.provider.getLogs({ address: token.address, topics, fromBlock: start, toBlock: end }),
        ctx,
      );
      // An RPC may answer with anything: read at most the newest MAX_LOGS_PER_CHUNK of a chunk.
      if (logs.length > MAX_LOGS_PER_CHUNK) truncated = true;
      found = [...parseRewardLogs(logs.slice(-MAX_LOGS_PER_CHUNK), token, to), ...found];
      fromBlock = start;
      if (found.length >= maxTransfers) {
        truncated = truncated || found.length > maxTransfers || start > 0;
        found = found.slice(found.length - maxTransfers);
        break;
      }
    }
    // Block times for the newest transfers' blocks; older ones say "unknown" rather than cost more RPC calls.
    const times = new Map<number, number | null>();
    const blocks = [...new Set(found.map((t) => t.blockNumber))].slice(-maxBlockLookups);
    await Promise.all(
      blocks.map(async (n) => {
        const block = await this.#rpc(conn.provider.getBlock(n), ctx).catch(() => null);
        times.set(n, block ? block.timestamp * 1000 : null);
      }),
    );
    return {
      address: to,
      token,
      transfers: found.map((t) => ({ ...t, time: times.get(t.blockNumber) ?? null })),
      fromBlock,
      toBlock: latest,
      truncated,
    };
  }

  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
    this.#anchorListeners.clear();
    this.#dropConnection();
  }

  // --- connection -------------------------------------------------------------------

  /** The provider for the current settings, after checking the RPC's chain id. */
  async #connect(): Promise<Connection> {
    if (this.#disposed) throw new MailyError(ErrorCode.Disposed, 'Maily is shutting down');
    const settings = this.getSettings();
    if (!settings.enabled || settings.rpcUrl === '') throw new MailyError(ErrorCode.InvalidInput, CHAIN_OFF_MESSAGE);
    const key = JSON.stringify(settings);
    if (this.#connection?.key === key) return this.#connection;
    this.#dropConnection();
    const { rpcTimeoutMs } = this.#options;
    const ctx: ChainCallContext = {
      rpcUrl: settings.rpcUrl,
      chainId: settings.chainId,
      action: 'connect to the chain',
      timeoutMs: rpcTimeoutMs,
    };
    const request = () => {
      const req = new FetchRequest(settings.rpcUrl);
      req.timeout = rpcTimeoutMs;
      return req;
    };
    // Ask the chain id ourselves once: a JsonRpcProvider that detects its network keeps
    // retrying an unreachable RPC forever instead of failing.
    let chainId: number;
    try {
      const probe = request();
      probe.body = { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] };
      probe.setHeader('content-type', 'application/json');
      const response = await withTimeout(probe.send(), rpcTimeoutMs);
      if (!response.ok())
        throw new MailyError(
          ErrorCode.Disconnected,
          `The RPC at ${settings.rpcUrl} answered HTTP ${response.statusCode}. Check the URL in Settings → Trust.`,
        );
      const body = response.bodyJson as { result?: unknown } | null;
      if (typeof body?.result !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(body.result))
        throw new MailyError(
          ErrorCode.InvalidInput,
          `${settings.rpcUrl} does not answer like an Ethereum JSON-RPC node. Check the URL in Settings → Trust.`,
        );
      chainId = Number(BigInt(body.result));
    } catch (error) {
      if (error instanceof SyntaxError || isError(error, 'BAD_DATA') || isError(error, 'UNSUPPORTED_OPERATION'))
        throw new MailyError(
          ErrorCode.InvalidInput,
          `${settings.rpcUrl} does not answer like an Ethereum JSON-RPC node. Check the URL in Settings → Trust.`,
        );
      throw chainError(error, ctx);
    }
    if (settings.chainId !== null && settings.chainId !== chainId)
      throw new MailyError(
        ErrorCode.InvalidInput,
        `The RPC at ${settings.rpcUrl} is on chain ${chainId}, but Settings → Trust says chain ${settings.chainId}. Fix the chain id or the RPC URL.`,
      );
    const provider = new JsonRpcProvider(request(), Network.from(chainId), {
      staticNetwork: true,
      batchMaxCount: 1,
      cacheTimeout: -1, // a cached nonce would make a second transaction right after the first fail
      pollingInterval: this.#options.pollingIntervalMs,
    });
    this.#connection = { key, provider, chainId, settings, registries: new Set() };
    return this.#connection;
  }

  #emitAnchored(change: AnchorChange): void {
    for (const listener of this.#anchorListeners) listener(change);
  }

  #dropConnection(): void {
    this.#connection?.provider.destroy();
    this.#connection = null;
  }

  #ctx(conn: Connection, action: string): ChainCallContext {
    return { rpcUrl: conn.settings.rpcUrl, chainId: conn.chainId, action, timeoutMs: this.#options.rpcTimeoutMs };
  }

  async #rpc<T>(promise: Promise<T>, ctx: ChainCallContext): Promise<T> {
    try {
      return await withTimeout(promise, this.#options.rpcTimeoutMs);
    } catch (error) {
      throw chainError(error, ctx);
    }
  }

  async #signer(conn: Connection, given?: Signer): Promise<Signer> {
    if (given) return given.provider ? given : given.connect(conn.provider);
    if (!this.#signerFor)
      throw new MailyError(
        ErrorCode.NotFound,
        'There is no signing key on this device yet. Create one in Settings → Trust first.',
      );
    return this.#signerFor(conn.provider);
  }

  /** Sends a transaction and waits for it to be mined, with clear errors on the way. */
  async #send(
    sendTx: () => Promise<{ hash: string; wait(confirms?: number, timeout?: number): Promise<unknown> }>,
    ctx: ChainCallContext,
  ) {
    const tx = await this.#rpc(sendTx(), ctx);
    let receipt: { hash: string; blockNumber: number; status: number | null } | null;
    try {
      receipt = (await tx.wait(1, this.#options.txTimeoutMs)) as typeof receipt;
    } catch (error) {
      if (isError(error, 'TIMEOUT'))
        throw new MailyError(
          ErrorCode.Timeout,
          `The transaction ${tx.hash} was sent but not mined within ${Math.round(this.#options.txTimeoutMs / 1000)} s. Read the certificate's status later.`,
        );
      throw chainError(error, ctx);
    }
    if (!receipt || receipt.status !== 1)
      throw new MailyError(ErrorCode.Internal, `The transaction ${tx.hash} failed on chain; nothing was recorded.`);
    return receipt;
  }

  async #registryAddress(conn: Connection, action: string): Promise<string> {
    const address = conn.settings.registryAddress;
    if (!address)
      throw new MailyError(ErrorCode.InvalidInput, 'Add the registry contract address in Settings → Trust.');
    if (!(await this.#hasRegistry(conn, address, this.#ctx(conn, action))))
      throw new MailyError(
        ErrorCode.NotFound,
        `There is no Maily registry contract at ${address} on chain ${conn.chainId}. Check the registry address in Settings → Trust (and that it was deployed on this chain).`,
      );
    return address;
  }

  /** True when `address` holds code that answers the registry's `status` call. */
  async #hasRegistry(conn: Connection, address: string, ctx: ChainCallContext): Promise<boolean> {
    if (conn.registries.has(address)) return true;
    const code = await this.#rpc(conn.provider.getCode(address), ctx);
    if (code === '0x') return false;
    try {
      await this.#readStatus(conn, address, `0x${'00'.repeat(32)}`, ctx);
      conn.registries.add(address);
      return true;
    } catch (error) {
      if (error instanceof MailyError && error.code === ErrorCode.NotFound) return false;
      throw error;
    }
  }

  async #readStatus(conn: Connection, address: string, uid: string, ctx: ChainCallContext) {
    const registry = new Contract(address, registryInterface, conn.provider);
    const result = await this.#rpc(registry.status(uid) as Promise<unknown[]>, ctx);
    const [contentHash, anchorer, time, blockNumber, revokedAt, reason] = result as [
      string,
      string,
      bigint,
      bigint,
      bigint,
      string,
    ];
    return {
      contentHash: contentHash.toLowerCase(),
      anchorer: getAddress(anchorer),
      time: Number(time),
      blockNumber: Number(blockNumber),
      revokedAt: Number(revokedAt),
      reason,
    };
  }

  async #tokenInfo(conn: Connection, address: string, ctx: ChainCallContext) {
    const code = await this.#rpc(conn.provider.getCode(address), ctx);
    const notToken = new MailyError(
      ErrorCode.NotFound,
      `There is no reward token contract at ${address} on chain ${conn.chainId}. Check the reward token address in Settings → Trust.`,
    );
    if (code === '0x') throw notToken;
    const token = new Contract(address, rewardInterface, conn.provider);
    try {
      const [symbol, decimals] = await this.#rpc(
        Promise.all([token.symbol() as Promise<string>, token.decimals() as Promise<bigint>]),
        ctx,
      );
      const d = Number(decimals);
      if (!Number.isInteger(d) || d < 0 || d > 36) throw notToken;
      return { address: getAddress(address), symbol: String(symbol).slice(0, 32), decimals: d };
    } catch (error) {
      if (error instanceof MailyError && error.code !== ErrorCode.NotFound && error.code !== ErrorCode.Internal)
        throw error;
      throw notToken;
    }
  }
}
