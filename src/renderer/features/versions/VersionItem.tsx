import { useState } from 'react';
import type { VersionSummary } from '../../../shared/collab/versions';
import { relativeTime } from './formatting';

interface Props {
  version: VersionSummary;
  readOnly: boolean;
  busy: boolean;
  onCompare: () => void;
  onRestore: () => void;
  onDelete: () => void;
}

/** One named version: who named it and when, and what can be done with it. */
export function VersionItem({ version, readOnly, busy, onCompare, onRestore, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const quoted = `“${version.name}”`;
  return (
    <li className={version.automatic ? 'vp-version is-automatic' : 'vp-version'}>
      <div className="vp-version__name">{version.name}</div>
      <div className="vp-muted">
        {version.automatic ? 'Saved by Maily' : version.author} ·{' '}
        <time dateTime={new Date(version.createdAt).toISOString()} title={new Date(version.createdAt).toLocaleString()}>
          {relativeTime(version.createdAt)}
        </time>
      </div>
      <div className="vp-row">
        <button type="button" className="vp-small" aria-label={`Compare ${quoted} with now`} onClick={onCompare}>
          Compare
        </button>
        <button
          type="button"
          className="vp-small"
          aria-label={`Restore ${quoted}`}
          disabled={readOnly || busy}
          title={readOnly ? 'This campaign is read-only' : 'Make the campaign look like this version again'}
          onClick={onRestore}
        >
          Restore
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="vp-small vp-danger"
              aria-label={`Delete ${quoted} for good`}
              onClick={onDelete}
            >
              Delete for good
            </button>
            <button
              type="button"
              className="vp-small"
              aria-label={`Keep ${quoted}`}
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className="vp-small"
            aria-label={`Delete ${quoted}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
