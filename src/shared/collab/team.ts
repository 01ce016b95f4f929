import { z } from 'zod';

/**
 * Teams, invites and the rooms a shared campaign syncs in. A team is a name and a
 * 32-byte secret; every room name and password is derived from that secret and the
 * campaign id (see `src/main/services/teams/roomKeys.ts`), so a signaling server sees
 * only opaque topics and encrypted signals.
 */

/** Most signaling addresses a team may list. */
export const MAX_SIGNALING_URLS = 8;
/** Most ICE servers a team may list. */
export const MAX_ICE_SERVERS = 8;

const wsUrl = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Use a ws:// or wss:// address, such as ws://192.168.1.20:4444');

const iceUrl = z
  .string()
  .trim()
  .max(300)
  .regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'Use a stun:, stuns:, turn: or turns: address');

/** One STUN/TURN server, in the shape RTCPeerConnection takes. */
export const iceServerSchema = z.object({
  urls: z.union([iceUrl, z.array(iceUrl).min(1).max(4)]),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const signalingListSchema = z
  .array(wsUrl)
  .max(MAX_SIGNALING_URLS, `List at most ${MAX_SIGNALING_URLS} addresses`);
export const iceListSchema = z.array(iceServerSchema).max(MAX_ICE_SERVERS, `List at most ${MAX_ICE_SERVERS} servers`);

export const teamName = z.string().trim().min(1, 'Give the team a name').max(80, 'Use at most 80 characters');

/** A team as the renderer sees it: never the secret. */
export interface TeamView {
  id: string;
  name: string;
  createdAt: number;
  /** Signaling servers the team's rooms use, in order. */
  signaling: string[];
  /** STUN/TURN servers; empty on a LAN. */
  iceServers: IceServer[];
  /** A short public fingerprint of the secret: two devices with the same one share the secret. */
  keyId: string;
}

/** Prefix of an invite code; the rest is base64url JSON of {@link InvitePayload}. */
export const INVITE_PREFIX = 'maily-invite:';
/** Longest invite code accepted (a QR code holds about 2,900 bytes). */
export const MAX_INVITE_LENGTH = 2_800;

const teamId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid team id');
const campaignId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid campaign id');

/** What an invite carries: enough to join the team's rooms, and optionally one campaign. */
export const invitePayloadSchema = z.object({
  v: z.literal(1),
  team: z.object({ id: teamId, name: teamName }),
  /** The team secret, base64url of 32 bytes. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'The team secret in this invite is damaged'),
  signaling: signalingListSchema,
  iceServers: iceListSchema.optional(),
  /** The inviter's AI-mesh addresses (libp2p multiaddrs), dialled on joining. */
  mesh: z
    .array(
      z
        .string()
        .min(1)
        .max(300)
        .regex(/^\/(ip4|ip6|dns4|dns6|dns)\//),
    )
    .max(8)
    .optional(),
  campaign: z.object({ id: campaignId, name: z.string().trim().min(1).max(120) }).optional(),
});
export type InvitePayload = z.infer<typeof invitePayloadSchema>;

/** An invite, ready to share: the code (also the QR content) and a link form of it. */
export interface Invite {
  code: string;
  link: string;
  teamName: string;
  campaignName: string | null;
}

/** Everything the renderer needs to join one campaign's room; secrets are per room only. */
export interface RoomConfig {
  campaignId: string;
  teamId: string;
  teamName: string;
  /** The y-webrtc room (a signaling topic): derived, says nothing about the team or campaign. */
  roomName: string;
  /** y-webrtc's room password: encrypts every signaling message. */
  password: string;
  /** The team's public key fingerprint ({@link TeamView.keyId}). */
  keyId: string;
  /** A topic every device of the team joins to notice teammates whose secret differs. */
  lobby: string;
  signaling: string[];
  iceServers: IceServer[];
}

/** Who this designer is to teammates (presence). */
export const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name teammates see').max(60, 'Use at most 60 characters'),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3366ff'),
});
export type Profile = z.infer<typeof profileSchema>;

/** The built-in signaling server's settings and what it is doing. */
export const signalingSettingsSchema = z.object({
  enabled: z.boolean(),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535),
  /** Address to bind: 0.0.0.0 for the LAN, 127.0.0.1 for this machine only. */
  host: z.string().trim().min(1).max(100),
});
export type SignalingSettings = z.infer<typeof signalingSettingsSchema>;

export interface SignalingStatus extends SignalingSettings {
  state: 'off' | 'starting' | 'running' | 'error';
  /** The port it listens on once running (differs from `port` when that is 0). */
  boundPort: number | null;
  /** Addresses teammates can use, e.g. ws://192.168.1.20:4444. */
  urls: string[];
  clients: number;
  error: string | null;
}
