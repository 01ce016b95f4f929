import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { MemorySecretStore } from '../../../../../src/main/services/mail/SecretStore';
import { decodeInvite, encodeInvite } from '../../../../../src/main/services/teams/inviteCode';
import { TeamService } from '../../../../../src/main/services/teams/TeamService';
import { lobbyTopic, roomName, roomPassword } from '../../../../../src/main/services/teams/roomKeys';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import { tempWorkspace, type TempWorkspace } from '../helpers';

/** The catalogue code of what `promise` rejected with. */
async function failure(promise: Promise<unknown>): Promise<MailyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailyError);
  return error as MailyError;
}

/** Two devices: each its own database, secret store and services. */
function device(ws: TempWorkspace, name: string) {
  const db = ws.open();
  void name;
  const campaigns = new CampaignService(db);
  const secrets = new MemorySecretStore();
  const teams = new TeamService(db, { secrets, campaigns, localSignaling: () => ['ws://127.0.0.1:4444'] });
  return { db, campaigns, secrets, teams };
}

let a: TempWorkspace;
let b: TempWorkspace;
beforeEach(() => {
  a = tempWorkspace();
  b = tempWorkspace();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

describe('TeamService', () => {
  it('creates a team whose secret is only in the secret store, never in the database', async () => {
    const one = device(a, 'a');
    const team = await one.teams.create('Growth');
    expect(team).toMatchObject({ name: 'Growth', signaling: ['ws://127.0.0.1:4444'], iceServers: [] });
    const secret = await one.secrets.get(`team:${team.id}`);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify(one.db.sqlite.prepare('SELECT * FROM teams').all());
    expect(dump).not.toContain(secret!);
  });

  it('joins from an invite: same team, same campaign id, same room on both devices', async () => {
    const one = device(a, 'a');
    const two = device(b, 'b');
    const team = await one.teams.create('Growth');
    const campaign = one.campaigns.create('Welcome');
    const invite = await one.teams.invite(team.id, campaign.id);
    expect(invite.link.startsWith('maily://join#maily-invite:')).toBe(true);
    expect(one.campaigns.get(campaign.id).teamId).toBe(team.id);

    const joined = await two.teams.join(invite.link);
    expect(joined.team).toMatchObject({ id: team.id, name: 'Growth', keyId: team.keyId });
    expect(joined.campaign).toMatchObject({ id: campaign.id, name: 'Welcome', teamId: team.id });
    const roomA = await one.teams.room(campaign.id);
    const roomB = await two.teams.room(campaign.id);
    expect(roomB).toEqual(roomA);
    expect(roomA!.roomName).not.toContain(campaign.id);
    expect(roomA!.lobby).toBe(lobbyTopic(team.id));
  });

  it('derives different rooms and passwords per campaign and per secret', () => {
    const s1 = Buffer.alloc(32, 1).toString('base64url');
    const s2 = Buffer.alloc(32, 2).toString('base64url');
    expect(roomName(s1, 'c1')).not.toBe(roomName(s1, 'c2'));
    expect(roomName(s1, 'c1')).not.toBe(roomName(s2, 'c1'));
    expect(roomPassword(s1, 'c1')).not.toBe(roomPassword(s2, 'c1'));
    expect(roomName(s1, 'c1')).toBe(roomName(s1, 'c1'));
  });

  it('keeps local work when joining again, and takes a newer secret', async () => {
    const one = device(a, 'a');
    const two = device(b, 'b');
    const team = await one.teams.create('Growth');
    const campaign = one.campaigns.create('Welcome');
    const invite = await one.teams.invite(team.id, campaign.id);
    await two.teams.join(invite.code);
    two.campaigns.rename(campaign.id, 'Welcome (mine)');
    await two.teams.join(invite.code);
    expect(two.campaigns.get(campaign.id).name).toBe('Welcome (mine)');

    const payload = decodeInvite(invite.code);
    const rotated = encodeInvite({ ...payload, secret: Buffer.alloc(32, 9).toString('base64url') });
    const rejoined = await two.teams.join(rotated);
    expect(rejoined.team.keyId).not.toBe(team.keyId);
  });

  it('refuses damaged invites with a clear message', async () => {
    const two = device(b, 'b');
    const bad = ['hello', 'maily-invite:%%%', 'maily-invite:AAAA', `maily-invite:${'x'.repeat(3000)}`];
    bad.push(`maily-invite:${Buffer.from(JSON.stringify({ v: 2 })).toString('base64url')}`);
    for (const text of bad) {
      const error = await failure(two.teams.join(text));
      expect(error.code).toBe(ErrorCode.InvalidInput);
      expect(error.message).toMatch(/not a valid Maily invite/);
    }
    expect(two.teams.list()).toEqual([]);
  });

  it('has no room for a private campaign, and leaving makes shared ones private', async () => {
    const one = device(a, 'a');
    const team = await one.teams.create('Growth');
    const campaign = one.campaigns.create('Welcome');
    expect(await one.teams.room(campaign.id)).toBeNull();
    one.campaigns.share(campaign.id, team.id);
    expect(await one.teams.room(campaign.id)).not.toBeNull();
    await one.teams.leave(team.id);
    expect(one.campaigns.get(campaign.id).teamId).toBeNull();
    expect(await one.secrets.get(`team:${team.id}`)).toBeNull();
    expect((await failure(one.teams.invite(team.id))).code).toBe(ErrorCode.NotFound);
  });
});
