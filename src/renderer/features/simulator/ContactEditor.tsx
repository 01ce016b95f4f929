import { useId } from 'react';
import type { ContactEvent, SampleContact } from '../../../shared/simulator';
import { isTimeZone } from '../../../shared/simulator';
import { sampleContactLimits } from '../../../shared/simulator/contactsDoc';
import { AttributeRows } from './AttributeRows';
import { DraftInput } from './DraftInput';
import { EventRows } from './EventRows';
import { TimeZoneField } from './TimeZoneField';

interface ContactEditorProps {
  contact: SampleContact;
  disabled: boolean;
  /** A new event for this contact: the journey's entry event at the run's start. */
  freshEvent: () => ContactEvent;
  onChange: (next: SampleContact) => void;
}

function checkName(text: string): string | null {
  if (!text.trim()) return 'Give the contact a name';
  return text.length > sampleContactLimits.name ? `At most ${sampleContactLimits.name} characters` : null;
}

/** Every field of one sample contact; each change is written to the campaign at once. */
export function ContactEditor({ contact, disabled, freshEvent, onChange }: ContactEditorProps) {
  const id = useId();
  const zone = contact.timezone && isTimeZone(contact.timezone) ? contact.timezone : 'UTC';
  return (
    <div className="sim-editor">
      <div className="sim-row">
        <label className="sim-label" htmlFor={`${id}-name`}>
          Contact name
        </label>
        <DraftInput
          id={`${id}-name`}
          value={contact.name}
          disabled={disabled}
          check={checkName}
          onCommit={(name) => onChange({ ...contact, name })}
        />
      </div>
      <TimeZoneField
        value={contact.timezone}
        disabled={disabled}
        onChange={(timezone) => onChange({ ...contact, timezone })}
      />
      <AttributeRows
        attributes={contact.attributes}
        disabled={disabled}
        onChange={(attributes) => onChange({ ...contact, attributes })}
      />
      <EventRows
        events={contact.events}
        timezone={zone}
        disabled={disabled}
        fresh={freshEvent}
        onChange={(events) => onChange({ ...contact, events })}
      />
    </div>
  );
}
