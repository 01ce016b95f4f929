import type { Connection, PeerId, Stream } from '@libp2p/interface';
import { z } from 'zod';
import { ErrorCode, MailyError } from '../../../shared/errors';
import {
  meshSettingsSchema,
  type MeshNodeView,
  type MeshSettings,
  type MeshState,
  type MeshStatus,
} from '../../../shared/mesh/mesh';
import type { LlmNode } from '../llm/LlmNode';
import type { SecretStore } from '../mail/SecretStore';
import type { SettingsStore } from '../settings/SettingsStore';
import type { TeamService } from '../teams/TeamService';
import { JobServer, type ServeTracing } from './JobServer';
import { MeshRouter, type MeshMember } from './MeshRouter';
import { createMeshLibp2p, type MeshLibp2p } from './net/createMeshLibp2p';
import { MdnsDiscovery } from './net/MdnsDiscovery';
import { FramedStream } from './protocol/FramedStream';
import { JOB_PROTOCOL, STATUS_PROTOCOL, type FrameError, type NodeAd } from './protocol/frames';
import { RemoteNode } from './RemoteNode';
import type { NodeModel } from './scheduler/NodeView';

/** A node this host shares besides its own (an external server marked "share"). */
export interface SharedNode {
  key: string;
  name: string;
  node: LlmNode;
  models: NodeModel[];
  slots: number;
  /** Offered to teammates too (else only this machine uses it). */
  share: boolean;
}

/** Mesh settings for one run (CLI flags), never stored. */
export type MeshOverride = Partial<MeshSettings> & {
  mdnsInterface?: string;
  mdnsPort?: number;
  mdnsIntervalMs?: number;
};

export interface MeshServiceOptions {
  settings: SettingsStore;
  teams: Pick<TeamService, 'list' | 'meshKey' | 'onChanged' | 'onMeshAddresses'>;
  /** Keeps this machine's mesh identity (its libp2p key). */
  secrets: SecretStore;
  /** This machine's own LLM node. */
  local: LlmNode;
  /** The model the idle local node would load for a job (the default model), or null. */
  localStandby?: () => NodeModel | null;
  /** Loads the local node's model when idle (before a job runs on it). */
  prepareLocal?: () => Promise<void>;
  /** Jobs the local node runs at once. */
  localSlots?: () => number;
  /** The designer's name, shown to teammates as this desktop's name. */
  displayName: () => string;
  /** External servers (Ollama, vLLM, …) configured on this machine. */
  externals?: { nodes(): SharedNode[]; onChanged(listener: () => void): () => void };
  /** Wraps every remote node (e.g. metrics per node). */
  instrument?: (node: LlmNode) => LlmNode;
  tracing?: ServeTracing & { importSpans(spans: unknown[], trace: { traceparent: string }, peerId: string): void };
  /** For this run only (CLI flags): win over stored settings. */
  override?: MeshOverride;
  log?: { warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void };
}

interface PeerState {
  peerId: string;
  name: string;
  connected: boolean;
  nodes: Map<string, { remote: RemoteNode; node: LlmNode }>;
  roundTripMs: number | null;
  lastSeen: number | null;
  addresses: string[];
  error: string | null;
  statusOut: FramedStream | null;
  /** A job stream opened ahead of the next job. */
  warm: Promise<Stream> | null;
  /** Shown in the view once connected, or when remembered (invite, dial): not for every mDNS answer. */
  listed: boolean;
  /** Reconnect backoff. */
  nextDialAt: number;
  backoffMs: number;
}

const SETTINGS_KEY = 'mesh';
const IDENTITY_KEY = 'mesh:identity';
const peersKey = (teamId: string) => `mesh.peers.${teamId}`;
const HEARTBEAT_MS = 3_000;
/** A job stream opened ahead is used within this time, else replaced (the server drops idle ones later). */
const WARM_MAX_AGE_MS = 4 * 60_000;
const DROP_MS = 60_000;
const MAX_KNOWN_PEERS = 32;
/** The first token of an idle node waits for its model to load. */
const LOAD_PENALTY_MS = 4_000;

const knownPeersSchema = z.record(
  z.string().regex(/^[A-Za-z0-9]{20,100}$/),
  z.array(z.string().min(1).max(300)).max(8),
);
type KnownPeers = z.infer<typeof knownPeersSchema>;

/**
 * The team's AI mesh on this machine: a libp2p node in the team's private network
 * (the pre-shared key comes from the team secret), teammates found by mDNS on the LAN,
 * by the addresses in invites and by address, remembered and redialled with backoff.
 * Each host advertises its shared nodes on a status stream and serves jobs on
 * `/maily/llm/1.0.0`; `router` is the whole mesh as one LLM node for the AI actions.
 */
export class MeshService {
  readonly router: MeshRouter;
  readonly #options: MeshServiceOptions;
  readonly #peers = new Map<string, PeerState>();
  readonly #denied = new Map<string, number>();
  readonly #listeners = new Set<(status: MeshStatus) => void>();
  readonly #jobs: JobServer;
  readonly #offs: (() => void)[] = [];
  #libp2p: MeshLibp2p | null = null;
  #mdns: MdnsDiscovery | null = null;
  #state: MeshState = 'off';
  #teamId: string | null = null;
  #error: string | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #changedTimer: ReturnType<typeof setTimeout> | null = null;
  #adTimer: ReturnType<typeof setTimeout> | null = null;
  #lifecycle: Promise<void> = Promise.resolve();
  #disposed = false;

  constructor(options: MeshServiceOptions) {
    this.#options = options;
    this.router = new MeshRouter({ members: () => this.#members(), prepareLocal: options.prepareLocal });
    this.#jobs = new JobServer({
      resolve: (key) => this.#shared(key),
      prepare: async (node) => {
        if (node === this.#options.local) await this.#options.prepareLocal?.();
      },
      onBadFrame: (peerId, error) => this.#drop(peerId, error),
      onServed: (_peer, outcome) => {
        // a teammate's job measures the node's speed too (advertised as tokens/s)
        const { nodeId, tokens, ms, ok } = outcome;
        this.router.scheduler.finished(nodeId, 'served', { tokens, ms, ok: ok && tokens > 0 });
        this.#advertiseSoon();
      },
      tracing: options.tracing,
    });
    this.#offs.push(options.local.onStatus(() => this.#advertiseSoon()));
    if (options.externals) this.#offs.push(options.externals.onChanged(() => this.#advertiseSoon()));
    this.#offs.push(options.teams.onChanged(() => this.#onTeamsChanged()));
    this.#offs.push(options.teams.onMeshAddresses((teamId, addresses) => this.#rememberInvite(teamId, addresses)));
  }

  /** Starts with the stored settings (a no-op when the mesh is off). */
  start(): Promise<void> {
    return this.#serially(() => this.#start());
  }

  settings(): MeshSettings {
    const stored = this.#options.settings.read<MeshSettings | null>(SETTINGS_KEY, meshSettingsSchema.nullable(), null);
    // Never configured: the mesh runs for the first team, once there is one.
    return stored ?? { teamId: this.#options.teams.list()[0]?.id ?? null };
  }

  async configure(settings: MeshSettings): Promise<MeshStatus> {
    if (settings.teamId) this.#team(settings.teamId); // throws E_NOT_FOUND for an unknown team
    this.#options.settings.write(SETTINGS_KEY, settings);
    await this.#serially(async () => {
      await this.#stop();
      await this.#start();
    });
    return this.status();
  }

  /** Dials a teammate's host by address and remembers it. */
  async dial(address: string): Promise<MeshStatus> {
    const libp2p = this.#libp2p;
    if (!libp2p || this.#state !== 'running')
      throw new MailyError(
        ErrorCode.Disconnected,
        'The AI mesh is off. Choose a team for it in the mesh settings first.',
      );
    const { multiaddr } = await import('@multiformats/multiaddr');
    let target;
    try {
      target = multiaddr(address);
    } catch {
      throw new MailyError(
        ErrorCode.InvalidInput,
        'This is not a peer address. It looks like /ip4/192.168.1.20/tcp/4455/p2p/12D3Koo…',
      );
    }
    try {
      const connection = await libp2p.dial(target, { signal: AbortSignal.timeout(8_000) });
      this.#remember(connection.remotePeer.toString(), [address]);
    } catch {
      throw new MailyError(
        ErrorCode.Disconnected,
        'Could not connect to that address. Check that Maily runs there with the AI mesh on, for the same team (a host with another team secret cannot connect).',
      );
    }
    return this.status();
  }

  /** This host's dialable addresses (`…/p2p/<id>`), for invites and the mesh view. */
  addresses(): string[] {
    return this.#libp2p?.getMultiaddrs().map((a) => a.toString()) ?? [];
  }

  /** Addresses for invites to `teamId` (none when the mesh runs for another team). */
  addressesFor(teamId: string): string[] {
    return this.#teamId === teamId ? this.addresses().slice(0, 8) : [];
  }

  status(): MeshStatus {
    return {
      state: this.#state,
      teamId: this.#teamId,
      peerId: this.#libp2p?.peerId.toString() ?? null,
      listen: this.addresses(),
      nodes: this.#views(),
      error: this.#error,
    };
  }

  onChanged(listener: (status: MeshStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const off of this.#offs.splice(0)) off();
    await this.#serially(() => this.#stop());
    if (this.#changedTimer) clearTimeout(this.#changedTimer);
    if (this.#adTimer) clearTimeout(this.#adTimer);
    this.#listeners.clear();
    await this.router.dispose();
  }

  // ---- lifecycle -------------------------------------------------------------------

  #serially(step: () => Promise<void>): Promise<void> {
    const next = this.#lifecycle.then(step, step);
    this.#lifecycle = next.catch(() => undefined);
    return next;
  }

  #effective(): MeshSettings & { mdnsInterface?: string; mdnsPort?: number; mdnsIntervalMs?: number } {
    return { ...this.settings(), ...this.#options.override };
  }

  async #start(): Promise<void> {
    if (this.#disposed || this.#libp2p) return;
    const settings = this.#effective();
    const teamId = settings.teamId ?? null;
    if (!teamId || !this.#options.teams.list().some((t) => t.id === teamId)) {
      this.#set('off', null, null);
      return;
    }
    this.#set('starting', teamId, null);
    try {
      const [psk, privateKey] = await Promise.all([this.#options.teams.meshKey(teamId), this.#identity()]);
      const libp2p = await createMeshLibp2p({
        psk,
        privateKey,
        host: settings.host ?? '0.0.0.0',
        port: settings.port ?? 0,
        isDenied: (peerId) => (this.#denied.get(peerId) ?? 0) > Date.now(),
      });
      this.#libp2p = libp2p;
      await libp2p.handle(STATUS_PROTOCOL, (stream, connection) => this.#onStatusStream(stream, connection));
      await libp2p.handle(
        JOB_PROTOCOL,
        (stream, connection) => this.#jobs.handle(stream, connection.remotePeer.toString()),
        {
          maxInboundStreams: 64,
          maxOutboundStreams: 64,
        },
      );
      libp2p.addEventListener('peer:connect', (event) => this.#onConnect(event.detail));
      libp2p.addEventListener('peer:disconnect', (event) => this.#onDisconnect(event.detail.toString()));
      await libp2p.start();
      if (settings.mdns !== false) {
        this.#mdns = new MdnsDiscovery({
          teamId,
          peerId: libp2p.peerId.toString(),
          addresses: () => this.addresses(),
          onPeer: (peer) => this.#onFound(peer.peerId, peer.addresses),
          interface: settings.mdnsInterface,
          port: settings.mdnsPort,
          intervalMs: settings.mdnsIntervalMs,
          log: this.#options.log,
        });
        this.#mdns.start();
      }
      for (const [peerId, addresses] of Object.entries(this.#known(teamId)))
        Object.assign(this.#peer(peerId), { addresses, listed: true });
      this.#timer = setInterval(() => this.#tick(), HEARTBEAT_MS);
      this.#timer.unref?.();
      this.#set('running', teamId, null);
      this.#tick();
    } catch (error) {
      this.#options.log?.error('The AI mesh could not start', error);
      await this.#stop();
      const message =
        error instanceof MailyError
          ? error.message
          : 'The AI mesh could not start. Check that its port is free (mesh settings), then turn it on again.';
      this.#set('error', teamId, message);
    }
  }

  async #stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#mdns?.stop();
    this.#mdns = null;
    const libp2p = this.#libp2p;
    this.#libp2p = null;
    for (const peer of this.#peers.values()) this.#forgetNodes(peer);
    this.#peers.clear();
    try {
      await libp2p?.stop();
    } catch (error) {
      this.#options.log?.warn('The AI mesh did not stop cleanly', error);
    }
    if (this.#state !== 'error') this.#set('off', null, null);
  }

  #onTeamsChanged(): void {
    const wanted = this.#effective().teamId ?? null;
    const teamGone = this.#teamId !== null && !this.#options.teams.list().some((t) => t.id === this.#teamId);
    if (wanted !== this.#teamId || teamGone)
      void this.#serially(async () => {
        await this.#stop();
        await this.#start();
      });
  }

  async #identity() {
    const { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } = await import('@libp2p/crypto/keys');
    const stored = await this.#options.secrets.get(IDENTITY_KEY);
    if (stored) {
      try {
        return privateKeyFromProtobuf(Buffer.from(stored, 'base64'));
      } catch {
        this.#options.log?.warn('The mesh identity was damaged; this desktop gets a new one');
      }
    }
    const key = await generateKeyPair('Ed25519');
    await this.#options.secrets.set(IDENTITY_KEY, Buffer.from(privateKeyToProtobuf(key)).toString('base64'));
    return key;
  }

  // ---- peers -------------------------------------------------------------------------

  #peer(peerId: string): PeerState {
    let peer = this.#peers.get(peerId);
    if (!peer) {
      peer = {
        peerId,
        name: `Desktop …${peerId.slice(-6)}`,
        connected: false,
        nodes: new Map(),
        roundTripMs: null,
        lastSeen: null,
        addresses: [],
        error: null,
        statusOut: null,
        warm: null,
        listed: false,
        nextDialAt: 0,
        backoffMs: 1_000,
      };
      this.#peers.set(peerId, peer);
    }
    return peer;
  }

  #onFound(peerId: string, addresses: string[]): void {
    const peer = this.#peer(peerId);
    peer.addresses = [...new Set([...addresses, ...peer.addresses])].slice(0, 8);
    if (!peer.connected && peer.nextDialAt <= Date.now()) void this.#dialPeer(peer);
  }

  #onConnect(peerId: PeerId): void {
    const id = peerId.toString();
    const peer = this.#peer(id);
    const libp2p = this.#libp2p;
    if (!libp2p) return;
    peer.connected = true;
    peer.listed = true;
    peer.error = null;
    peer.backoffMs = 1_000;
    // Remember where the teammate was reached, unless it was them dialling in (from an ephemeral port).
    const reached = libp2p
      .getConnections(peerId)
      .filter((c) => c.direction === 'outbound')
      .map((c) => c.remoteAddr.toString())
      .map((a) => (a.includes('/p2p/') ? a : `${a}/p2p/${id}`));
    if (reached.length) this.#remember(id, reached);
    void this.#openStatus(peer);
    this.#ping(peer);
    this.#changed();
  }

  #onDisconnect(peerId: string): void {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    peer.connected = false;
    peer.statusOut = null;
    peer.warm = null;
    this.#forgetNodes(peer);
    peer.nextDialAt = Date.now() + peer.backoffMs;
    this.#changed();
  }

  async #dialPeer(peer: PeerState): Promise<void> {
    const libp2p = this.#libp2p;
    if (!libp2p || !peer.addresses.length) return;
    peer.nextDialAt = Date.now() + peer.backoffMs;
    peer.backoffMs = Math.min(30_000, peer.backoffMs * 2);
    const { multiaddr } = await import('@multiformats/multiaddr');
    try {
      await libp2p.dial(
        peer.addresses.slice(0, 4).map((a) => multiaddr(a)),
        { signal: AbortSignal.timeout(5_000) },
      );
    } catch {
      peer.error = 'Not reachable right now; Maily keeps trying.';
      this.#changed();
    }
  }

  #tick(): void {
    const libp2p = this.#libp2p;
    if (!libp2p) return;
    const now = Date.now();
    for (const peer of this.#peers.values()) {
      if (!peer.connected) {
        if (peer.addresses.length && peer.nextDialAt <= now) void this.#dialPeer(peer);
        continue;
      }
      this.#ping(peer);
      if (!peer.statusOut?.open) void this.#openStatus(peer);
      else void peer.statusOut.send(this.#advertisement());
    }
  }

  /** Measures the round trip to a connected peer (libp2p ping). */
  #ping(peer: PeerState): void {
    const libp2p = this.#libp2p;
    const remote = libp2p && peerIdOf(libp2p, peer.peerId);
    if (!libp2p || !remote) return;
    void libp2p.services.ping
      .ping(remote, { signal: AbortSignal.timeout(HEARTBEAT_MS) })
      .then((ms) => {
        peer.roundTripMs = ms;
        this.#changed();
      })
      .catch(() => undefined);
  }

  /** A peer broke the protocol: dropped, refused for a minute, logged. */
  #drop(peerId: string, error: FrameError | Error): void {
    const reason = 'reason' in error ? `${String(error.reason)}: ${error.message}` : error.message;
    this.#options.log?.warn(`Dropped mesh peer ${peerId}: ${reason}`);
    this.#denied.set(peerId, Date.now() + DROP_MS);
    const peer = this.#peer(peerId);
    peer.error = `Sent data Maily could not accept (${reason}); disconnected for a minute.`;
    peer.nextDialAt = Date.now() + DROP_MS;
    this.#forgetNodes(peer);
    const libp2p = this.#libp2p;
    const remote = libp2p && peerIdOf(libp2p, peerId);
    if (libp2p && remote) void libp2p.hangUp(remote).catch(() => undefined);
    this.#changed();
  }

  #forgetNodes(peer: PeerState): void {
    for (const { node } of peer.nodes.values()) void node.dispose(); // the metrics wrapper, then the node
    peer.nodes.clear();
    this.router.refresh();
  }

  #remember(peerId: string, addresses: string[]): void {
    const teamId = this.#teamId;
    if (!teamId || !addresses.length) return;
    const known = this.#known(teamId);
    known[peerId] = [...new Set([...addresses, ...(known[peerId] ?? [])])].slice(0, 8);
    const entries = Object.entries(known).slice(-MAX_KNOWN_PEERS);
    this.#options.settings.write(peersKey(teamId), Object.fromEntries(entries));
    const peer = this.#peer(peerId);
    peer.addresses = known[peerId];
    peer.listed = true;
  }

  #rememberInvite(teamId: string, addresses: string[]): void {
    const byPeer = new Map<string, string[]>();
    for (const address of addresses) {
      const peerId = address.split('/p2p/')[1];
      if (peerId && /^[A-Za-z0-9]{20,100}$/.test(peerId)) byPeer.set(peerId, [...(byPeer.get(peerId) ?? []), address]);
    }
    const known = this.#known(teamId);
    for (const [peerId, addrs] of byPeer)
      known[peerId] = [...new Set([...addrs, ...(known[peerId] ?? [])])].slice(0, 8);
    this.#options.settings.write(peersKey(teamId), known);
    if (teamId === this.#teamId)
      for (const [peerId, addrs] of byPeer) {
        this.#peer(peerId).listed = true;
        this.#onFound(peerId, addrs);
      }
    else this.#onTeamsChanged();
  }

  #known(teamId: string): KnownPeers {
    return this.#options.settings.read<KnownPeers>(peersKey(teamId), knownPeersSchema, {});
  }

  // ---- status streams ----------------------------------------------------------------

  async #openStatus(peer: PeerState): Promise<void> {
    const libp2p = this.#libp2p;
    const remote = libp2p && peerIdOf(libp2p, peer.peerId);
    if (!libp2p || !remote || peer.statusOut?.open) return;
    try {
      const stream = await libp2p.dialProtocol(remote, STATUS_PROTOCOL, {
        signal: AbortSignal.timeout(5_000),
      });
      const framed = new FramedStream(stream, (error) => this.#drop(peer.peerId, error));
      framed.onFrame((frame) => this.#drop(peer.peerId, new Error(`Unexpected ${frame.t} frame on our status stream`)));
      peer.statusOut = framed;
      await framed.send(this.#advertisement());
    } catch {
      // the connection went away meanwhile; the next tick tries again
    }
  }

  #onStatusStream(stream: Stream, connection: Connection): void {
    const peerId = connection.remotePeer.toString();
    const framed = new FramedStream(stream, (error) => this.#drop(peerId, error));
    framed.onFrame((frame) => {
      if (frame.t !== 'status') {
        this.#drop(peerId, new Error(`A status stream sent a ${frame.t} frame`));
        framed.abort('unexpected frame');
        return;
      }
      this.#onAdvertisement(peerId, frame.name, frame.nodes);
    });
  }

  #onAdvertisement(peerId: string, name: string, ads: NodeAd[]): void {
    const peer = this.#peer(peerId);
    if (!peer.connected) return;
    peer.name = name.trim() || peer.name;
    peer.lastSeen = Date.now();
    const keys = new Set(ads.map((ad) => ad.key));
    for (const [key, entry] of peer.nodes) {
      if (!keys.has(key)) {
        void entry.node.dispose();
        peer.nodes.delete(key);
      }
    }
    for (const ad of ads) {
      const existing = peer.nodes.get(ad.key);
      if (existing) {
        existing.remote.update(ad);
        continue;
      }
      const remote = new RemoteNode(peerId, ad, {
        openJobStream: (signal) => this.#jobStream(peer, signal),
        onBadFrame: (error) => this.#drop(peerId, error),
        onSpans: (spans, trace) => this.#options.tracing?.importSpans(spans, trace, peerId),
      });
      peer.nodes.set(ad.key, { remote, node: this.#options.instrument?.(remote) ?? remote });
    }
    if (ads.length) this.#warmUp(peer);
    this.router.refresh();
    this.#changed();
  }

  /**
   * A job stream to `peer`: the one opened ahead (negotiating a new stream costs round
   * trips the first token should not wait for), and another is opened for the next job.
   */
  async #jobStream(peer: PeerState, signal: AbortSignal): Promise<Stream> {
    const warm = peer.warm;
    peer.warm = null;
    const ready = warm && (await warm.catch(() => null));
    this.#warmUp(peer);
    if (
      ready &&
      ready.status === 'open' &&
      ready.writeStatus === 'writable' &&
      Date.now() - ready.timeline.open < WARM_MAX_AGE_MS
    )
      return ready;
    ready?.abort(new Error('stale'));
    return this.#dialJob(peer.peerId, signal);
  }

  #warmUp(peer: PeerState): void {
    if (peer.warm || !peer.connected) return;
    const warm = this.#dialJob(peer.peerId, AbortSignal.timeout(10_000));
    warm.catch(() => {
      if (peer.warm === warm) peer.warm = null;
    });
    peer.warm = warm;
  }

  #dialJob(peerId: string, signal: AbortSignal): Promise<Stream> {
    const libp2p = this.#libp2p;
    const remote = libp2p && peerIdOf(libp2p, peerId);
    if (!libp2p || !remote)
      return Promise.reject(new MailyError(ErrorCode.Disconnected, 'That teammate is not connected.'));
    return libp2p.dialProtocol(remote, JOB_PROTOCOL, { signal });
  }

  // ---- what this host shares ------------------------------------------------------------

  #shared(key: string): LlmNode | null {
    const settings = this.#effective();
    if (settings.share === false) return null;
    if (key === 'local') return this.#options.local;
    const external = this.#options.externals?.nodes().find((n) => n.key === key && n.share);
    return external?.node ?? null;
  }

  #localModels(): { models: NodeModel[]; standby: boolean } {
    const status = this.#options.local.status();
    if (status.state === 'ready' && status.modelId)
      return { models: [{ id: status.modelId, contextSize: status.contextSize ?? 0 }], standby: false };
    const standby = status.state === 'error' ? null : (this.#options.localStandby?.() ?? null);
    return { models: standby ? [standby] : [], standby: true };
  }

  #advertisement() {
    const nodes: NodeAd[] = [];
    if (this.#effective().share !== false) {
      const status = this.#options.local.status();
      const { models } = this.#localModels();
      nodes.push({
        key: 'local',
        name: this.#options.displayName(),
        kind: 'local',
        state: status.state,
        models,
        slots: this.#options.localSlots?.() ?? 1,
        running: status.running,
        queued: status.queued,
        tokensPerSecond: this.router.scheduler.speedOf({ id: this.#options.local.id }),
      });
      for (const shared of this.#options.externals?.nodes() ?? []) {
        if (!shared.share) continue;
        const s = shared.node.status();
        nodes.push({
          key: shared.key,
          name: shared.name,
          kind: 'external',
          state: s.state,
          models: shared.models,
          slots: shared.slots,
          running: s.running,
          queued: s.queued,
          tokensPerSecond: null,
        });
      }
    }
    return { t: 'status' as const, name: this.#options.displayName().slice(0, 120), nodes: nodes.slice(0, 16) };
  }

  #advertiseSoon(): void {
    this.router.refresh();
    this.#changed();
    if (this.#adTimer) return;
    this.#adTimer = setTimeout(() => {
      this.#adTimer = null;
      const frame = this.#advertisement();
      for (const peer of this.#peers.values()) if (peer.statusOut?.open) void peer.statusOut.send(frame);
    }, 100);
  }

  // ---- the router's members and the view --------------------------------------------------

  #members(): MeshMember[] {
    const members: MeshMember[] = [];
    const local = this.#localModels();
    members.push({
      node: this.#options.local,
      kind: 'local',
      name: 'This desktop',
      models: local.models,
      slots: this.#options.localSlots?.() ?? 1,
      roundTripMs: 0,
      firstTokenMs: local.standby ? LOAD_PENALTY_MS : 0,
    });
    for (const shared of this.#options.externals?.nodes() ?? []) {
      members.push({
        node: shared.node,
        kind: 'external',
        name: shared.name,
        models: shared.node.status().state === 'error' ? [] : shared.models,
        slots: shared.slots,
        roundTripMs: 1,
      });
    }
    for (const peer of this.#peers.values()) {
      if (!peer.connected) continue;
      for (const { remote, node } of peer.nodes.values()) {
        const ad = remote.ad;
        if (ad.state === 'error') continue;
        members.push({
          node,
          kind: ad.kind === 'external' ? 'external' : 'peer',
          name: ad.name,
          models: ad.models,
          slots: ad.slots,
          tokensPerSecond: ad.tokensPerSecond ?? undefined,
          roundTripMs: peer.roundTripMs ?? 5,
          firstTokenMs: ad.state === 'ready' ? 0 : LOAD_PENALTY_MS,
        });
      }
    }
    return members;
  }

  #views(): MeshNodeView[] {
    const views = this.router.views();
    const byId = new Map(views.map((v) => [v.id, v]));
    const out: MeshNodeView[] = [];
    const view = (
      node: LlmNode,
      base: Omit<
        MeshNodeView,
        'id' | 'models' | 'running' | 'queued' | 'health' | 'jobsServed' | 'state' | 'tokensPerSecond'
      > & {
        state?: MeshNodeView['state'];
      },
    ): MeshNodeView => {
      const v = byId.get(node.id);
      const status = node.status();
      const slots = v?.slots ?? base.slots;
      const state =
        base.state ??
        (status.state === 'error'
          ? 'error'
          : status.running >= slots
            ? 'busy'
            : status.state === 'loading'
              ? 'connecting'
              : 'ready');
      return {
        ...base,
        id: node.id,
        state,
        models: v?.models ?? [],
        running: status.running,
        queued: status.queued,
        tokensPerSecond: v ? Math.round(this.router.scheduler.speedOf(v) * 10) / 10 : null,
        health: this.router.health(node.id),
        jobsServed: this.router.served(node.id),
        error: base.error ?? status.error,
      };
    };
    out.push(
      view(this.#options.local, {
        name: `${this.#options.displayName()} (this desktop)`,
        kind: 'local',
        slots: this.#options.localSlots?.() ?? 1,
        roundTripMs: 0,
        addresses: this.addresses(),
        lastSeen: Date.now(),
        error: null,
      }),
    );
    for (const shared of this.#options.externals?.nodes() ?? []) {
      out.push(
        view(shared.node, {
          name: shared.name,
          kind: 'external',
          slots: shared.slots,
          roundTripMs: null,
          addresses: [],
          lastSeen: null,
          error: null,
        }),
      );
    }
    for (const peer of this.#peers.values()) {
      if (!peer.listed) continue; // answered mDNS, never got in: another team's secret, or not yet
      if (peer.nodes.size === 0) {
        out.push({
          id: peer.peerId,
          name: peer.name,
          kind: 'peer',
          state: peer.connected ? 'connecting' : 'unreachable',
          models: [],
          slots: 0,
          running: 0,
          queued: 0,
          tokensPerSecond: null,
          roundTripMs: peer.roundTripMs,
          health: this.router.health(peer.peerId),
          jobsServed: this.router.served(peer.peerId),
          addresses: peer.addresses,
          lastSeen: peer.lastSeen,
          error: peer.error,
        });
        continue;
      }
      for (const { remote, node } of peer.nodes.values()) {
        out.push(
          view(node, {
            name: remote.ad.kind === 'external' ? `${remote.ad.name} (via ${peer.name})` : remote.ad.name,
            kind: remote.ad.kind === 'external' ? 'external' : 'peer',
            slots: remote.ad.slots,
            roundTripMs: peer.roundTripMs,
            addresses: peer.addresses,
            lastSeen: peer.lastSeen,
            error: peer.error,
            ...(peer.connected ? {} : { state: 'unreachable' as const }),
          }),
        );
      }
    }
    return out;
  }

  // ---- events ----------------------------------------------------------------------------

  #team(teamId: string) {
    const team = this.#options.teams.list().find((t) => t.id === teamId);
    if (!team)
      throw new MailyError(ErrorCode.NotFound, 'That team is not on this desktop. Join it with an invite first.');
    return team;
  }

  #set(state: MeshState, teamId: string | null, error: string | null): void {
    this.#state = state;
    this.#teamId = teamId;
    this.#error = error;
    this.#changed();
  }

  /** Tells listeners, at most every 250 ms. */
  #changed(): void {
    if (this.#changedTimer || this.#disposed) return;
    this.#changedTimer = setTimeout(() => {
      this.#changedTimer = null;
      const status = this.status();
      for (const listener of [...this.#listeners]) listener(status);
    }, 250);
    this.#changedTimer.unref?.();
  }
}

/** The PeerId object of a connected peer, or null. */
function peerIdOf(libp2p: MeshLibp2p, peerId: string): PeerId | null {
  return libp2p.getConnections().find((c) => c.remotePeer.toString() === peerId)?.remotePeer ?? null;
}
