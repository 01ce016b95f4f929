import type { TeamView } from '../collab/team';

/** Plain, serialisable data that crosses the contract. */

export interface CampaignSummary {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Last change to the name or the journey, milliseconds since the epoch. */
  updatedAt: number;
  /** Set when the campaign is in the trash. */
  trashedAt: number | null;
  /** The team it is shared with (it syncs live with them), or null for a private campaign. */
  teamId: string | null;
}

export interface OpenedDoc {
  campaignId: string;
  /** The whole document as one Yjs update (snapshot plus tail). */
  state: Uint8Array;
  /** True when the campaign could not be fully read; edits are refused. */
  readOnly: boolean;
  /** Why the campaign is read-only, written for the designer. */
  problem: string | null;
  /** Sequence number of the last stored update. */
  seq: number;
}

/** Sent once an update is durably stored: only then does the UI show "saved". */
export interface SavedAck {
  campaignId: string;
  seq: number;
  savedAt: number;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Which host runs the services: the desktop app or `maily serve`. */
  host: 'desktop' | 'headless';
  dataDir: string;
}

export type { RenderedEmail } from '../email/render';
export type { SavedSmtpSettings as SmtpSettingsView, TestSendResult } from '../email/smtp';

/** An image stored with a campaign. */
export interface AssetInfo {
  id: string;
  name: string;
  mime: string;
  bytes: number;
}

/** The outcome of joining a team from an invite. */
export interface TeamJoined {
  team: TeamView;
  /** The campaign the invite shared, now in this workspace, or null. */
  campaign: CampaignSummary | null;
}
