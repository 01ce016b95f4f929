import { useEffect, useState, type FormEvent } from 'react';
import type { Profile, TeamView } from '../../../shared/collab/team';
import { useApi } from '../../app/BackendContext';
import { SignalingSettings } from './SignalingSettings';
import { TeamSettings } from './TeamSettings';
import { useModal } from '../../app/useModal';
import { messageOf } from '../../../shared/errors';

function ProfileForm() {
  const api = useApi();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    void api.profile.get({}).then(setProfile, (e: unknown) => setNotice(messageOf(e)));
  }, [api]);
  if (!profile) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void api.profile.set(profile).then(
      () => setNotice('Saved. Teammates see the new name from now on.'),
      (err: unknown) => setNotice(messageOf(err)),
    );
  };
  return (
    <form className="profile-form" aria-label="You" onSubmit={save}>
      <label htmlFor="profile-name">Your name (teammates see it)</label>
      <input
        id="profile-name"
        value={profile.name}
        onChange={(e) => setProfile({ ...profile, name: e.target.value })}
      />
      <label htmlFor="profile-colour">Your colour</label>
      <input
        id="profile-colour"
        type="color"
        value={profile.colour}
        onChange={(e) => setProfile({ ...profile, colour: e.target.value })}
      />
      <button type="submit">Save name and colour</button>
      <span role="status">{notice}</span>
    </form>
  );
}

/** Join a team from an invite someone sent: the code, the link or what a QR code holds. */
function JoinForm({ onJoined }: { onJoined: (campaignId: string | null, teamName: string) => void }) {
  const api = useApi();
  const [invite, setInvite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const join = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    void api.teams.join({ invite }).then(
      (joined) => {
        setInvite('');
        onJoined(joined.campaign?.id ?? null, joined.team.name);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <form className="join-form" aria-label="Join a team" onSubmit={join}>
      <label htmlFor="join-invite">Paste an invite</label>
      <textarea
        id="join-invite"
        data-initial-focus
        rows={3}
        placeholder="maily-invite:…"
        value={invite}
        onChange={(e) => setInvite(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!invite.trim()}>
        Join team
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Teams and sync settings: who you are, joining, each team's servers, the built-in signaling server. */
export function TeamsDialog({ onClose, onOpen }: { onClose: () => void; onOpen: (campaignId: string) => void }) {
  const api = useApi();
  const { dialog, handlers } = useModal(onClose);
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    const load = () => void api.teams.list({}).then(setTeams, (e: unknown) => setNotice(messageOf(e)));
    load();
    return api.on('teams:changed', load);
  }, [api]);
  const joined = (campaignId: string | null, teamName: string) => {
    if (campaignId) {
      onClose();
      onOpen(campaignId);
    } else setNotice(`Joined ${teamName}.`);
  };
  return (
    <dialog ref={dialog} className="app-dialog collab-dialog" aria-label="Teams and sync" {...handlers}>
      <header>
        <h2>Teams and sync</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <h3>Join a team</h3>
      <JoinForm onJoined={joined} />
      <h3>You</h3>
      <ProfileForm />
      <h3>Your teams</h3>
      {teams.length === 0 ? (
        <p className="muted">No team yet. Share a campaign to create one, or join with an invite.</p>
      ) : (
        teams.map((t) => <TeamSettings key={`${t.id}:${t.keyId}`} team={t} onNotice={setNotice} />)
      )}
      <h3>Signaling server on this device</h3>
      <SignalingSettings />
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
    </dialog>
  );
}
