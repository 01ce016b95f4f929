import type { Services } from '../services';
import type { Handlers } from './dispatch';
import { createLlmNodeHandlers } from './llmNodeHandlers';

type LlmChannels = 'llm:status' | 'llm:load' | 'llm:unload' | 'llm:getSettings' | 'llm:saveSettings';

/** The local LLM node. */
export function createLlmHandlers(services: Services): Pick<Handlers, LlmChannels> {
  return createLlmNodeHandlers(services);
}
