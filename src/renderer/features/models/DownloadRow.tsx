import type { DownloadView } from '../../../shared/ai/models';
import { formatBytes } from './format';

const stateLabels: Record<DownloadView['state'], string> = {
  downloading: 'Downloading',
  paused: 'Paused',
  verifying: 'Checking the file',
  done: 'Downloaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One download: a progress bar, its state, pause/resume/cancel, and what to do when it failed. */
export function DownloadRow({
  download,
  onPause,
  onResume,
  onCancel,
}: {
  download: DownloadView;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const { fileName, state, receivedBytes, totalBytes, speed, error } = download;
  const amount = totalBytes
    ? `${formatBytes(receivedBytes)} of ${formatBytes(totalBytes)}`
    : formatBytes(receivedBytes);
  const live = state === 'downloading' || state === 'paused' || state === 'verifying';
  return (
    <li className="download-row" aria-label={`Download of ${fileName}`}>
      <div className="download-head">
        <strong>{fileName}</strong>
        <span className="download-state">{stateLabels[state]}</span>
      </div>
      {live && (
        <progress
          aria-label={`Download progress of ${fileName}`}
          max={totalBytes ?? undefined}
          value={totalBytes ? receivedBytes : undefined}
        />
      )}
      <div className="muted">
        {amount}
        {state === 'downloading' && speed ? ` · ${formatBytes(speed)}/s` : ''}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="model-actions">
        {state === 'downloading' && (
          <button type="button" onClick={onPause} aria-label={`Pause ${fileName}`}>
            Pause
          </button>
        )}
        {(state === 'paused' || (state === 'failed' && !/deleted/.test(error ?? ''))) && (
          <button type="button" onClick={onResume} aria-label={`Resume ${fileName}`}>
            Resume
          </button>
        )}
        {live || state === 'failed' ? (
          <button type="button" onClick={onCancel} aria-label={`Cancel ${fileName}`}>
            Cancel
          </button>
        ) : null}
      </div>
    </li>
  );
}
