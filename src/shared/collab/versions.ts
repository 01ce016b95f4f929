/** Named versions of a campaign and the difference between two of them. */

export interface VersionSummary {
  id: string;
  campaignId: string;
  name: string;
  createdAt: number;
  /** The designer who named it (their profile name). */
  author: string;
  /** True for the versions Maily names itself (e.g. before a restore). */
  automatic: boolean;
}

/** `current` is the campaign as it is now. */
export type VersionRef = string;
export const CURRENT_VERSION = 'current';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  id: string;
  /** What a designer calls it: the node's label or kind, "Entry → Email" for an edge. */
  label: string;
  kind: string;
  changes: FieldChange[];
}

export interface ItemRef {
  id: string;
  label: string;
  kind: string;
}

export interface EmailChange {
  emailId: string;
  label: string;
  /** Subject, preheader and sender fields that differ. */
  fields: FieldChange[];
  blocksAdded: number;
  blocksRemoved: number;
  blocksChanged: number;
}

/** What changed going from `from` to `to`. */
export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  nodes: { added: ItemRef[]; removed: ItemRef[]; changed: ItemChange[] };
  edges: { added: ItemRef[]; removed: ItemRef[]; changed: ItemChange[] };
  emails: EmailChange[];
  /** The simulator's sample contacts; optional so an older host's answer still fits. */
  contacts?: { added: ItemRef[]; removed: ItemRef[]; changed: ItemRef[] };
  /** True when nothing differs. */
  same: boolean;
}
