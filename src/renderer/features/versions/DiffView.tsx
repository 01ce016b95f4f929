import type { EmailChange, ItemChange, ItemRef, VersionDiff } from '../../../shared/collab/versions';
import { describeValue } from './formatting';

interface Section {
  added: ItemRef[];
  removed: ItemRef[];
  changed: Array<ItemRef | ItemChange>;
}

function Changes({ item }: { item: ItemRef | ItemChange }) {
  if (!('changes' in item) || item.changes.length === 0) return null;
  return (
    <ul className="vp-fields">
      {item.changes.map((c) => (
        <li key={c.field}>
          <span className="vp-field">{c.field}</span> {describeValue(c.before)} → {describeValue(c.after)}
        </li>
      ))}
    </ul>
  );
}

function Group({ verb, items }: { verb: 'Added' | 'Removed' | 'Changed'; items: Array<ItemRef | ItemChange> }) {
  if (items.length === 0) return null;
  return (
    <>
      <h5>
        {verb} ({items.length})
      </h5>
      <ul className={`vp-items vp-items--${verb.toLowerCase()}`}>
        {items.map((item) => (
          <li key={item.id}>
            {item.label}
            <Changes item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ItemSection({ title, section }: { title: string; section: Section }) {
  if (section.added.length + section.removed.length + section.changed.length === 0) return null;
  return (
    <section aria-label={title} className="vp-diff__section">
      <h4>{title}</h4>
      <Group verb="Added" items={section.added} />
      <Group verb="Removed" items={section.removed} />
      <Group verb="Changed" items={section.changed} />
    </section>
  );
}

function blockSummary(email: EmailChange): string {
  const parts = [
    email.blocksAdded && `${email.blocksAdded} added`,
    email.blocksRemoved && `${email.blocksRemoved} removed`,
    email.blocksChanged && `${email.blocksChanged} changed`,
  ].filter(Boolean);
  return parts.length > 0 ? `Body blocks: ${parts.join(', ')}` : '';
}

function EmailSection({ emails }: { emails: EmailChange[] }) {
  if (emails.length === 0) return null;
  return (
    <section aria-label="Emails" className="vp-diff__section">
      <h4>Emails</h4>
      <ul className="vp-items">
        {emails.map((email) => (
          <li key={email.emailId}>
            {email.label}
            <ul className="vp-fields">
              {email.fields.map((c) => (
                <li key={c.field}>
                  <span className="vp-field">{c.field}</span> {describeValue(c.before)} → {describeValue(c.after)}
                </li>
              ))}
              {blockSummary(email) && <li>{blockSummary(email)}</li>}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What changed between two versions, by nodes, edges, emails and sample contacts. */
export function DiffView({ diff }: { diff: VersionDiff }) {
  if (diff.same) return <p className="vp-muted">No differences: both hold the same campaign.</p>;
  return (
    <div className="vp-diff">
      <ItemSection title="Nodes" section={diff.nodes} />
      <ItemSection title="Edges" section={diff.edges} />
      <EmailSection emails={diff.emails} />
      {diff.contacts && <ItemSection title="Sample contacts" section={diff.contacts} />}
    </div>
  );
}
