import { useState } from 'react';
import type { ModelInfo } from '../../../shared/ai/models';
import { useApi } from '../../app/BackendContext';
import { useModal } from '../../app/useModal';
import { Catalogue } from './Catalogue';
import { DownloadRow } from './DownloadRow';
import { messageOf } from '../../../shared/errors';
import { ModelRow } from './ModelRow';
import { SourceForms } from './SourceForms';
import { useModels } from './useModels';

/** The models page: the files on this device, downloads in flight, import, download and the catalogue. */
export function ModelsDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { dialog, handlers } = useModal(onClose);
  const { models, catalogue, downloads, problem } = useModels();
  const [notice, setNotice] = useState('');
  const act = (promise: Promise<unknown>, done?: string) =>
    promise.then(
      () => done && setNotice(done),
      (error: unknown) => setNotice(messageOf(error)),
    );
  const remove = (model: ModelInfo) => {
    if (!window.confirm(`Delete ${model.id} from this device? You can download or import it again later.`)) return;
    void act(api.models.remove({ modelId: model.id }), `Removed ${model.id}.`);
  };
  const download = (source: string, sha256?: string) =>
    act(api.models.download(sha256 ? { source, sha256 } : { source }), 'Download started.');
  const installed = new Set(models?.map((m) => m.id));

  return (
    <dialog ref={dialog} className="app-dialog models-dialog" aria-label="Models" {...handlers}>
      <header>
        <h2>Models</h2>
        <button type="button" aria-label="Close" onClick={onClose} data-initial-focus>
          ×
        </button>
      </header>
      <p className="muted">AI models run on this device; nothing you write leaves it.</p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <h3>On this device</h3>
      {models && models.length === 0 && (
        <p className="models-empty">
          No models yet. Download a recommended one below, paste a link or an hf: reference, or import a .gguf file you
          already have.
        </p>
      )}
      <ul className="model-list" aria-label="Models on this device">
        {models?.map((model) => (
          <ModelRow
            key={model.id}
            model={model}
            onDefault={() => void act(api.models.setDefault({ modelId: model.id }), `${model.id} is now the default.`)}
            onRemove={() => remove(model)}
          />
        ))}
      </ul>
      {downloads.length > 0 && (
        <>
          <h3>Downloads</h3>
          <ul className="model-list" aria-label="Downloads">
            {downloads.map((d) => (
              <DownloadRow
                key={d.id}
                download={d}
                onPause={() => void act(api.models.pause({ downloadId: d.id }))}
                onResume={() => void act(api.models.resume({ downloadId: d.id }))}
                onCancel={() => void act(api.models.cancel({ downloadId: d.id }))}
              />
            ))}
          </ul>
        </>
      )}
      <SourceForms onImport={(path) => act(api.models.import({ path }), 'Imported.')} onDownload={download} />
      <Catalogue entries={catalogue} installed={installed} onDownload={(source) => void download(source)} />
      <p className="models-notice" role="status">
        {notice}
      </p>
    </dialog>
  );
}
