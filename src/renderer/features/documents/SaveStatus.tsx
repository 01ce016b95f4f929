import { memo } from 'react';
import type { SaveState } from './CampaignDocSession';

function label(save: SaveState, readOnly: boolean): string {
  if (readOnly) return 'Read-only';
  switch (save.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return save.savedAt ? `Saved ${new Date(save.savedAt).toLocaleTimeString()}` : 'Saved';
    case 'offline':
      return 'Offline — not saved yet';
    case 'error':
      return 'Not saved';
  }
}

/** The save indicator: "Saved" appears only after the host acknowledged the write. */
export const SaveStatus = memo(function SaveStatus({ save, readOnly }: { save: SaveState; readOnly: boolean }) {
  const detail = save.kind === 'offline' || save.kind === 'error' ? save.message : undefined;
  return (
    <span
      className={`save-status save-${readOnly ? 'readonly' : save.kind}`}
      role="status"
      aria-live="polite"
      title={detail}
      data-save={save.kind}
    >
      {label(save, readOnly)}
      {detail && <span className="visually-hidden"> {detail}</span>}
    </span>
  );
});
