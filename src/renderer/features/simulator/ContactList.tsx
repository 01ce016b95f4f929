import type { ContactEvent, SampleContact } from '../../../shared/simulator';
import type { SkippedContact } from '../../../shared/simulator/contactsDoc';
import { ContactEditor } from './ContactEditor';

export interface ContactActions {
  toggleIncluded: (id: string) => void;
  edit: (id: string | null) => void;
  change: (contact: SampleContact) => void;
  duplicate: (id: string) => void;
  remove: (id: string) => void;
}

interface ContactListProps {
  contacts: readonly SampleContact[];
  skipped: readonly SkippedContact[];
  excluded: ReadonlySet<string>;
  editing: string | null;
  readOnly: boolean;
  freshEvent: () => ContactEvent;
  actions: ContactActions;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Skipped({
  skipped,
  readOnly,
  onRemove,
}: {
  skipped: readonly SkippedContact[];
  readOnly: boolean;
  onRemove: (id: string) => void;
}) {
  if (skipped.length === 0) return null;
  return (
    <div className="sim-note" role="note">
      <p>
        {skipped.length === 1 ? 'One sample contact' : `${skipped.length} sample contacts`} in this campaign could not
        be read and {skipped.length === 1 ? 'is' : 'are'} left out:
      </p>
      <ul>
        {skipped.slice(0, 10).map((s) => (
          <li key={s.id}>
            <code>{s.id}</code>: {s.problem}{' '}
            {!readOnly && (
              <button
                type="button"
                className="link"
                onClick={() => onRemove(s.id)}
                aria-label={`Remove damaged contact ${s.id}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sample contacts: which run, which is being edited, and their editors. */
export function ContactList({ contacts, skipped, excluded, editing, readOnly, freshEvent, actions }: ContactListProps) {
  return (
    <>
      {contacts.length === 0 && (
        <p className="sim-empty">
          {readOnly
            ? 'This campaign has no sample contacts, and it is read-only here.'
            : 'Add a sample contact to walk through the journey.'}
        </p>
      )}
      <ul className="sim-contacts">
        {contacts.map((contact) => {
          const name = contact.name || 'Unnamed contact';
          const open = editing === contact.id;
          return (
            <li key={contact.id} className={open ? 'sim-contact is-open' : 'sim-contact'}>
              <div className="sim-contact__head">
                <input
                  type="checkbox"
                  aria-label={`Include ${name} in the run`}
                  checked={!excluded.has(contact.id)}
                  onChange={() => actions.toggleIncluded(contact.id)}
                />
                <button
                  type="button"
                  className="sim-contact__name"
                  aria-expanded={open}
                  aria-label={`${readOnly ? 'Show' : 'Edit'} ${name}`}
                  onClick={() => actions.edit(open ? null : contact.id)}
                >
                  <span>{name}</span>
                  <span className="sim-muted">
                    {count(Object.keys(contact.attributes).length, 'attribute')} ·{' '}
                    {count(contact.events.length, 'event')}
                  </span>
                </button>
                {!readOnly && (
                  <>
                    <button
                      type="button"
                      className="sim-small"
                      aria-label={`Duplicate ${name}`}
                      onClick={() => actions.duplicate(contact.id)}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="sim-small danger"
                      aria-label={`Remove ${name}`}
                      onClick={() => actions.remove(contact.id)}
                    >
                      Remove
                    </button>
                  </>
                )}
              </div>
              {open && (
                <ContactEditor
                  contact={contact}
                  disabled={readOnly}
                  freshEvent={freshEvent}
                  onChange={actions.change}
                />
              )}
            </li>
          );
        })}
      </ul>
      <Skipped skipped={skipped} readOnly={readOnly} onRemove={actions.remove} />
    </>
  );
}
