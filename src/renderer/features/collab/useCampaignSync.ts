import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Profile, RoomConfig } from '../../../shared/collab/team';
import { useApi } from '../../app/BackendContext';
import { CampaignSync } from './CampaignSync';
import { SYNC_OFF, type SyncSnapshot } from './syncTypes';

/** A stable key of what a room needs; a change of it means a new connection. */
function roomKey(room: RoomConfig): string {
  return JSON.stringify([room.roomName, room.password, room.signaling, room.iceServers, room.lobby, room.keyId]);
}

/** The room of a campaign and the designer's profile, kept current as teams change. */
function useRoom(campaignId: string): { room: RoomConfig | null; profile: Profile | null } {
  const api = useApi();
  const [room, setRoom] = useState<RoomConfig | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.collab.room({ campaignId }).then(
        (next) => live && setRoom((prev) => (prev && next && roomKey(prev) === roomKey(next) ? prev : next)),
        () => live && setRoom(null),
      );
    void load();
    void api.profile.get({}).then(
      (p) => live && setProfile(p),
      () => undefined,
    );
    const offs = [
      api.on('campaigns:changed', (p) => p.id === campaignId && void load()),
      api.on('teams:changed', () => void load()),
      api.on('profile:changed', (p) => setProfile(p)),
    ];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [api, campaignId]);
  return { room, profile };
}

/**
 * Live sync of an open campaign with teammates, while it is shared with a team: null
 * for a private campaign. Recreated when the room changes (servers edited, secret
 * rotated); the designer's profile updates in place.
 */
export function useCampaignSync(campaignId: string, doc: Y.Doc | null, readOnly: boolean): CampaignSync | null {
  const { room, profile } = useRoom(campaignId);
  const [sync, setSync] = useState<CampaignSync | null>(null);
  const hasProfile = profile !== null;
  useEffect(() => {
    if (!doc || !room || !hasProfile || readOnly) return;
    let made: CampaignSync | null = null;
    let live = true;
    void CampaignSync.open(doc, room, profile).then((s) => {
      if (live) setSync((made = s));
      else s.dispose();
    });
    return () => {
      live = false;
      made?.dispose();
      setSync(null);
    };
    // The profile is applied in place below; only a new room reconnects.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, room, hasProfile, readOnly]);
  useEffect(() => {
    if (sync && profile) sync.presence.setProfile(profile);
  }, [sync, profile]);
  return sync;
}

const noop = () => () => undefined;
const off = () => SYNC_OFF;

/** The snapshot of a sync (re-rendering on change), or the "not shared" one. */
export function useSyncSnapshot(sync: CampaignSync | null): SyncSnapshot {
  return useSyncExternalStore(sync ? (l) => sync.subscribe(l) : noop, sync ? () => sync.get() : off);
}
