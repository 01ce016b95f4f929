import './versions.css';
import { useState } from 'react';
import type * as Y from 'yjs';
import { CURRENT_VERSION, type VersionRef, type VersionSummary } from '../../../shared/collab/versions';
import { useApi } from '../../app/BackendContext';
import { CompareSection } from './CompareSection';
import { describeError } from './describeError';
import { NameVersionForm } from './NameVersionForm';
import { RestoreStatus } from './RestoreStatus';
import { useRestore } from './useRestore';
import { useVersionDocs } from './useVersionDiff';
import { useVersionList } from './useVersionList';
import { useWhenSaved } from './useWhenSaved';
import { VersionItem } from './VersionItem';

export interface VersionsPanelProps {
  /** The campaign's live document: "current" in comparisons, and where a restore is written. */
  doc: Y.Doc;
  campaignId: string;
  /** The canvas editor's undo origin, so its undo takes a restore back. */
  origin: object;
  /** When true nothing can be restored (naming and comparing still work). */
  readOnly: boolean;
  /** Whether every edit is saved on the host; a version waits for that. Defaults to true. */
  saved?: boolean;
  onClose: () => void;
}

/**
 * Named versions of the campaign: name the campaign as it is, compare any two versions
 * (or one with now), and restore one. A restore first saves the campaign as it was,
 * then rewrites it as one ordinary, undoable edit that syncs to teammates.
 */
export function VersionsPanel({ doc, campaignId, origin, readOnly, saved = true, onClose }: VersionsPanelProps) {
  const api = useApi();
  const list = useVersionList(campaignId);
  const load = useVersionDocs(campaignId);
  const whenSaved = useWhenSaved(saved);
  const restore = useRestore({ doc, campaignId, origin, whenSaved, load });
  const [picked, setPicked] = useState<{ from: VersionRef | null; to: VersionRef }>({
    from: null,
    to: CURRENT_VERSION,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const versions = list.versions ?? [];
  const known = (ref: VersionRef | null) => ref === CURRENT_VERSION || versions.some((v) => v.id === ref);
  // Until a pick is made (or when the picked version is deleted), compare the newest with now.
  const from = known(picked.from) ? picked.from : (versions[0]?.id ?? null);
  const to = known(picked.to) ? picked.to : CURRENT_VERSION;
  const remove = (version: VersionSummary) => {
    setProblem(null);
    api.versions
      .delete({ campaignId, versionId: version.id })
      .catch((error: unknown) => setProblem(describeError(error, 'Deleting the version')));
  };

  return (
    <aside className="side-panel vp-panel" aria-label="Versions">
      <header className="side-panel__head vp-panel__head">
        <h2>Versions</h2>
        <button type="button" className="vp-icon" aria-label="Close versions" title="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <section className="vp-section">
        <NameVersionForm campaignId={campaignId} whenSaved={whenSaved} />
      </section>
      <RestoreStatus state={restore.state} onDismiss={restore.dismiss} />
      <section className="vp-section" aria-labelledby="vp-list-title">
        <h3 id="vp-list-title">Named versions</h3>
        {list.problem && (
          <p className="vp-error" role="alert">
            {list.problem}{' '}
            <button type="button" className="vp-small" onClick={list.reload}>
              Try again
            </button>
          </p>
        )}
        {problem && (
          <p className="vp-error" role="alert">
            {problem}
          </p>
        )}
        {list.versions?.length === 0 && (
          <p className="vp-muted">No versions yet. Name one above to keep the campaign as it is now.</p>
        )}
        <ul className="vp-versions">
          {versions.map((version) => (
            <VersionItem
              key={version.id}
              version={version}
              readOnly={readOnly}
              busy={restore.state.kind === 'working'}
              onCompare={() => setPicked({ from: version.id, to: CURRENT_VERSION })}
              onRestore={() => {
                // Show the restored version against the campaign: "No differences" once it is back.
                setPicked({ from: version.id, to: CURRENT_VERSION });
                void restore.restore(version);
              }}
              onDelete={() => remove(version)}
            />
          ))}
        </ul>
      </section>
      {versions.length > 0 && (
        <CompareSection
          doc={doc}
          load={load}
          versions={versions}
          from={from}
          to={to}
          onPick={(next) => setPicked({ from, to, ...next })}
        />
      )}
    </aside>
  );
}
