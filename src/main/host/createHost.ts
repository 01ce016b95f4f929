import type { MeshOverride } from '../services/mesh/MeshService';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../shared/api/client';
import type { EventName, EventPayloads } from '../../shared/api/contract';
import type { AppInfo } from '../../shared/api/dto';
import { createServices, type Services } from '../services';
import type { Keyring } from '../services/mail/FileSecretStore';
import type { KeyVault } from '../services/trust/KeyVault';
import type { SignalingSettings } from '../../shared/collab/team';
import { closeDoc, createHandlers } from './handlers';
import { dispatch } from './dispatch';
import { lockDataDir } from './dataDirLock';
import { throttleById } from './throttle';
import { consoleLogger, type Logger } from './logger';
import packageJson from '../../../package.json';

export interface HostOptions {
  /** Folder for the workspace database and everything else the app stores. */
  dataDir: string;
  /** Which shell runs the host. */
  kind: AppInfo['host'];
  /** App version shown in the UI. Defaults to the package version. */
  version?: string;
  /** Path to a better-sqlite3 binary built for this runtime (Electron's ABI). Defaults to the Node build. */
  nativeBinding?: string;
  /** Gives the key of the encrypted secrets file (SMTP password). */
  keyring: Keyring;
  /** Where the local signing key of trust certificates is kept (the OS keychain on the desktop). Defaults to a passphrase keystore in the data folder. */
  keyVault?: KeyVault;
  /** Defaults to a stderr logger. */
  log?: Logger;
  /** Signaling server settings for this run only (`maily serve --signaling-port`); never stored. Defaults to none. */
  signaling?: Partial<SignalingSettings>;
  /** AI-mesh settings for this run only (`maily serve --mesh-port`); never stored. */
  mesh?: MeshOverride;
}

/** How often one campaign's change is announced at most. */
const CHANGE_EVENT_INTERVAL_MS = 250;

export type EmitFn = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** One connected renderer: a window in the desktop app, a socket on the headless host. */
export interface HostSession {
  readonly id: string;
  /** Validates and runs one request; always resolves to an envelope. */
  call(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Forgets the session and closes the documents only it had open. */
  close(): void;
}

export interface Host {
  readonly info: AppInfo;
  readonly services: Services;
  openSession(emit: EmitFn): HostSession;
  dispose(): Promise<void>;
}

/** Per-session bookkeeping the handlers need. */
export interface SessionState {
  id: string;
  emit: EmitFn;
  openDocs: Set<string>;
}

/**
 * The composition root shared by the desktop app and `maily serve`: opens the
 * services on a data folder and hands out sessions that speak the contract.
 */
export function createHost(options: HostOptions): Host {
  const log = options.log ?? consoleLogger;
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);
  let services: Services;
  try {
    services = createServices({
      databaseFile: join(options.dataDir, 'workspace.sqlite'),
      secretsFile: join(options.dataDir, 'secrets.json'),
      keyring: options.keyring,
      nativeBinding: options.nativeBinding,
      log,
      signaling: options.signaling,
      mesh: options.mesh,
      keyVault: options.keyVault,
      modelsDir: join(options.dataDir, 'models'),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const info: AppInfo = {
    name: 'Maily',
    version: options.version ?? packageJson.version,
    host: options.kind,
    dataDir: options.dataDir,
  };
  const sessions = new Map<string, SessionState>();
  const handlers = createHandlers(services, info, sessions, log);
  const unsubscribe = forwardServiceEvents(services, sessions);
  // Never rejects: a failed start becomes the service's error state, shown in the UI.
  void services.signaling.start();
  void services.mesh.start();
  let disposed = false;

  return {
    info,
    services,
    openSession(emit) {
      const state: SessionState = { id: randomUUID(), emit, openDocs: new Set() };
      sessions.set(state.id, state);
      return {
        id: state.id,
        call: (channel, input) =>
          disposed
            ? Promise.resolve({ ok: false, error: { code: 'E_DISPOSED', message: 'Maily is shutting down.' } })
            : dispatch(handlers, channel, input, { sessionId: state.id }, log),
        close: () => closeSession(services, sessions, state, log),
      };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      sessions.clear();
      await services.dispose();
      unlock();
    },
  };
}

function closeSession(services: Services, sessions: Map<string, SessionState>, state: SessionState, log: Logger): void {
  if (!sessions.delete(state.id)) return;
  for (const campaignId of state.openDocs) {
    const stillOpen = [...sessions.values()].some((s) => s.openDocs.has(campaignId));
    if (!stillOpen) closeDoc(services, campaignId, log);
  }
}

/** Pushes service events to the sessions that care about them. */
function forwardServiceEvents(services: Services, sessions: Map<string, SessionState>): () => void {
  // Every stored keystroke moves a campaign's "last changed": tell the lists at most a few times a second.
  const changed = throttleById(CHANGE_EVENT_INTERVAL_MS, (id) => {
    for (const s of sessions.values()) s.emit('campaigns:changed', { id });
  });
  const offCampaigns = services.campaigns.onChanged(({ id }) => changed.push(id));
  const offDocs = services.docs.onUpdate((campaignId, update, origin) => {
    for (const s of sessions.values()) {
      if (s.id !== origin && s.openDocs.has(campaignId)) s.emit('docs:remoteUpdate', { campaignId, update });
    }
  });
  const all = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    for (const s of sessions.values()) s.emit(event, payload);
  };
  const offTeams = services.teams.onChanged((teamId) => all('teams:changed', { teamId }));
  const offProfile = services.profile.onChanged((profile) => all('profile:changed', profile));
  const offVersions = services.versions.onChanged((change) => all('versions:changed', change));
  const offSignaling = services.signaling.onChanged((status) => all('signaling:changed', status));
  const offMesh = services.mesh.onChanged((status) => all('mesh:changed', status));
  const offMemory = services.memory.onChanged((change) => all('memory:changed', change));
  const offModels = services.models.onChanged((modelId) => all('models:changed', { modelId }));
  const offDownloads = services.models.downloads.onProgress((view) => all('models:download', view));
  const offLlm = services.llm.onStatus((status) => all('llm:changed', status));
  const offExternal = services.externalNodes.onChanged((change) => all('mesh:externalChanged', change));
  const offChain = services.chain.onChange((settings) => all('chain:changed', settings));
  const offAnchored = services.chain.onAnchored((change) => all('chain:anchored', change));
  const offWallet = services.wallet.onChanged((status) => all('wallet:changed', status));
  const offWalletQueue = services.wallet.onQueueChanged((change) => all('wallet:queueChanged', change));
  const offTrust = services.trust.onChanged((change) => all('trust:changed', change));
  const offKey = services.trust.onKeyChanged((status) => all('trust:keyChanged', status));
  const tracesChanged = throttleById(CHANGE_EVENT_INTERVAL_MS, (traceId) => all('traces:changed', { traceId }));
  const offTraces = services.tracing.onChanged((traceId) => tracesChanged.push(traceId));
  return () => {
    offTeams();
    offProfile();
    offVersions();
    offSignaling();
    offMesh();
    offMemory();
    offModels();
    offDownloads();
    offLlm();
    offExternal();
    offChain();
    offAnchored();
    offWallet();
    offWalletQueue();
    offTrust();
    offKey();
    offTraces();
    tracesChanged.cancel();
    offCampaigns();
    offDocs();
    changed.cancel();
  };
}
