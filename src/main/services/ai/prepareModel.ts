import { ErrorCode, MailyError } from '../../../shared/errors';
import type { LocalLlmNode } from '../llm/LocalLlmNode';
import type { ModelService } from '../models/ModelService';

const noModel = () =>
  new MailyError(
    ErrorCode.NotFound,
    'No AI model yet. Open Models on the campaigns screen and import or download one (a small instruct model is enough).',
  );

/**
 * Before an AI job: a ready node stays as it is; otherwise the default model (or the only
 * usable one) is loaded. Fails with what to do next when there is none or it cannot load.
 */
export function modelPreparer(llm: LocalLlmNode, models: ModelService): () => Promise<void> {
  return async () => {
    if (llm.status().state === 'ready') return;
    const usable = (await models.list()).filter((m) => m.problem === null);
    const preferred = await models.defaultModelId();
    const modelId = usable.find((m) => m.id === preferred)?.id ?? usable[0]?.id;
    if (!modelId) throw noModel();
    const status = await llm.load(modelId);
    if (status.state !== 'ready') {
      throw new MailyError(
        ErrorCode.Internal,
        status.error ?? `The model “${modelId}” could not be loaded. Choose another one under Models.`,
      );
    }
  };
}
