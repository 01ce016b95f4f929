import { SignClient } from '@walletconnect/sign-client';
import { getAddress, TypedDataEncoder, verifyTypedData, type TypedDataDomain, type TypedDataField } from 'ethers';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ErrorCode, MailyError } from '../../../../shared/errors';
import {
  DEFAULT_RELAY_URL,
  walletSettingsSchema,
  type PairingView,
  type QueuedRequest,
  type WalletQueueChange,
  type WalletSessionView,
  type WalletSettings,
  type WalletState,
  type WalletStatus,
} from '../../../../shared/trust/wallet';
import { TRUST_CHAIN_ID } from '../../../../shared/trust/constants';
import type { SettingsStore } from '../../settings/SettingsStore';
import type { TypedDataSigner } from '../TypedDataSigner';
import { handshakeRelay, probeRelay } from './relayProbe';
import type { SqliteKeyValueStorage } from './SqliteKeyValueStorage';
import { WalletConnectSigner, type LabelFor } from './WalletConnectSigner';
import { WalletQueue, type QueuedPayload, type StoredQueued } from './WalletQueue';

type Client = Awaited<ReturnType<typeof SignClient.init>>;
type Session = ReturnType<Client['session']['getAll']>[number];
type Metadata = NonNullable<Parameters<typeof SignClient.init>[0]>['metadata'];

const SETTINGS_KEY = 'wallet.settings';
const storedSettingsSchema = z.object({ projectId: z.string(), relayUrl: z.string().optional() });

/** What a signing request asks of the wallet. */
export interface TypedDataRequest {
  domain: TypedDataDomain;
  types: Record<string, TypedDataField[]>;
  value: Record<string, unknown>;
}

export interface WalletConnectServiceOptions {
  settings: SettingsStore;
  /** Where SignClient keeps its pairings, sessions and keys (persistent: sessions survive restarts). */
  storage: SqliteKeyValueStorage;
  /** This app as the wallet shows it. Defaults to Maily's. */
  metadata?: Metadata;
  /**
   * Chains asked for when pairing. Defaults to the certificates' chain (Sepolia, whose id
   * is in their EIP-712 domain; wallets sign typed data for the chain of the request) and
   * Ethereum mainnet.
   */
  chains?: number[];
  /** How long a relay probe may take. Defaults to 3 s. */
  probeTimeoutMs?: number;
  /** Probe backoff while offline: first delay and cap. Defaults to 1 s and 30 s. */
  backoff?: { initialMs: number; maxMs: number };
  /** How often an open relay socket is pinged to notice a silent network loss. Defaults to 15 s. */
  livenessIntervalMs?: number;
  /** How long the wallet has to answer a signing request, in seconds. Defaults to 10 minutes. */
  requestExpirySeconds?: number;
  log?: { error(message: string, detail?: unknown): void };
}

const defaultMetadata: NonNullable<Metadata> = {
  name: 'Maily',
  description: 'Maily Desktop: wallet-signed trust certificates for email versions',
  url: 'https://maily.app',
  icons: [],
};

/** EIP-1193 "user rejected" and WalletConnect's USER_REJECTED family (5000–5002). */
const REJECTED_CODES = new Set([4001, 5000, 5001, 5002]);

interface Waiter {
  resolve(signature: string): void;
  reject(error: unknown): void;
}

function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

function relayHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** Turns what the wallet or SignClient threw into a MailyError for the designer. */
export function walletError(error: unknown): MailyError {
  if (error instanceof MailyError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = errorText(error);
  if ((typeof code === 'number' && REJECTED_CODES.has(code)) || /reject|denied|declin|cancel/i.test(message)) {
    return new MailyError(
      ErrorCode.Unauthorized,
      'The wallet declined the signing request. Approve it in your wallet to sign, or sign with the local key.',
    );
  }
  if (/expired/i.test(message)) {
    return new MailyError(
      ErrorCode.Timeout,
      'The wallet did not answer in time. Open your wallet and try again; the request has expired.',
    );
  }
  if (/no matching key|session.*(not found|deleted)|mismatched topic/i.test(message)) {
    return new MailyError(ErrorCode.NotFound, 'The session with your wallet has ended. Pair your wallet again.');
  }
  if (/publish|socket|relay|connection/i.test(message)) {
    return new MailyError(
      ErrorCode.Disconnected,
      'The request could not reach the WalletConnect relay. Check the network and try again.',
    );
  }
  return new MailyError(ErrorCode.Internal, `The wallet could not sign: ${message.slice(0, 200)}`);
}

/**
 * The designer's own wallet over WalletConnect (the dapp side, `@walletconnect/sign-client`
 * 2.25): settings (project id, relay), pairing by a `wc:` URI shown as a QR code, the
 * approved session (restored from the workspace database after a restart), and
 * `eth_signTypedData_v4` requests whose signature is checked to recover to the session's
 * address before anyone sees it.
 *
 * Offline: WalletConnect's relayer retries silently and a `connect()` only fails after
 * about 75 s, so this service decides itself: a quick WebSocket probe of the relay, the
 * relayer's connect/disconnect events, and a ping on the open socket (a network that
 * vanished without closing the socket). While the relay is unreachable, signing requests
 * go into a persistent queue; the relay is probed with backoff and, once it answers,
 * the relayer reconnects and the queue is sent in order. Each queued request's promise
 * resolves when it is finally signed; after a restart the result is recorded on the
 * queued item and announced by {@link WalletConnectService.onSettled}.
 */
export class WalletConnectService {
  readonly #options: WalletConnectServiceOptions;
  readonly #queue: WalletQueue;
  readonly #listeners = new Set<(status: WalletStatus) => void>();
  readonly #settledListeners = new Set<(item: StoredQueued) => void>();
  readonly #waiters = new Map<string, Waiter>();
  #config: WalletSettings | null;
  #client: Client | null = null;
  #starting: Promise<Client> | null = null;
  #generation = 0;
  #reachable: boolean | null = null;
  #offlineSince: number | null = null;
  #pairing: { uri: string; qrDataUrl: string | null } | null = null;
  #session: Session | null = null;
  #error: string | null = null;
  #probeTimer: NodeJS.Timeout | null = null;
  #probeDelay: number;
  #liveness: NodeJS.Timeout | null = null;
  #flushing: Promise<void> | null = null;
  #offClient: (() => void) | null = null;
  #disposed = false;
  #signer: WalletConnectSigner | null = null;

  constructor(options: WalletConnectServiceOptions) {
    this.#options = options;
    this.#probeDelay = options.backoff?.initialMs ?? 1_000;
    this.#queue = new WalletQueue(options.settings);
    this.#queue.onChanged(() => this.#emit());
    const stored = options.settings.read(SETTINGS_KEY, storedSettingsSchema, null);
    const parsed = stored ? walletSettingsSchema.safeParse(stored) : null;
    this.#config = parsed?.success ? parsed.data : null;
    if (this.#config) void this.#ensureClient().catch((error: unknown) => this.#startFailed(error));
  }

  // ---------- Public ------------------------------------------------------------ //

  status(): WalletStatus {
    const session = this.session();
    let state: WalletState;
    if (!this.#config) state = 'not-configured';
    else if (this.#reachable === false) state = 'offline';
    else if (this.#pairing) state = 'pairing';
    else if (session) state = 'connected';
    else state = 'disconnected';
    return {
      state,
      projectId: this.#config?.projectId ?? null,
      relayUrl: this.#relayUrl(),
      session,
      pairingUri: this.#pairing?.uri ?? null,
      queueLength: this.#queue.openCount,
      offlineSince: this.#offlineSince,
      error: this.#error,
    };
  }

  /** The wallet as a {@link TypedDataSigner} for the trust service (`labelFor` names queued requests). */
  signer(options: { labelFor?: LabelFor } = {}): TypedDataSigner {
    if (!options.labelFor) return (this.#signer ??= new WalletConnectSigner(this));
    return new WalletConnectSigner(this, options);
  }

  /** The approved session, or null. */
  session(): WalletSessionView | null {
    const session = this.#session;
    if (!session) return null;
    const parsed = parseAccount(session);
    if (!parsed) return null;
    return {
      address: parsed.address,
      chainId: parsed.chainId,
      walletName: session.peer.metadata.name || 'Wallet',
      walletUrl: session.peer.metadata.url || null,
      expiresAt: session.expiry * 1000,
    };
  }

  /** Stores the project id and relay; restarts the client when either changed (the session is kept). */
  async configure(input: WalletSettings): Promise<WalletStatus> {
    const parsed = walletSettingsSchema.safeParse(input);
    if (!parsed.success) {
      throw new MailyError(ErrorCode.InvalidInput, parsed.error.issues[0]?.message ?? 'Check the wallet settings');
    }
    const next: WalletSettings = { projectId: parsed.data.projectId.toLowerCase() };
    if (parsed.data.relayUrl) next.relayUrl = parsed.data.relayUrl;
    const same =
      this.#config?.projectId === next.projectId && (this.#config?.relayUrl ?? null) === (next.relayUrl ?? null);
    if (same && (this.#client || this.#starting)) return this.status();
    this.#options.settings.write(SETTINGS_KEY, next);
    this.#config = next;
    await this.#stopClient();
    this.#reachable = null;
    this.#offlineSince = null;
    this.#error = null;
    this.#emit();
    try {
      await this.#ensureClient();
    } catch (error) {
      this.#startFailed(error);
    }
    return this.status();
  }

  /** Starts pairing: the `wc:` URI (and its QR code) for the designer's wallet to scan. */
  async pair(): Promise<PairingView> {
    const client = await this.#ensureClient();
    if (this.#pairing) return { uri: this.#pairing.uri, qrDataUrl: this.#pairing.qrDataUrl };
    // The handshake the relayer will make (with this client's auth and the project id), so a
    // relay that refuses it says so now instead of after WalletConnect's silent retries.
    const handshake = await handshakeRelay(
      await this.#authenticatedRelayUrl(client),
      this.#options.probeTimeoutMs ?? 3_000,
    );
    if (handshake.outcome === 'unreachable') {
      this.#markOffline();
      throw new MailyError(
        ErrorCode.Disconnected,
        `Cannot reach the WalletConnect relay (${relayHost(this.#relayUrl())}). Check the network or the relay address in the wallet settings, then pair again.`,
      );
    }
    this.#markReachable();
    if (handshake.outcome === 'refused') {
      throw new MailyError(
        ErrorCode.Unauthorized,
        `The WalletConnect relay (${relayHost(this.#relayUrl())}) refused the connection (HTTP ${handshake.status}). Check the project id in the wallet settings (from cloud.reown.com).`,
      );
    }
    const chains = (this.#options.chains ?? [TRUST_CHAIN_ID, 1]).map((id) => `eip155:${id}`);
    let connected: Awaited<ReturnType<Client['connect']>>;
    try {
      connected = await withTimeout(
        client.connect({
          optionalNamespaces: {
            eip155: { chains, methods: ['eth_signTypedData_v4'], events: ['accountsChanged', 'chainChanged'] },
          },
        }),
        30_000,
        () => new Error('relay connection timed out'),
      );
    } catch (error) {
      throw new MailyError(
        ErrorCode.Disconnected,
        `Pairing could not start: the relay did not answer (${errorText(error).slice(0, 120)}). Try again.`,
      );
    }
    const uri = connected.uri;
    if (!uri) throw new MailyError(ErrorCode.Internal, 'WalletConnect gave no pairing address. Try again.');
    let qrDataUrl: string | null = null;
    try {
      qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 320 });
    } catch {
      qrDataUrl = null; // the UI can still render the URI itself
    }
    const generation = this.#generation;
    this.#pairing = { uri, qrDataUrl };
    this.#error = null;
    this.#emit();
    connected.approval().then(
      async (session) => {
        if (generation !== this.#generation || this.#pairing?.uri !== uri) return;
        this.#pairing = null;
        const previous = this.#session;
        this.#adopt(session);
        if (previous && previous.topic !== session.topic) void this.#endSession(client, previous.topic);
        this.#emit();
        void this.#flush();
      },
      (error: unknown) => {
        if (generation !== this.#generation || this.#pairing?.uri !== uri) return;
        this.#pairing = null;
        const text = errorText(error);
        this.#error = /reject/i.test(text)
          ? 'The wallet declined the connection. Pair again to connect.'
          : /expired/i.test(text)
            ? 'The pairing code expired before a wallet used it. Pair again for a new code.'
            : `The wallet did not connect: ${text.slice(0, 160)}`;
        this.#emit();
      },
    );
    return { uri, qrDataUrl };
  }

  /** Ends the session with the wallet and any pairing being shown. Works offline too (locally). */
  async disconnect(): Promise<WalletStatus> {
    const client = this.#client;
    this.#pairing = null;
    const session = this.#session;
    this.#session = null;
    this.#error = null;
    if (client && session) await this.#endSession(client, session.topic, this.#reachable !== false);
    this.#emit();
    return this.status();
  }

  /** The queued signing requests, oldest first, with the recent finished ones. */
  queue(): QueuedRequest[] {
    return this.#queue.list();
  }

  /** Cancels a queued request that is not signed yet; its promise rejects. */
  cancelQueued(id: string): QueuedRequest {
    const item = this.#queue.get(id);
    if (!item) throw new MailyError(ErrorCode.NotFound, 'This signing request is no longer in the queue.');
    if (item.state === 'signed' || item.state === 'failed' || item.state === 'cancelled') {
      throw new MailyError(ErrorCode.InvalidInput, `This signing request is already ${item.state}.`);
    }
    const cancelled = this.#queue.update(id, { state: 'cancelled', error: 'Cancelled' }) ?? item;
    this.#settle(cancelled, new MailyError(ErrorCode.InvalidInput, 'The signing request was cancelled.'));
    const { payload: _payload, ...view } = cancelled;
    return view;
  }

  /**
   * Asks the wallet to sign `request` as EIP-712 typed data (`eth_signTypedData_v4`) and
   * checks that the signature recovers to the session's address. Offline, the request is
   * queued (shown with `label`) and the promise resolves once it is signed.
   */
  async signTypedData(request: TypedDataRequest, label: string, signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    if (!this.#config) {
      throw new MailyError(
        ErrorCode.NotFound,
        'WalletConnect is not set up: add your WalletConnect project id in the wallet settings, or sign with the local key.',
      );
    }
    await this.#ensureClient();
    const session = this.session();
    if (!session || !this.#session) {
      throw new MailyError(
        ErrorCode.NotFound,
        'No wallet is connected. Pair your wallet (scan the QR code) or sign with the local key.',
      );
    }
    let typedData: string;
    try {
      typedData = JSON.stringify(TypedDataEncoder.getPayload(request.domain, request.types, request.value));
    } catch (error) {
      throw new MailyError(ErrorCode.InvalidInput, `This cannot be signed as typed data: ${errorText(error)}`);
    }
    const chainId = this.#chainFor(request.domain, this.#session);
    const payload: QueuedPayload = { chainId, typedData };
    const online = this.#reachable !== false && (await this.#relayAlive());
    signal?.throwIfAborted();
    if (online) return this.#abortable(this.#send(this.#session, session.address, payload), signal);
    this.#markOffline();
    const item = this.#queue.add(label, session.address, payload);
    const result = new Promise<string>((resolve, reject) => this.#waiters.set(item.id, { resolve, reject }));
    signal?.addEventListener(
      'abort',
      () => {
        if (this.#queue.get(item.id)?.state === 'waiting') this.cancelQueued(item.id);
      },
      { once: true },
    );
    return result;
  }

  onChanged(listener: (status: WalletStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onQueueChanged(listener: (change: WalletQueueChange) => void): () => void {
    return this.#queue.onChanged(listener);
  }

  /**
   * A queued request was signed (or failed, or was cancelled) — also one queued before a
   * restart, whose caller is gone: `item.payload.typedData` says what was signed.
   */
  onSettled(listener: (item: StoredQueued) => void): () => void {
    this.#settledListeners.add(listener);
    return () => this.#settledListeners.delete(listener);
  }

  /** Probes the relay now (e.g. when the designer presses "Retry"). */
  async checkNow(): Promise<WalletStatus> {
    if (this.#config) await this.#checkReachability();
    return this.status();
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const [id, waiter] of this.#waiters) {
      waiter.reject(new MailyError(ErrorCode.Disposed, 'Maily is closing; the signing request stays queued.'));
      this.#waiters.delete(id);
    }
    this.#listeners.clear();
    this.#settledListeners.clear();
    await this.#stopClient();
  }

  // ---------- Client lifecycle ----------------------------------------------------- //

  #relayUrl(): string {
    return this.#config?.relayUrl ?? DEFAULT_RELAY_URL;
  }

  #ensureClient(): Promise<Client> {
    if (this.#disposed) return Promise.reject(new MailyError(ErrorCode.Disposed, 'Maily is shutting down.'));
    if (!this.#config) {
      return Promise.reject(
        new MailyError(
          ErrorCode.NotFound,
          'WalletConnect is not set up: add your WalletConnect project id in the wallet settings.',
        ),
      );
    }
    if (this.#client) return Promise.resolve(this.#client);
    if (!this.#starting) {
      const generation = ++this.#generation;
      const config = this.#config;
      this.#starting = this.#startClient(config, generation).finally(() => {
        if (generation === this.#generation) this.#starting = null;
      });
    }
    return this.#starting;
  }

  async #startClient(config: WalletSettings, generation: number): Promise<Client> {
    // SignClient shares one Core per process through a global unless told not to; this
    // service creates and disposes its own (a new relay or project id is a new client).
    process.env.DISABLE_GLOBAL_CORE = 'true';
    let client: Client;
    try {
      client = await SignClient.init({
        projectId: config.projectId,
        relayUrl: config.relayUrl ?? DEFAULT_RELAY_URL,
        metadata: this.#options.metadata ?? defaultMetadata,
        storage: this.#options.storage,
        telemetryEnabled: false,
        logger: 'silent',
      });
    } catch (error) {
      throw new MailyError(ErrorCode.Internal, `WalletConnect could not start: ${errorText(error).slice(0, 200)}`);
    }
    if (generation !== this.#generation || this.#disposed) {
      await closeClient(client);
      throw new MailyError(ErrorCode.Disposed, 'The wallet settings changed; try again.');
    }
    this.#client = client;
    this.#offClient = this.#listen(client);
    this.#session = pickSession(client);
    this.#emit();
    void this.#checkReachability();
    this.#startLiveness();
    // The relayer may have connected inside init, before these listeners: send what was queued.
    if (this.#queue.openCount > 0) void this.#flush();
    return client;
  }

  #startFailed(error: unknown): void {
    if (this.#disposed) return;
    this.#error = error instanceof MailyError ? error.message : `WalletConnect could not start: ${errorText(error)}`;
    this.#options.log?.error('WalletConnect could not start', error);
    this.#emit();
  }

  async #stopClient(): Promise<void> {
    this.#generation++;
    this.#starting = null;
    if (this.#probeTimer) clearTimeout(this.#probeTimer);
    this.#probeTimer = null;
    if (this.#liveness) clearInterval(this.#liveness);
    this.#liveness = null;
    this.#offClient?.();
    this.#offClient = null;
    const client = this.#client;
    this.#client = null;
    this.#pairing = null;
    this.#session = null;
    if (client) await closeClient(client);
  }

  #listen(client: Client): () => void {
    const relayer = client.core.relayer;
    const onConnect = () => {
      this.#markReachable();
      void this.#flush();
    };
    const onDisconnect = () => {
      if (this.#disposed || this.#client !== client) return;
      void this.#checkReachability();
    };
    const refresh = ({ topic }: { topic: string }) => {
      if (this.#session?.topic !== topic) return;
      this.#session = client.session.keys.includes(topic) ? client.session.get(topic) : null;
      this.#emit();
    };
    const ended = ({ topic }: { topic: string }) => {
      if (this.#session?.topic !== topic) return;
      this.#session = pickSession(client);
      if (!this.#session) this.#error = 'The wallet ended the session. Pair your wallet again to sign with it.';
      this.#emit();
    };
    relayer.on('relayer_connect', onConnect);
    relayer.on('relayer_disconnect', onDisconnect);
    client.on('session_update', refresh);
    client.on('session_extend', refresh);
    client.on('session_delete', ended);
    client.on('session_expire', ended);
    return () => {
      relayer.off('relayer_connect', onConnect);
      relayer.off('relayer_disconnect', onDisconnect);
      client.off('session_update', refresh);
      client.off('session_extend', refresh);
      client.off('session_delete', ended);
      client.off('session_expire', ended);
    };
  }

  #adopt(session: Session): void {
    this.#session = parseAccount(session) ? session : null;
    if (!this.#session) this.#error = 'The wallet connected without an Ethereum account. Pair an EVM wallet.';
  }

  async #endSession(client: Client, topic: string, tellWallet = true): Promise<void> {
    const reason = { code: 6000, message: 'User disconnected.' };
    try {
      if (!tellWallet) throw new Error('offline');
      await withTimeout(client.disconnect({ topic, reason }), 5_000, () => new Error('timed out'));
    } catch {
      // Offline or the wallet is gone: forget the session here; the wallet's copy expires.
      try {
        if (client.session.keys.includes(topic)) await client.session.delete(topic, reason);
      } catch (error) {
        this.#options.log?.error('Could not forget the WalletConnect session', error);
      }
    }
  }

  // ---------- Reachability --------------------------------------------------------- //

  async #authenticatedRelayUrl(client: Client): Promise<string> {
    const base = this.#relayUrl();
    let auth = '';
    try {
      auth = await client.core.crypto.signJWT(base);
    } catch {
      // Without a token the relay refuses, which the caller reports.
    }
    const url = new URL(base);
    url.searchParams.set('auth', auth);
    url.searchParams.set('projectId', this.#config?.projectId ?? '');
    return url.toString();
  }

  #probe(): Promise<boolean> {
    return probeRelay(this.#relayUrl(), this.#options.probeTimeoutMs ?? 3_000);
  }

  /** Probes the relay and moves to online or offline; while offline, probes again with backoff. */
  async #checkReachability(): Promise<void> {
    if (this.#disposed || !this.#config) return;
    const client = this.#client;
    if (client?.core.relayer.connected) {
      this.#markReachable();
      return;
    }
    const reachable = await this.#probe();
    if (this.#disposed || client !== this.#client) return;
    if (!reachable) {
      this.#markOffline();
      return;
    }
    this.#markReachable();
    if (client && this.#session && !client.core.relayer.connected) {
      // The relayer may have closed its transport for good after an error; open it again.
      client.core.relayer.transportOpen().catch((error: unknown) => {
        if (this.#disposed || client !== this.#client) return;
        // The relay answers but does not take the connection (e.g. it refuses the project id).
        this.#error = `The relay at ${relayHost(this.#relayUrl())} answers but did not accept the connection (${errorText(error).slice(0, 120)}). Check the project id and the relay address.`;
        this.#markOffline();
      });
    }
  }

  /** Whether a request sent now reaches the relay: a ping on the open socket, else a probe. */
  async #relayAlive(): Promise<boolean> {
    const client = this.#client;
    if (!client) return false;
    if (client.core.relayer.connected) {
      const alive = await pingSocket(client, this.#options.probeTimeoutMs ?? 3_000);
      if (alive === true) return true;
      if (alive === null) {
        // A socket that cannot be pinged (the runtime's own WebSocket, as in Electron's main
        // process, where SignClient prefers it to `ws`): a fresh handshake tells instead.
        if (await this.#probe()) return true;
      }
      terminateSocket(client);
      return false;
    }
    const reachable = await this.#probe();
    if (reachable) this.#markReachable();
    return reachable;
  }

  #markReachable(): void {
    if (this.#probeTimer) clearTimeout(this.#probeTimer);
    this.#probeTimer = null;
    this.#probeDelay = this.#options.backoff?.initialMs ?? 1_000;
    if (this.#reachable === true) return;
    this.#reachable = true;
    if (this.#error?.startsWith('The relay at ')) this.#error = null;
    this.#offlineSince = null;
    this.#emit();
  }

  #markOffline(): void {
    if (this.#disposed) return;
    if (this.#reachable !== false) {
      this.#reachable = false;
      this.#offlineSince = Date.now();
      this.#emit();
    }
    this.#scheduleProbe();
  }

  #scheduleProbe(): void {
    if (this.#probeTimer || this.#disposed) return;
    const delay = this.#probeDelay;
    this.#probeDelay = Math.min(delay * 2, this.#options.backoff?.maxMs ?? 30_000);
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = null;
      void this.#checkReachability().then(() => {
        if (this.#reachable === false) this.#scheduleProbe();
      });
    }, delay);
    this.#probeTimer.unref?.();
  }

  #startLiveness(): void {
    const every = this.#options.livenessIntervalMs ?? 15_000;
    if (this.#liveness || every <= 0) return;
    this.#liveness = setInterval(() => {
      const client = this.#client;
      if (!client || !this.#session || !client.core.relayer.connected) return;
      void pingSocket(client, this.#options.probeTimeoutMs ?? 3_000).then((alive) => {
        if (alive === false && client === this.#client) {
          terminateSocket(client);
          this.#markOffline();
        }
      });
    }, every);
    this.#liveness.unref?.();
  }

  // ---------- Signing and the queue ----------------------------------------------- //

  #chainFor(domain: TypedDataDomain, session: Session): number {
    const chains = sessionChains(session);
    const wanted = domain.chainId === undefined || domain.chainId === null ? null : Number(domain.chainId);
    if (wanted !== null && chains.includes(wanted)) return wanted;
    return parseAccount(session)?.chainId ?? chains[0] ?? 1;
  }

  async #send(session: Session, address: string, payload: QueuedPayload): Promise<string> {
    const client = this.#client;
    if (!client) throw new MailyError(ErrorCode.Disconnected, 'WalletConnect is not running. Try again.');
    let result: unknown;
    try {
      result = await client.request<unknown>({
        topic: session.topic,
        chainId: `eip155:${payload.chainId}`,
        request: { method: 'eth_signTypedData_v4', params: [address, payload.typedData] },
        expiry: this.#options.requestExpirySeconds ?? 600,
      });
    } catch (error) {
      throw walletError(error);
    }
    return checkSignature(payload, address, result);
  }

  #abortable(promise: Promise<string>, signal?: AbortSignal): Promise<string> {
    if (!signal) return promise;
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(new MailyError(ErrorCode.InvalidInput, 'The signing request was cancelled.'));
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Sends the queued requests in order while the relay is reachable and a session exists. */
  #flush(): Promise<void> {
    if (this.#flushing) return this.#flushing;
    this.#flushing = this.#flushQueue()
      .catch((error: unknown) => {
        // Only storage can fail here (e.g. closing): the items stay queued for the next flush.
        if (!this.#disposed) this.#options.log?.error('Could not send the queued signing requests', error);
      })
      .finally(() => {
        this.#flushing = null;
      });
    return this.#flushing;
  }

  async #flushQueue(): Promise<void> {
    for (;;) {
      if (this.#disposed || this.#reachable === false) return;
      const session = this.#session;
      const view = this.session();
      const next = this.#queue.open().find((item) => item.state === 'waiting');
      if (!next || !session || !view) return;
      if (next.address.toLowerCase() !== view.address.toLowerCase()) {
        const failed = this.#queue.update(next.id, {
          state: 'failed',
          error: `Asked of ${shortAddress(next.address)}, but the connected wallet is ${shortAddress(view.address)}.`,
        });
        if (failed) this.#settle(failed, new MailyError(ErrorCode.Unauthorized, failed.error ?? 'Wrong wallet'));
        continue;
      }
      if (!(await this.#relayAlive())) {
        this.#markOffline();
        return;
      }
      if (this.#disposed) return;
      this.#queue.update(next.id, { state: 'sending' });
      try {
        const signature = await this.#send(session, next.address, next.payload);
        if (this.#disposed) return; // stays `sending`: sent again after the restart
        if (this.#queue.get(next.id)?.state === 'cancelled') continue; // cancelled while the wallet had it
        const signed = this.#queue.update(next.id, { state: 'signed', signature, error: null });
        if (signed) this.#settle(signed, null);
      } catch (error) {
        const mailyError = walletError(error);
        if (this.#disposed) return;
        if (this.#queue.get(next.id)?.state === 'cancelled') continue;
        if (mailyError.code === ErrorCode.Disconnected) {
          this.#queue.update(next.id, { state: 'waiting' });
          this.#markOffline();
          return;
        }
        const failed = this.#queue.update(next.id, { state: 'failed', error: mailyError.message });
        if (failed) this.#settle(failed, mailyError);
      }
    }
  }

  #settle(item: StoredQueued, error: MailyError | null): void {
    const waiter = this.#waiters.get(item.id);
    this.#waiters.delete(item.id);
    if (waiter) {
      if (error) waiter.reject(error);
      else if (item.signature) waiter.resolve(item.signature);
    }
    for (const listener of [...this.#settledListeners]) {
      try {
        listener(item);
      } catch (listenerError) {
        this.#options.log?.error('A wallet queue listener failed', listenerError);
      }
    }
  }

  #emit(): void {
    if (this.#disposed) return;
    const status = this.status();
    for (const listener of [...this.#listeners]) listener(status);
  }
}

// ---------- Helpers ----------------------------------------------------------------- //

function parseAccount(session: Session): { address: string; chainId: number } | null {
  const account = session.namespaces.eip155?.accounts?.[0];
  const match = account ? /^eip155:(\d+):(0x[0-9a-fA-F]{40})$/.exec(account) : null;
  if (!match) return null;
  try {
    return { chainId: Number(match[1]), address: getAddress(match[2]) };
  } catch {
    return null;
  }
}

function sessionChains(session: Session): number[] {
  const ns = session.namespaces.eip155;
  const chains = new Set<number>();
  for (const chain of ns?.chains ?? []) {
    const id = Number(chain.split(':')[1]);
    if (Number.isInteger(id) && id > 0) chains.add(id);
  }
  for (const account of ns?.accounts ?? []) {
    const id = Number(account.split(':')[1]);
    if (Number.isInteger(id) && id > 0) chains.add(id);
  }
  return [...chains];
}

/** The newest session that is not expired and has an Ethereum account. */
function pickSession(client: Client): Session | null {
  const now = Date.now() / 1000;
  const usable = client.session
    .getAll()
    .filter((s) => s.expiry > now && parseAccount(s) !== null)
    .sort((a, b) => b.expiry - a.expiry);
  return usable[0] ?? null;
}

/** Checks the wallet's answer: a 65-byte signature that recovers to `address`. */
export function checkSignature(payload: QueuedPayload, address: string, result: unknown): string {
  if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(result)) {
    throw new MailyError(
      ErrorCode.Unauthorized,
      'The wallet answered with something that is not a signature: refused.',
    );
  }
  const data = JSON.parse(payload.typedData) as {
    domain: TypedDataDomain;
    types: Record<string, TypedDataField[]>;
    message: Record<string, unknown>;
  };
  const { EIP712Domain: _domain, ...types } = data.types;
  let recovered: string;
  try {
    recovered = verifyTypedData(data.domain, types, data.message, result);
  } catch {
    throw new MailyError(
      ErrorCode.Unauthorized,
      'The wallet answered with a signature that does not check out: refused.',
    );
  }
  if (recovered.toLowerCase() !== address.toLowerCase()) {
    throw new MailyError(
      ErrorCode.Unauthorized,
      `The wallet's signature is not by the connected account ${shortAddress(address)} (it recovers to ${shortAddress(recovered)}): refused.`,
    );
  }
  return result;
}

interface RelaySocket {
  readyState?: number;
  ping?: () => void;
  once?: (event: 'pong', listener: () => void) => void;
  off?: (event: 'pong', listener: () => void) => void;
  terminate?: () => void;
  close?: () => void;
}

function socketOf(client: Client): RelaySocket | null {
  const provider = client.core.relayer.provider as unknown as { connection?: { socket?: RelaySocket } };
  return provider?.connection?.socket ?? null;
}

/** Pings the relayer's open socket: true on a pong in time, false on none, null when it cannot ping (browser WebSocket). */
function pingSocket(client: Client, timeoutMs: number): Promise<boolean | null> {
  const socket = socketOf(client);
  if (!socket || typeof socket.ping !== 'function' || typeof socket.once !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    const onPong = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      socket.off?.('pong', onPong);
      resolve(false);
    }, timeoutMs);
    socket.once!('pong', onPong);
    try {
      socket.ping!();
    } catch {
      clearTimeout(timer);
      socket.off?.('pong', onPong);
      resolve(false);
    }
  });
}

function terminateSocket(client: Client): void {
  try {
    const socket = socketOf(client);
    if (typeof socket?.terminate === 'function') socket.terminate();
    else socket?.close?.();
  } catch {
    // already closed
  }
}

async function closeClient(client: Client): Promise<void> {
  try {
    client.core.heartbeat.stop();
    await withTimeout(client.core.relayer.transportClose(), 2_000, () => new Error('timed out'));
  } catch {
    // the socket is gone either way
  }
  client.removeAllListeners('session_proposal');
}
