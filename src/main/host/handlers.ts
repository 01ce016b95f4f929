import * as Y from 'yjs';
import { buildTemplate } from '../../shared/templates';
import type { AppInfo } from '../../shared/api/dto';
import type { Services } from '../services';
import type { Handlers } from './dispatch';
import type { Logger } from './logger';
import { rememberCampaignEmails } from '../services/ai/rememberEmails';
import { createAiHandlers } from './aiHandlers';
import { createAgentsHandlers } from './agentsHandlers';
import { createChainHandlers } from './chainHandlers';
import { createCollabHandlers } from './collabHandlers';
import { createEmailHandlers } from './emailHandlers';
import { createLlmHandlers } from './llmHandlers';
import { createMemoryHandlers } from './memoryHandlers';
import { createExternalNodeHandlers } from './externalNodeHandlers';
import { createMeshHandlers } from './meshHandlers';
import { createTracesHandlers } from './tracesHandlers';
import { createModelHandlers } from './modelHandlers';
import { createSignalingHandlers } from './signalingHandlers';
import { createTrustHandlers } from './trustHandlers';
import { createVersionHandlers } from './versionHandlers';
import { createWalletHandlers } from './walletHandlers';
import type { SessionState } from './createHost';

/**
 * Closes a campaign no window has open any more, first indexing its emails into the
 * AI's memory. Indexing is a help: a failure is logged, and the document still closes.
 */
export function closeDoc(
  services: Services,
  campaignId: string,
  log?: { warn(message: string, detail?: unknown): void },
): void {
  try {
    rememberCampaignEmails(services.docs, services.memory, campaignId);
  } catch (error) {
    log?.warn(`Could not index the emails of campaign ${campaignId} into memory`, error);
  }
  services.docs.close(campaignId);
}

/** Maps every channel of the contract onto the services. */
export function createHandlers(
  services: Services,
  info: AppInfo,
  sessions: Map<string, SessionState>,
  log?: Pick<Logger, 'warn'>,
): Handlers {
  const { campaigns, docs } = services;
  const session = (id: string) => sessions.get(id);
  return {
    'app:info': () => info,
    'campaigns:list': (input) => campaigns.list(input),
    'campaigns:get': (input) => campaigns.get(input.id),
    'campaigns:create': (input) => {
      const campaign = campaigns.create(input.name);
      if (input.template)
        docs.applyUpdate(campaign.id, Y.encodeStateAsUpdate(buildTemplate(input.template)), 'template');
      return campaign;
    },
    'campaigns:rename': (input) => campaigns.rename(input.id, input.name),
    'campaigns:duplicate': (input) => campaigns.duplicate(input.id),
    'campaigns:trash': (input) => campaigns.trash(input.id),
    'campaigns:restore': (input) => campaigns.restore(input.id),
    'campaigns:purge': (input) => {
      campaigns.purge(input.id);
      return { id: input.id };
    },
    'docs:open': (input, ctx) => {
      const opened = docs.open(input.campaignId);
      void services.emailRenderer.warmUp(); // the first preview is likely next; start the worker now
      session(ctx.sessionId)?.openDocs.add(input.campaignId);
      return opened;
    },
    'docs:update': (input, ctx) => docs.applyUpdate(input.campaignId, input.update, ctx.sessionId),
    'docs:close': (input, ctx) => {
      const state = session(ctx.sessionId);
      state?.openDocs.delete(input.campaignId);
      const stillOpen = [...sessions.values()].some((s) => s.openDocs.has(input.campaignId));
      if (!stillOpen) closeDoc(services, input.campaignId, log);
      return { campaignId: input.campaignId };
    },
    ...createEmailHandlers(services),
    ...createCollabHandlers(services),
    ...createSignalingHandlers(services),
    ...createVersionHandlers(services),
    ...createLlmHandlers(services),
    ...createAiHandlers(services, sessions),
    ...createAgentsHandlers(services, sessions),
    ...createModelHandlers(services),
    ...createMemoryHandlers(services),
    ...createMeshHandlers(services),
    ...createExternalNodeHandlers(services),
    ...createTracesHandlers(services),
    ...createTrustHandlers(services),
    ...createChainHandlers(services),
    ...createWalletHandlers(services),
  };
}
