import { dirname, join } from 'node:path';
import { AssetService } from './assets/AssetService';
import { CampaignService } from './campaigns/CampaignService';
import { DocService, type ErrorLog } from './docs/DocService';
import { EmailRenderer } from './email/EmailRenderer';
import { AiService } from './ai/AiService';
import { AgentService } from './agents/AgentService';
import { modelPreparer } from './ai/prepareModel';
import { LocalLlmNode } from './llm/LocalLlmNode';
import { FileSecretStore, type Keyring } from './mail/FileSecretStore';
import { TestSendService } from './mail/TestSendService';
import { MeshService, type MeshOverride } from './mesh/MeshService';
import { localMember } from './mesh/localMember';
import { meshTracing } from './mesh/meshTracing';
import { sharedExternals } from './mesh/sharedExternals';
import type { LlmNode } from './llm/LlmNode';
import { MemoryService } from './memory/MemoryService';
import { LlmMetrics } from './metrics/LlmMetrics';
import { ExternalNodes } from './mesh/external/ExternalNodes';
import { Tracing } from './tracing/Tracing';
import { ModelService } from './models/ModelService';
import { ProfileService } from './settings/ProfileService';
import { SettingsStore } from './settings/SettingsStore';
import { SignalingService } from './signaling/SignalingService';
import { Database } from './storage/Database';
import { TeamService } from './teams/TeamService';
import { ChainService } from './trust/chain/ChainService';
import { SqliteKeyValueStorage } from './trust/walletconnect/SqliteKeyValueStorage';
import { WalletConnectService } from './trust/walletconnect/WalletConnectService';
import { createTrust } from './trust/createTrust';
import type { KeyVault } from './trust/KeyVault';
import type { TrustService } from './trust/TrustService';
import { VersionService } from './versions/VersionService';
import type { SignalingSettings } from '../../shared/collab/team';

export interface ServicesOptions {
  /** The workspace's SQLite file. */
  databaseFile: string;
  /** The encrypted secrets file (SMTP password). */
  secretsFile: string;
  /** Gives the key of the secrets file: the OS keychain on the desktop, a key file headless. */
  keyring: Keyring;
  /** better-sqlite3 binary for this runtime. Defaults to the one in node_modules. */
  nativeBinding?: string;
  /** Where services report failures they survive. Defaults to the console. */
  log?: ErrorLog;
  /** AI-mesh settings for this run only (CLI flags); never stored. Defaults to none. */
  mesh?: MeshOverride;
  /** Where the local signing key is kept: the OS keychain on the desktop. Defaults to a passphrase keystore beside the database. */
  keyVault?: KeyVault;
  /** Signaling settings for this run only (CLI flags); they win over the stored ones. Defaults to none. */
  signaling?: Partial<SignalingSettings>;
  /** The folder of GGUF model files (`<dataDir>/models`). */
  modelsDir: string;
}

/** Every domain service of the app, composed in dependency order. */
export interface Services {
  database: Database;
  docs: DocService;
  campaigns: CampaignService;
  assets: AssetService;
  emailRenderer: EmailRenderer;
  testSend: TestSendService;
  /** Named versions of campaigns. */
  versions: VersionService;
  settings: SettingsStore;
  profile: ProfileService;
  teams: TeamService;
  /** The built-in y-webrtc signaling server. */
  signaling: SignalingService;
  /** This machine's LLM node (node-llama-cpp in a child process). */
  llm: LocalLlmNode;
  /** The GGUF files in the models folder, the default model and downloads. */
  models: ModelService;
  /** The AI's memory: brand voice, past emails and accepted suggestions, searched by words and meaning. */
  memory: MemoryService;
  /** The AI actions (subject lines, drafts, rewrites, next step, review) on the LLM node. */
  ai: AiService;
  /** The agents: a request to a plan of subtasks run across the LLM node(s), landed on the canvas. */
  agents: AgentService;
  /** Per-node LLM metrics (Prometheus text), served at `/metrics` by the headless host. */
  metrics: LlmMetrics;
  /** OpenAI-compatible servers added as LLM nodes (keys encrypted in the secrets store). */
  externalNodes: ExternalNodes;
  /** OpenTelemetry spans of AI actions and mesh jobs; the recent traces in memory. */
  tracing: Tracing;
  /** The optional chain part of trust certificates (anchoring, reward history); off by default. */
  chain: ChainService;
  /** The designer's own wallet over WalletConnect: pairing, session, offline queue (`WalletConnectSigner`). */
  wallet: WalletConnectService;
  /** Trust certificates: the local key, signing, verifying, badges and the team address book. */
  trust: TrustService;
  /** The team's AI mesh: teammates' desktops and external servers pooled; `mesh.router` is the AI's LLM node. */
  mesh: MeshService;
  /** Closes in reverse order: documents are compacted before the database closes. */
  dispose(): Promise<void>;
}

/** Opens the workspace and builds the services on it. Plain Node: no electron here. */
export function createServices(options: ServicesOptions): Services {
  const database = new Database(options.databaseFile, { nativeBinding: options.nativeBinding });
  const docs = new DocService(database, { log: options.log });
  const campaigns = new CampaignService(database, { docs, log: options.log });
  const assets = new AssetService(database);
  const emailRenderer = new EmailRenderer();
  const secrets = new FileSecretStore(options.secretsFile, options.keyring);
  const testSend = new TestSendService({ secrets });
  const versions = new VersionService(database, docs, { log: options.log });
  const settings = new SettingsStore(database);
  const profile = new ProfileService(settings);
  // Off until an RPC URL is set; the trust core gives it its signer with `chain.useSigner`.
  const chain = new ChainService(settings);
  // Idle until a project id is set; its sessions and keys are kept in the workspace database.
  const wallet = new WalletConnectService({
    settings,
    storage: new SqliteKeyValueStorage(database),
    log: options.log,
  });
  const signaling = new SignalingService(settings, { override: options.signaling, log: options.log });
  // A team made here, and every invite from here, lists this machine's server while it runs.
  const localSignaling = () => (signaling.status().state === 'running' ? signaling.status().urls : []);
  const teams = new TeamService(database, { secrets, campaigns, localSignaling });
  // Spawns its model process only on the first load: a host without models starts none.
  const llm = new LocalLlmNode(settings, { modelsDir: options.modelsDir });
  // Items are embedded with the loaded model; without one, memory search is full-text only.
  const memory = new MemoryService(database, { embedder: llm, log: options.log });
  const offModel = llm.onStatus(() => memory.catchUp());
  const models = new ModelService({ modelsDir: options.modelsDir, settings });
  const metrics = new LlmMetrics();
  const tracing = new Tracing();
  const externalNodes = new ExternalNodes({ settings, secrets, log: options.log });
  const localNode = metrics.instrument(llm); // every node's jobs are counted and timed
  const local = localMember(llm, models, settings);
  const prepareLocal = modelPreparer(llm, models);
  const instrumented = new WeakMap<LlmNode, LlmNode>();
  const instrument = (node: LlmNode) => {
    let wrapped = instrumented.get(node);
    if (!wrapped) instrumented.set(node, (wrapped = metrics.instrument(node)));
    return wrapped;
  };
  // Signs with the local key or the designer's wallet (WalletConnect).
  const trust = createTrust({
    database,
    docs,
    campaigns,
    teams,
    profile,
    keyVault: options.keyVault,
    keystoreFile: join(dirname(options.databaseFile), 'signing-key.json'),
    walletSigner: () => wallet.signer(),
  });
  chain.useSigner((provider) => trust.localChainSigner(provider));
  // A certificate the wallet signed for a request queued before a restart is stored all the same.
  const offSettled = wallet.onSettled((item) => {
    if (item.state === 'signed' && item.signature)
      void trust.adoptWalletSignature(item.payload.typedData, item.signature, item.address);
  });
  const mesh = new MeshService({
    settings,
    teams,
    secrets,
    local: localNode,
    localStandby: local.standby,
    localSlots: local.slots,
    prepareLocal,
    displayName: () => profile.get().name,
    externals: sharedExternals(externalNodes, instrument),
    instrument,
    tracing: meshTracing(tracing, options.log && { warn: (m, d) => options.log?.error(m, d) }),
    override: options.mesh,
    log: options.log && { warn: (m, d) => options.log?.error(m, d), error: (m, d) => options.log?.error(m, d) },
  });
  teams.useMeshAddresses((teamId) => mesh.addressesFor(teamId));
  // The AI's jobs go through the mesh: to this machine's node, a teammate's, or a server.
  const aiNode = mesh.router;
  // Loads this machine's model only when no node anywhere has one (the router loads it when it picks this node).
  const prepare = async () => {
    if (!mesh.router.views().some((v) => v.models.length)) await prepareLocal();
  };
  const ai = new AiService({
    read: (campaignId, fn) => docs.read(campaignId, fn),
    node: aiNode,
    memory,
    prepare,
    tracing, // a span per action, a child span per LLM job
  });
  // The agents take an LlmNode: the mesh router, once there is one, spreads their subtasks.
  const agents = new AgentService({
    node: aiNode,
    read: (campaignId, fn) => docs.read(campaignId, fn),
    apply: (campaignId, update, origin) => void docs.applyUpdate(campaignId, update, origin),
    prepare,
    nodeName: (id) => mesh.status().nodes.find((n) => n.id === id)?.name,
  });
  return {
    database,
    docs,
    campaigns,
    assets,
    emailRenderer,
    testSend,
    versions,
    settings,
    profile,
    teams,
    signaling,
    llm,
    memory,
    models,
    ai,
    agents,
    metrics,
    externalNodes,
    tracing,
    chain,
    wallet,
    trust,
    mesh,
    async dispose() {
      trust.dispose(); // forgets the unlocked key
      offSettled();
      await wallet.dispose(); // closes the relay socket; queued requests stay stored
      chain.dispose(); // destroys its RPC provider; nothing is running in the background
      ai.dispose(); // stops running jobs before their node goes
      agents.dispose();
      await mesh.dispose(); // leaves the team's network: teammates' jobs here end, theirs fail over
      local.dispose();
      await externalNodes.dispose();
      await tracing.dispose();
      await signaling.dispose(); // frees its port before the host reports it has stopped
      await models.dispose(); // stops downloads; their .part files stay for a resume
      offModel();
      memory.dispose(); // aborts background embedding before the model process ends
      await llm.dispose(); // ends the model process; nothing else uses it
      teams.dispose();
      emailRenderer.dispose();
      versions.dispose();
      campaigns.dispose();
      docs.dispose();
      database.dispose();
    },
  };
}
