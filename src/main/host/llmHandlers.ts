import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';
import { createLlmNodeHandlers } from './llmNodeHandlers';

type LlmChannels =
  'llm:status' | 'llm:load' | 'llm:unload' | 'llm:getSettings' | 'llm:saveSettings' | 'ai:run' | 'ai:cancel';

// Replaced as each part lands; until then a call says so instead of failing silently.
const pending = () => {
  throw new MailyError(ErrorCode.Internal, 'This part of Maily is being built.');
};

/** The local LLM node and the AI actions. */
export function createLlmHandlers(services: Services): Pick<Handlers, LlmChannels> {
  return {
    ...createLlmNodeHandlers(services),
    'ai:run': pending,
    'ai:cancel': pending,
  };
}
