import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Everything a peer derives from a team secret. HKDF-SHA256 with a distinct salt per
 * purpose, so no derived value reveals another or the secret: a signaling server sees
 * the room name (an opaque topic) but can neither link it to a campaign nor read the
 * signals, which y-webrtc encrypts with the room password.
 */

/** A new team secret: 32 random bytes, base64url (43 characters). */
export function newTeamSecret(): string {
  return randomBytes(32).toString('base64url');
}

function derive(secret: string, purpose: string, info: string, bytes: number): string {
  const key = Buffer.from(secret, 'base64url');
  return Buffer.from(hkdfSync('sha256', key, `maily/${purpose}/v1`, info, bytes)).toString('base64url');
}

/** The y-webrtc room a shared campaign syncs in. */
export function roomName(secret: string, campaignId: string): string {
  return `maily-${derive(secret, 'room', campaignId, 24)}`;
}

/** The y-webrtc password of that room (it encrypts every signaling message). */
export function roomPassword(secret: string, campaignId: string): string {
  return derive(secret, 'room-password', campaignId, 32);
}

/**
 * A short public fingerprint of the secret. Devices announce it in the team lobby, so a
 * device with a stale or mistyped invite learns that its secret differs, without anyone
 * learning the secret.
 */
export function keyId(secret: string): string {
  return derive(secret, 'key-id', '', 6);
}

/**
 * The lobby topic of a team: from the team id alone (not the secret), so devices whose
 * secrets differ still meet there and can say so.
 */
export function lobbyTopic(teamId: string): string {
  return `maily-lobby-${createHash('sha256').update(`maily/lobby/v1:${teamId}`).digest('base64url').slice(0, 32)}`;
}

/**
 * The pre-shared key of the team's AI mesh (a libp2p private network): 32 bytes derived
 * from the secret, in libp2p's PSK file format. A machine without the secret cannot
 * finish even the first handshake with a teammate's host.
 */
export function meshPsk(secret: string): Uint8Array {
  const hex = Buffer.from(derive(secret, 'mesh-psk', '', 32), 'base64url').toString('hex');
  return new TextEncoder().encode(`/key/swarm/psk/1.0.0/\n/base16/\n${hex}`);
}
