import type { ContactEvent } from '../../../shared/simulator';
import { sampleContactLimits } from '../../../shared/simulator/contactsDoc';
import { fromInputValue, toInputValue } from './dateTime';
import { DraftInput } from './DraftInput';

interface EventRowsProps {
  events: ContactEvent[];
  /** The contact's zone: the times are typed and shown in it. */
  timezone: string;
  disabled: boolean;
  /** Where a new event goes: the journey's entry event at the run's start. */
  fresh: () => ContactEvent;
  onChange: (next: ContactEvent[]) => void;
}

function checkTime(text: string, timezone: string): string | null {
  return fromInputValue(text, timezone) === null ? 'Enter a date and time' : null;
}

/** The contact's timeline: what it did and when, in its own time zone. */
export function EventRows({ events, timezone, disabled, fresh, onChange }: EventRowsProps) {
  const replace = (i: number, event: ContactEvent) => onChange(events.map((e, j) => (j === i ? event : e)));
  return (
    <fieldset className="sim-group">
      <legend>Events</legend>
      <p className="sim-muted">
        {events.length === 0
          ? 'No events yet. Add what the contact does, e.g. signed_up, to trigger the journey.'
          : `Times are in the contact’s zone (${timezone}).`}
      </p>
      {events.map((event, i) => (
        <div className="sim-row" key={i}>
          <DraftInput
            aria-label={`Name of event ${i + 1}`}
            placeholder="event name"
            value={event.name}
            disabled={disabled}
            check={(text) => (text.length > sampleContactLimits.name ? 'Too long' : null)}
            onCommit={(name) => replace(i, { ...event, name })}
          />
          <DraftInput
            className="sim-when"
            type="datetime-local"
            aria-label={`Time of event ${i + 1}`}
            value={toInputValue(event.at, timezone)}
            disabled={disabled}
            check={(text) => checkTime(text, timezone)}
            onCommit={(text) => replace(i, { ...event, at: fromInputValue(text, timezone)! })}
          />
          <button
            type="button"
            className="sim-icon"
            aria-label={`Remove event ${i + 1}`}
            title="Remove event"
            disabled={disabled}
            onClick={() => onChange(events.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={disabled || events.length >= sampleContactLimits.events}
        onClick={() => onChange([...events, fresh()])}
      >
        Add event
      </button>
    </fieldset>
  );
}
