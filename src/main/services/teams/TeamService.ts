import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import {
  iceListSchema,
  signalingListSchema,
  type IceServer,
  type Invite,
  type RoomConfig,
  type TeamView,
} from '../../../shared/collab/team';
import type { CampaignSummary } from '../../../shared/api/dto';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { CampaignService } from '../campaigns/CampaignService';
import type { SecretStore } from '../mail/SecretStore';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';
import { INVITE_LINK_PREFIX, decodeInvite, encodeInvite } from './inviteCode';
import { keyId, lobbyTopic, meshPsk, newTeamSecret, roomName, roomPassword } from './roomKeys';

/** Options for {@link TeamService}. */
export interface TeamServiceOptions {
  /** Where team secrets are kept (the OS keychain on the desktop). */
  secrets: SecretStore;
  campaigns: CampaignService;
  /** Addresses of this machine's own signaling server while it runs; put first in invites. Defaults to none. */
  localSignaling?: () => string[];
  /** Defaults to `Date.now`. */
  now?: () => number;
}

interface TeamRow {
  id: string;
  name: string;
  createdAt: number;
  signaling: string;
  iceServers: string;
  keyId: string;
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const columns = 'id, name, created_at AS createdAt, signaling, ice_servers AS iceServers, key_id AS keyId';
const secretKey = (teamId: string) => `team:${teamId}`;
const noTeam = () =>
  new MailyError(ErrorCode.NotFound, 'This team is not on this device any more. Join it again from an invite.');

/** Reads a JSON list column, falling back to empty when it is damaged. */
function readList<T>(text: string, schema: { safeParse(v: unknown): { success: boolean; data?: T[] } }): T[] {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data ?? []) : [];
  } catch {
    return []; // a damaged column reads as "no servers"; the designer can set them again
  }
}

function view(row: TeamRow): TeamView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    signaling: readList<string>(row.signaling, signalingListSchema),
    iceServers: readList<IceServer>(row.iceServers, iceListSchema),
    keyId: row.keyId,
  };
}

/**
 * Teams this device belongs to, their invites, and the rooms of shared campaigns. The
 * secret never leaves this service except inside an invite the designer asked for; the
 * renderer gets only per-room names and passwords.
 */
export class TeamService {
  readonly #options: TeamServiceOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<(teamId: string) => void>();
  readonly #meshListeners = new Set<(teamId: string, addresses: string[]) => void>();
  #localMesh: ((teamId: string) => string[]) | null = null;
  readonly #sql: Record<'get' | 'list' | 'upsert' | 'update' | 'remove', Statement>;

  constructor(db: Database, options: TeamServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const sql = db.sqlite;
    this.#sql = {
      get: sql.prepare(`SELECT ${columns} FROM teams WHERE id = ?`),
      list: sql.prepare(`SELECT ${columns} FROM teams ORDER BY fold_case(name), id`),
      upsert: sql.prepare(
        `INSERT INTO teams (id, name, created_at, signaling, ice_servers, key_id) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, signaling = excluded.signaling,
           ice_servers = excluded.ice_servers, key_id = excluded.key_id`,
      ),
      update: sql.prepare('UPDATE teams SET signaling = ?, ice_servers = ? WHERE id = ?'),
      remove: sql.prepare('DELETE FROM teams WHERE id = ?'),
    };
  }

  list(): TeamView[] {
    return this.#guard('list your teams', () => this.#sql.list.all() as TeamRow[]).map(view);
  }

  get(teamId: string): TeamView {
    const row = this.#guard('read this team', () => this.#sql.get.get(teamId) as TeamRow | undefined);
    if (!row) throw noTeam();
    return view(row);
  }

  /** Creates a team with a new secret. Its signaling list defaults to this machine's server. */
  async create(name: string, signaling?: string[], iceServers: IceServer[] = []): Promise<TeamView> {
    const id = randomBytes(12).toString('base64url');
    const secret = newTeamSecret();
    await this.#options.secrets.set(secretKey(id), secret);
    const servers = signaling ?? this.#options.localSignaling?.() ?? [];
    return this.#save(id, name, secret, servers, iceServers);
  }

  /**
   * Joins the team of an invite (or takes its newer secret and servers when already a
   * member) and adds the campaign it shares, keeping any local work on it.
   */
  async join(code: string): Promise<{ team: TeamView; campaign: CampaignSummary | null }> {
    const invite = decodeInvite(code);
    await this.#options.secrets.set(secretKey(invite.team.id), invite.secret);
    const team = this.#save(invite.team.id, invite.team.name, invite.secret, invite.signaling, invite.iceServers ?? []);
    if (invite.mesh?.length) for (const listener of this.#meshListeners) listener(team.id, invite.mesh);
    const campaign = invite.campaign
      ? this.#options.campaigns.adopt(invite.campaign.id, invite.campaign.name, team.id)
      : null;
    return { team, campaign };
  }

  /** An invite to the team, optionally sharing one campaign (which becomes shared with it). */
  async invite(teamId: string, campaignId?: string): Promise<Invite> {
    const team = this.get(teamId);
    const secret = await this.#secret(teamId);
    let campaign: CampaignSummary | undefined;
    if (campaignId) {
      campaign = this.#options.campaigns.get(campaignId);
      if (campaign.teamId !== teamId) campaign = this.#options.campaigns.share(campaignId, teamId);
    }
    const local = this.#options.localSignaling?.() ?? [];
    const signaling = [...new Set([...local, ...team.signaling])].slice(0, 8);
    const mesh = (this.#localMesh?.(teamId) ?? []).slice(0, 8);
    const code = encodeInvite({
      v: 1,
      team: { id: team.id, name: team.name },
      secret,
      signaling,
      ...(team.iceServers.length ? { iceServers: team.iceServers } : {}),
      ...(mesh.length ? { mesh } : {}),
      ...(campaign ? { campaign: { id: campaign.id, name: campaign.name } } : {}),
    });
    return { code, link: `${INVITE_LINK_PREFIX}${code}`, teamName: team.name, campaignName: campaign?.name ?? null };
  }

  update(teamId: string, signaling: string[], iceServers: IceServer[]): TeamView {
    this.get(teamId);
    this.#guard('save the team’s servers', () =>
      this.#sql.update.run(JSON.stringify(signaling), JSON.stringify(iceServers), teamId),
    );
    this.#emit(teamId);
    return this.get(teamId);
  }

  /** Leaves a team: its campaigns stay here, private again; the secret is forgotten. */
  async leave(teamId: string): Promise<{ teamId: string }> {
    this.get(teamId);
    this.#guard('leave the team', () => this.#sql.remove.run(teamId));
    await this.#options.secrets.delete?.(secretKey(teamId));
    this.#emit(teamId);
    return { teamId };
  }

  /** The pre-shared key of the team's AI mesh (derived from its secret; never leaves the main process). */
  async meshKey(teamId: string): Promise<Uint8Array> {
    this.get(teamId);
    return meshPsk(await this.#secret(teamId));
  }

  /** Where invites get this machine's AI-mesh addresses for a team (the mesh starts after the teams). */
  useMeshAddresses(addresses: (teamId: string) => string[]): void {
    this.#localMesh = addresses;
  }

  /** Listens for the mesh addresses invites bring (the inviter's host). Returns the unsubscribe. */
  onMeshAddresses(listener: (teamId: string, addresses: string[]) => void): () => void {
    this.#meshListeners.add(listener);
    return () => this.#meshListeners.delete(listener);
  }

  /** The room a shared campaign syncs in, or null for a private campaign. */
  async room(campaignId: string): Promise<RoomConfig | null> {
    const campaign = this.#options.campaigns.get(campaignId);
    if (!campaign.teamId || campaign.trashedAt !== null) return null;
    const team = this.get(campaign.teamId);
    const secret = await this.#secret(team.id);
    return {
      campaignId,
      teamId: team.id,
      teamName: team.name,
      roomName: roomName(secret, campaignId),
      password: roomPassword(secret, campaignId),
      keyId: team.keyId,
      lobby: lobbyTopic(team.id),
      signaling: team.signaling,
      iceServers: team.iceServers,
    };
  }

  /** Listens to team changes. Returns the unsubscribe function. */
  onChanged(listener: (teamId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#listeners.clear();
    this.#meshListeners.clear();
  }

  #save(id: string, name: string, secret: string, signaling: string[], ice: IceServer[]): TeamView {
    this.#guard('save the team', () =>
      this.#sql.upsert.run(id, name, this.#now(), JSON.stringify(signaling), JSON.stringify(ice), keyId(secret)),
    );
    this.#emit(id);
    return this.get(id);
  }

  async #secret(teamId: string): Promise<string> {
    const secret = await this.#options.secrets.get(secretKey(teamId));
    if (!secret) {
      throw new MailyError(
        ErrorCode.Corrupt,
        'The secret of this team is missing from this device’s keychain. Join the team again from an invite.',
      );
    }
    return secret;
  }

  #emit(teamId: string): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(teamId);
      } catch {
        // A listener is a window being told to refresh; the change itself is saved.
      }
    }
  }

  #guard<T>(action: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storageError(error, action);
    }
  }
}
