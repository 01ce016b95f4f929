import { networkInterfaces as osNetworkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIPv6 } from 'node:net';
import { signalingSettingsSchema, type SignalingSettings, type SignalingStatus } from '../../../shared/collab/team';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { ErrorLog } from '../docs/DocService';
import type { SettingsStore } from '../settings/SettingsStore';
import { SignalingServer } from './SignalingServer';

/** Options for {@link SignalingService}. */
export interface SignalingServiceOptions {
  /**
   * Settings that win over the stored ones for this run (`maily serve --signaling-port`);
   * never stored. A later {@link SignalingService.configure} replaces them. Defaults to none.
   */
  override?: Partial<SignalingSettings>;
  /** How often the server pings its clients. Defaults to 30 000 ms. */
  pingIntervalMs?: number;
  /** Where unexpected start failures are reported. Defaults to `console`. */
  log?: ErrorLog;
  /** This machine's addresses, for {@link SignalingStatus.urls}. Defaults to `os.networkInterfaces`. */
  networkInterfaces?: typeof osNetworkInterfaces;
}

/** Off until the user turns it on; 4444 is y-webrtc's usual port; 0.0.0.0 serves the LAN. */
export const DEFAULT_SIGNALING_SETTINGS: SignalingSettings = { enabled: false, port: 4444, host: '0.0.0.0' };

const SETTINGS_KEY = 'signaling';
/** Client counts change in bursts (a team reconnecting): announce them at most this often. */
const CLIENTS_EVENT_INTERVAL_MS = 250;

export type SignalingListener = (status: SignalingStatus) => void;

/**
 * Owns the built-in signaling server: its stored settings and its lifecycle. Starts,
 * stops and restarts run one at a time, so {@link status} is always what the server is
 * doing; a start that fails (busy port, foreign address) becomes `state: 'error'` with a
 * message, never an exception.
 */
export class SignalingService {
  readonly #store: SettingsStore;
  readonly #options: SignalingServiceOptions;
  readonly #listeners = new Set<SignalingListener>();
  #settings: SignalingSettings;
  #state: SignalingStatus['state'] = 'off';
  #error: string | null = null;
  #server: SignalingServer | null = null;
  /** The settings the running server was started with. */
  #runningFor: SignalingSettings | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #clientsTimer: NodeJS.Timeout | null = null;
  #disposed = false;

  /** Reads the stored settings from `store` (the workspace database's settings). */
  constructor(store: SettingsStore, options: SignalingServiceOptions = {}) {
    this.#store = store;
    this.#options = options;
    const stored = this.#store.read(SETTINGS_KEY, signalingSettingsSchema, DEFAULT_SIGNALING_SETTINGS);
    this.#settings = { ...stored, ...options.override };
  }

  /** What the server is doing now. */
  status(): SignalingStatus {
    const port = this.#server?.port ?? null;
    return {
      ...this.#settings,
      state: this.#state,
      boundPort: port,
      urls:
        port === null || !this.#runningFor
          ? []
          : signalingUrls(this.#runningFor.host, port, (this.#options.networkInterfaces ?? osNetworkInterfaces)()),
      clients: this.#server?.clients ?? 0,
      error: this.#error,
    };
  }

  /** Starts the server if the settings say so (at boot); resolves to the resulting status. */
  start(): Promise<SignalingStatus> {
    return this.#serial(() => this.#apply());
  }

  /** Stores `settings` and starts, stops or restarts the server to match. */
  configure(settings: SignalingSettings): Promise<SignalingStatus> {
    if (this.#disposed) throw new MailyError(ErrorCode.Disposed, 'Maily is shutting down.');
    const parsed = signalingSettingsSchema.safeParse(settings);
    if (!parsed.success) throw new MailyError(ErrorCode.InvalidInput, 'Those signaling settings are not valid.');
    this.#store.write(SETTINGS_KEY, parsed.data);
    return this.#serial(() => {
      this.#settings = parsed.data;
      return this.#apply();
    });
  }

  /** Calls `listener` with every change of state, settings or client count; returns its unsubscribe. */
  onChanged(listener: SignalingListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops the server; resolves once its port is free. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    if (this.#clientsTimer) clearTimeout(this.#clientsTimer);
    this.#listeners.clear();
    await this.#serial(() => this.#stop());
  }

  async #apply(): Promise<SignalingStatus> {
    const want = this.#settings;
    const running = this.#runningFor;
    if (this.#disposed) return this.status();
    if (want.enabled && running && running.host === want.host && running.port === want.port) {
      this.#emit(); // settings echo: the UI still learns the stored values
      return this.status();
    }
    await this.#stop();
    if (!want.enabled) return this.#set('off', null);
    this.#set('starting', null);
    try {
      this.#server = await SignalingServer.start({
        host: want.host,
        port: want.port,
        pingIntervalMs: this.#options.pingIntervalMs,
        onClientsChanged: () => this.#clientsChanged(),
      });
      this.#runningFor = { ...want };
      return this.#set('running', null);
    } catch (error) {
      const message = describeListenError(error, want);
      if (message === null) (this.#options.log ?? console).error('signaling server failed to start', error);
      return this.#set('error', message ?? `The signaling server could not start; try another port or address.`);
    }
  }

  async #stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    this.#runningFor = null;
    await server?.close();
  }

  #set(state: SignalingStatus['state'], error: string | null): SignalingStatus {
    this.#state = state;
    this.#error = error;
    this.#emit();
    return this.status();
  }

  #emit(): void {
    const status = this.status();
    for (const listener of [...this.#listeners]) {
      try {
        listener(status);
      } catch (error) {
        (this.#options.log ?? console).error('signaling listener failed', error);
      }
    }
  }

  #clientsChanged(): void {
    if (this.#clientsTimer || this.#disposed) return;
    this.#clientsTimer = setTimeout(() => {
      this.#clientsTimer = null;
      this.#emit();
    }, CLIENTS_EVENT_INTERVAL_MS);
    this.#clientsTimer.unref();
  }

  /** Runs tasks one after another, whatever the previous one did. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** The ws:// addresses teammates can use: every LAN IPv4 address plus loopback for a wildcard bind, else the bound one. */
export function signalingUrls(
  host: string,
  port: number,
  interfaces: ReturnType<typeof osNetworkInterfaces>,
): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`ws://${isIPv6(host) ? `[${host}]` : host}:${port}`];
  const lan = Object.values(interfaces)
    .flat()
    .filter((a): a is NetworkInterfaceInfo => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `ws://${a.address}:${port}`);
  return [...new Set(lan), `ws://127.0.0.1:${port}`];
}

/** Turns an expected listen failure into a sentence that says what to change; `null` for an unexpected one. */
export function describeListenError(error: unknown, want: SignalingSettings): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${want.port} is in use; choose another port.`;
  if (code === 'EACCES') return `Port ${want.port} needs administrator rights; choose a port above 1023.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EINVAL')
    return `${want.host} is not an address of this machine; choose 0.0.0.0 for the network or 127.0.0.1 for this machine only.`;
  return null;
}
