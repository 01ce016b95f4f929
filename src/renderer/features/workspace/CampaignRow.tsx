import { memo, useState, type FormEvent } from 'react';
import type { CampaignSummary } from '../../../shared/api/dto';
import { relativeTime } from '../../app/relativeTime';

export interface CampaignActions {
  open(id: string): void;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): void;
  trash(id: string): void;
  restore(id: string): void;
  purge(id: string): void;
}

/** One campaign in the workspace list, with its actions; rename happens in place. */
export const CampaignRow = memo(function CampaignRow({
  campaign,
  inTrash,
  actions,
}: {
  campaign: CampaignSummary;
  inTrash: boolean;
  actions: CampaignActions;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(campaign.name);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await actions.rename(campaign.id, name);
    setEditing(false);
  };
  return (
    <li className="campaign-row" data-campaign-id={campaign.id}>
      {editing ? (
        <form className="rename-form" onSubmit={submit}>
          <input
            aria-label={`New name for ${campaign.name}`}
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : inTrash ? (
        <span className="campaign-name">{campaign.name}</span>
      ) : (
        <button
          className="campaign-name link"
          onClick={() => actions.open(campaign.id)}
          aria-label={`Open ${campaign.name}`}
        >
          {campaign.name}
        </button>
      )}
      {campaign.teamId && (
        <span className="campaign-shared" title="Shared with a team: it syncs live with teammates">
          Shared
        </span>
      )}
      <span className="campaign-time" title={new Date(campaign.updatedAt).toLocaleString()}>
        {inTrash && campaign.trashedAt
          ? `Trashed ${relativeTime(campaign.trashedAt)}`
          : `Changed ${relativeTime(campaign.updatedAt)}`}
      </span>
      <span className="campaign-actions">
        {inTrash ? (
          <>
            <button onClick={() => actions.restore(campaign.id)} aria-label={`Restore ${campaign.name}`}>
              Restore
            </button>
            <button
              className="danger"
              onClick={() => actions.purge(campaign.id)}
              aria-label={`Delete ${campaign.name} forever`}
            >
              Delete forever
            </button>
          </>
        ) : (
          <>
            <button
              onClick={() => {
                setName(campaign.name);
                setEditing(true);
              }}
              aria-label={`Rename ${campaign.name}`}
            >
              Rename
            </button>
            <button onClick={() => actions.duplicate(campaign.id)} aria-label={`Duplicate ${campaign.name}`}>
              Duplicate
            </button>
            <button onClick={() => actions.trash(campaign.id)} aria-label={`Move ${campaign.name} to trash`}>
              Move to trash
            </button>
          </>
        )}
      </span>
    </li>
  );
});
