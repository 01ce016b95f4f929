import { z } from 'zod';
import { sampleContactSchema } from '../email/render';
import { mailAddress, smtpSettingsSchema } from '../email/smtp';
import { templateIds } from '../templates';
import {
  MAX_INVITE_LENGTH,
  iceListSchema,
  profileSchema,
  signalingListSchema,
  signalingSettingsSchema,
  teamName,
  type Invite,
  type Profile,
  type RoomConfig,
  type SignalingStatus,
  type TeamView,
} from '../collab/team';
import type { VersionDiff, VersionSummary } from '../collab/versions';
import { aiActionSchema, type AiDone, type AiFailed, type AiProgress } from '../ai/actions';
import { llmSettingsSchema, type LlmSettings, type LlmStatus } from '../ai/llm';
import { memoryInputSchema, type MemoryHit, type MemoryItem } from '../ai/memory';
import { modelSourceSchema, type CatalogueEntry, type DownloadView, type ModelInfo } from '../ai/models';
import type {
  AppInfo,
  AssetInfo,
  CampaignSummary,
  OpenedDoc,
  RenderedEmail,
  SavedAck,
  SmtpSettingsView,
  TeamJoined,
  TestSendResult,
} from './dto';
import { id, request, returns } from './define';
import { agentsEventNames, agentsRequests, type AgentsEvents } from './domains/agents';
import { chainEventNames, chainRequests, type ChainEvents } from './domains/chain';
import { meshEventNames, meshRequests, type MeshEvents } from './domains/mesh';
import { tracesEventNames, tracesRequests, type TracesEvents } from './domains/traces';
import { trustEventNames, trustRequests, type TrustEvents } from './domains/trust';
import { walletEventNames, walletRequests, type WalletEvents } from './domains/wallet';

/**
 * The API the renderer may call, declared once. Each request channel (`domain:verb`)
 * has an input schema that every transport validates before a handler runs, and an
 * output type. Each event has a payload type. Transports and handlers are derived from
 * this object, so a missing handler is a compile error.
 */

/** Largest Yjs update accepted from a client in one call. */
export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;

const campaignName = z.string().trim().min(1, 'Give the campaign a name').max(120, 'Use at most 120 characters');
const update = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Expected binary update data' })
  .refine((u) => u.byteLength > 0, 'The update is empty')
  .refine((u) => u.byteLength <= MAX_UPDATE_BYTES, `Updates are capped at ${MAX_UPDATE_BYTES} bytes`);

/** Largest image a designer can add to an email. */
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;

const emailRef = { campaignId: id, emailId: id };
const teamId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid team id');
const versionName = z.string().trim().min(1, 'Give the version a name').max(120, 'Use at most 120 characters');
/** A version id, or `current` for the campaign as it is now. */
const versionRef = z.union([id, z.literal('current')]);

export const requests = {
  'app:info': request(z.object({}), returns<AppInfo>()),
  'campaigns:list': request(
    z.object({ query: z.string().max(200).optional(), trash: z.boolean().optional() }),
    returns<CampaignSummary[]>(),
  ),
  'campaigns:get': request(z.object({ id }), returns<CampaignSummary>()),
  'campaigns:create': request(
    z.object({ name: campaignName, template: z.enum(templateIds).optional() }),
    returns<CampaignSummary>(),
  ),
  'campaigns:rename': request(z.object({ id, name: campaignName }), returns<CampaignSummary>()),
  'campaigns:duplicate': request(z.object({ id }), returns<CampaignSummary>()),
  'campaigns:trash': request(z.object({ id }), returns<CampaignSummary>()),
  'campaigns:restore': request(z.object({ id }), returns<CampaignSummary>()),
  'campaigns:purge': request(z.object({ id }), returns<{ id: string }>()),
  'docs:open': request(z.object({ campaignId: id }), returns<OpenedDoc>()),
  'docs:update': request(z.object({ campaignId: id, update }), returns<SavedAck>()),
  'email:render': request(z.object({ ...emailRef, sample: sampleContactSchema.optional() }), returns<RenderedEmail>()),
  'email:sendTest': request(
    z.object({ ...emailRef, to: mailAddress, sample: sampleContactSchema.optional() }),
    returns<TestSendResult>(),
  ),
  'assets:add': request(
    z.object({
      campaignId: id,
      name: z.string().trim().min(1).max(200),
      data: z
        .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Expected the file bytes' })
        .refine((u) => u.byteLength <= MAX_ASSET_BYTES, `Images are capped at ${MAX_ASSET_BYTES / 1024 / 1024} MiB`),
    }),
    returns<AssetInfo>(),
  ),
  'mail:getSettings': request(z.object({}), returns<SmtpSettingsView | null>()),
  'mail:saveSettings': request(smtpSettingsSchema, returns<SmtpSettingsView>()),
  'mail:forgetPassword': request(z.object({}), returns<{ ok: true }>()),
  'docs:close': request(z.object({ campaignId: id }), returns<{ campaignId: string }>()),
  'teams:list': request(z.object({}), returns<TeamView[]>()),
  'teams:create': request(
    z.object({ name: teamName, signaling: signalingListSchema.optional(), iceServers: iceListSchema.optional() }),
    returns<TeamView>(),
  ),
  'teams:join': request(
    z.object({
      invite: z.string().trim().min(1, 'Paste an invite').max(MAX_INVITE_LENGTH, 'This is not a Maily invite'),
    }),
    returns<TeamJoined>(),
  ),
  'teams:invite': request(z.object({ teamId, campaignId: id.optional() }), returns<Invite>()),
  'teams:update': request(
    z.object({ teamId, signaling: signalingListSchema, iceServers: iceListSchema }),
    returns<TeamView>(),
  ),
  'teams:leave': request(z.object({ teamId }), returns<{ teamId: string }>()),
  'campaigns:share': request(z.object({ id, teamId: teamId.nullable() }), returns<CampaignSummary>()),
  'collab:room': request(z.object({ campaignId: id }), returns<RoomConfig | null>()),
  'profile:get': request(z.object({}), returns<Profile>()),
  'profile:set': request(profileSchema, returns<Profile>()),
  'signaling:get': request(z.object({}), returns<SignalingStatus>()),
  'signaling:configure': request(signalingSettingsSchema, returns<SignalingStatus>()),
  'versions:list': request(z.object({ campaignId: id }), returns<VersionSummary[]>()),
  'versions:create': request(
    // `automatic`: Maily names it itself (the version saved before a restore). Defaults to false.
    z.object({ campaignId: id, name: versionName, automatic: z.boolean().optional() }),
    returns<VersionSummary>(),
  ),
  'versions:get': request(
    z.object({ campaignId: id, versionId: id }),
    returns<{ version: VersionSummary; state: Uint8Array }>(),
  ),
  'versions:diff': request(z.object({ campaignId: id, from: versionRef, to: versionRef }), returns<VersionDiff>()),
  'versions:delete': request(z.object({ campaignId: id, versionId: id }), returns<{ versionId: string }>()),
  'llm:status': request(z.object({}), returns<LlmStatus>()),
  'llm:load': request(z.object({ modelId: z.string().min(1).max(255) }), returns<LlmStatus>()),
  'llm:unload': request(z.object({}), returns<LlmStatus>()),
  'llm:getSettings': request(z.object({}), returns<Required<LlmSettings>>()),
  'llm:saveSettings': request(llmSettingsSchema, returns<Required<LlmSettings>>()),
  'models:list': request(z.object({}), returns<ModelInfo[]>()),
  'models:catalogue': request(z.object({}), returns<CatalogueEntry[]>()),
  'models:import': request(z.object({ path: z.string().min(1).max(4_096) }), returns<ModelInfo>()),
  'models:remove': request(z.object({ modelId: z.string().min(1).max(255) }), returns<{ modelId: string }>()),
  'models:setDefault': request(z.object({ modelId: z.string().min(1).max(255) }), returns<ModelInfo>()),
  'models:download': request(
    z.object({
      source: modelSourceSchema,
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/i)
        .optional(),
    }),
    returns<DownloadView>(),
  ),
  'models:downloads': request(z.object({}), returns<DownloadView[]>()),
  'models:pause': request(z.object({ downloadId: id }), returns<DownloadView>()),
  'models:resume': request(z.object({ downloadId: id }), returns<DownloadView>()),
  'models:cancel': request(z.object({ downloadId: id }), returns<DownloadView>()),
  'ai:run': request(z.object({ action: aiActionSchema }), returns<{ jobId: string }>()),
  'ai:cancel': request(z.object({ jobId: id }), returns<{ jobId: string }>()),
  'memory:list': request(z.object({ query: z.string().max(500).optional() }), returns<MemoryItem[]>()),
  'memory:add': request(memoryInputSchema, returns<MemoryItem>()),
  'memory:update': request(memoryInputSchema.extend({ id }), returns<MemoryItem>()),
  'memory:remove': request(z.object({ id }), returns<{ id: string }>()),
  'memory:search': request(
    z.object({ query: z.string().trim().min(1).max(2_000), limit: z.number().int().min(1).max(50).optional() }),
    returns<MemoryHit[]>(),
  ),
  ...meshRequests,
  ...agentsRequests,
  ...tracesRequests,
  ...trustRequests,
  ...walletRequests,
  ...chainRequests,
} as const;

/** Events the host pushes to the renderer. */
export interface EventPayloads extends MeshEvents, AgentsEvents, TracesEvents, TrustEvents, WalletEvents, ChainEvents {
  /** The campaign list changed (created, renamed, trashed, …) in any window. */
  'campaigns:changed': { id: string };
  /** An update to an open campaign arrived from somewhere else (another window, a peer). */
  'docs:remoteUpdate': { campaignId: string; update: Uint8Array };
  /** A team was created, joined, changed or left. */
  'teams:changed': { teamId: string };
  /** The built-in signaling server started, stopped or failed. */
  'signaling:changed': SignalingStatus;
  /** A campaign's list of named versions changed. */
  'versions:changed': { campaignId: string };
  /** The designer's name or colour changed. */
  'profile:changed': Profile;
  /** The LLM node's state changed (loading progress, ready, error, queue). */
  'llm:changed': LlmStatus;
  /** The models folder changed. */
  'models:changed': { modelId: string | null };
  /** A model download moved on. */
  'models:download': DownloadView;
  /** Tokens of a running AI job (only to the session that started it). */
  'ai:progress': AiProgress;
  'ai:done': AiDone;
  'ai:failed': AiFailed;
  /** A memory item was added, changed or removed. */
  'memory:changed': { id: string };
}

export const eventNames = [
  'campaigns:changed',
  'docs:remoteUpdate',
  'teams:changed',
  'signaling:changed',
  'versions:changed',
  'profile:changed',
  'llm:changed',
  'models:changed',
  'models:download',
  'ai:progress',
  'ai:done',
  'ai:failed',
  'memory:changed',
  ...meshEventNames,
  ...agentsEventNames,
  ...tracesEventNames,
  ...trustEventNames,
  ...walletEventNames,
  ...chainEventNames,
] as const satisfies readonly (keyof EventPayloads)[];

export type Channel = keyof typeof requests;

/**
 * Channels whose answer waits on slow work by design, with how long a window waits for
 * it (others: 30 s): the agents' coordinator writing a plan on a real model, and a
 * signature the designer approves in their wallet.
 */
export const slowChannels: Partial<Record<Channel, number>> = {
  'agents:plan': 180_000,
  'trust:sign': 300_000,
  'trust:revoke': 300_000,
};
export type EventName = keyof EventPayloads;
export type Input<C extends Channel> = z.input<(typeof requests)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof requests)[C]['input']>;
export type Output<C extends Channel> = (typeof requests)[C]['output'];

export const channels = Object.keys(requests) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
