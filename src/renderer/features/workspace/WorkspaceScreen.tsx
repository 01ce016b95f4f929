import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { messageOf } from '../../../shared/errors';
import type { TemplateId } from '../../../shared/templates';
import { useApi } from '../../app/BackendContext';
import { CampaignRow, type CampaignActions } from './CampaignRow';
import { NewCampaignForm } from './NewCampaignForm';
import { useCampaignList } from './useCampaignList';

/** The list of campaigns: create, open, rename, duplicate, search, trash and restore. */
export function WorkspaceScreen({ onOpen, actions: extra }: { onOpen: (id: string) => void; actions?: ReactNode }) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [trash, setTrash] = useState(false);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useCampaignList(query, trash);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setTrash(false);
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = (action: () => Promise<unknown>, done?: string) =>
    action().then(
      () => setNotice(done ?? null),
      (error: unknown) => setNotice(messageOf(error)),
    );

  const actions = useMemo<CampaignActions>(
    () => ({
      open: onOpen,
      rename: (id, name) => run(() => api.campaigns.rename({ id, name })),
      duplicate: (id) => void run(() => api.campaigns.duplicate({ id }), 'Campaign duplicated.'),
      trash: (id) => void run(() => api.campaigns.trash({ id }), 'Moved to the trash. You can restore it from Trash.'),
      restore: (id) => void run(() => api.campaigns.restore({ id }), 'Campaign restored.'),
      purge: (id) => {
        if (window.confirm('Delete this campaign forever? This cannot be undone.'))
          void run(() => api.campaigns.purge({ id }), 'Deleted forever.');
      },
    }),
    [api, onOpen],
  );

  const create = async (name: string, template: TemplateId | undefined) => {
    try {
      const campaign = await api.campaigns.create({ name, template });
      setCreating(false);
      onOpen(campaign.id);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  };

  return (
    <main className="workspace" aria-labelledby="workspace-title">
      <header className="workspace-header">
        <h1 id="workspace-title">{trash ? 'Trash' : 'Campaigns'}</h1>
        <input
          type="search"
          aria-label="Search campaigns"
          placeholder="Search campaigns"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button onClick={() => setTrash((t) => !t)}>{trash ? 'Back to campaigns' : 'Show trash'}</button>
        {extra}
        {!trash && (
          <button className="primary" onClick={() => setCreating(true)} title="New campaign (Ctrl+N)">
            New campaign
          </button>
        )}
      </header>
      {creating && <NewCampaignForm onCreate={create} onCancel={() => setCreating(false)} />}
      <p className="notice" role="status" aria-live="polite">
        {notice ?? list.error ?? ''}
      </p>
      {list.loading ? (
        <p className="muted">Loading campaigns…</p>
      ) : list.campaigns.length === 0 ? (
        <p className="empty">{emptyText(trash, query)}</p>
      ) : (
        <ul
          className="campaign-list"
          aria-label={trash ? 'Campaigns in the trash' : 'Campaigns, most recently changed first'}
        >
          {list.campaigns.map((c) => (
            <CampaignRow key={c.id} campaign={c} inTrash={trash} actions={actions} />
          ))}
        </ul>
      )}
    </main>
  );
}

function emptyText(trash: boolean, query: string): string {
  if (query.trim()) return `No campaign matches “${query.trim()}”.`;
  return trash ? 'The trash is empty.' : 'No campaigns yet. Press “New campaign” (Ctrl+N) to draw your first journey.';
}
