import type * as Y from 'yjs';
import { CURRENT_VERSION, type VersionRef, type VersionSummary } from '../../../shared/collab/versions';
import { DiffView } from './DiffView';
import { useVersionDiff } from './useVersionDiff';

interface Props {
  doc: Y.Doc;
  load: (versionId: string) => Promise<Y.Doc>;
  versions: VersionSummary[];
  from: VersionRef | null;
  to: VersionRef;
  onPick: (pick: { from?: VersionRef; to?: VersionRef }) => void;
}

function RefSelect(props: {
  id: string;
  label: string;
  value: VersionRef | null;
  versions: VersionSummary[];
  onChange: (ref: VersionRef) => void;
}) {
  return (
    <div className="vp-row">
      <label htmlFor={props.id} className="vp-label">
        {props.label}
      </label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value={CURRENT_VERSION}>Current campaign</option>
        {props.versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Two pickers (a version or the current campaign) and what changed from one to the other. */
export function CompareSection({ doc, load, versions, from, to, onPick }: Props) {
  const { diff, problem } = useVersionDiff(doc, load, from, to);
  return (
    <section className="vp-section" aria-labelledby="vp-compare-title">
      <h3 id="vp-compare-title">Compare</h3>
      <RefSelect
        id="vp-from"
        label="From version"
        value={from}
        versions={versions}
        onChange={(ref) => onPick({ from: ref })}
      />
      <RefSelect id="vp-to" label="To version" value={to} versions={versions} onChange={(ref) => onPick({ to: ref })} />
      {problem && (
        <p className="vp-error" role="alert">
          {problem}
        </p>
      )}
      <div role="region" aria-live="polite" aria-label="Differences">
        {diff && <DiffView diff={diff} />}
      </div>
    </section>
  );
}
