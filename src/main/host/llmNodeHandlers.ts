import type { Services } from '../services';
import type { Handlers } from './dispatch';

type LlmNodeChannels = 'llm:status' | 'llm:load' | 'llm:unload' | 'llm:getSettings' | 'llm:saveSettings';

/**
 * The local LLM node: its status, loading and unloading a model, its settings. A model
 * that fails to load answers with the `error` state (shown on the Models page), not a
 * failed call; only a name that is not a model in the folder is refused.
 */
export function createLlmNodeHandlers(services: Services): Pick<Handlers, LlmNodeChannels> {
  const { llm } = services;
  return {
    'llm:status': () => llm.status(),
    'llm:load': (input) => llm.load(input.modelId),
    'llm:unload': () => llm.unload(),
    'llm:getSettings': () => llm.settings(),
    'llm:saveSettings': (input) => llm.saveSettings(input),
  };
}
