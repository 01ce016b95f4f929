import type * as Y from 'yjs';
import { kindTitle } from '../journey/journeyIndex';
import type { JourneyEdge, JourneyNode } from '../journey/model';
import { readJourney } from '../journey/ydoc';
import { readSampleContacts } from '../simulator/contactsDoc';
import type { SampleContact } from '../simulator/types';
import { diffEmails } from './emailDiff';
import { sameJson } from './jsonEqual';
import type { FieldChange, ItemChange, ItemRef, VersionDiff, VersionRef } from './versions';

/** Which versions the two documents are, echoed in the diff. */
export interface DiffRefs {
  from: VersionRef;
  to: VersionRef;
}

const MAX_LABEL = 60;
const EDGE_FIELDS = ['source', 'sourceHandle', 'target', 'targetHandle'] as const;

/** What a designer calls a node: its label, or its kind's title when it has none. */
export function nodeLabel(node: JourneyNode): string {
  const raw = node.data.label;
  const label = typeof raw === 'string' ? raw.trim() : '';
  if (!label) return kindTitle(node);
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function edgeLabel(edge: JourneyEdge, nodes: ReadonlyMap<string, JourneyNode>): string {
  const end = (id: string) => {
    const node = nodes.get(id);
    return node ? nodeLabel(node) : 'a missing step';
  };
  return `${end(edge.source)} → ${end(edge.target)}`;
}

function nodeChanges(before: JourneyNode, after: JourneyNode): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, a: unknown, b: unknown) => {
    if (!sameJson(a, b)) changes.push({ field, before: a, after: b });
  };
  add('kind', before.kind, after.kind);
  add('position x', before.position.x, after.position.x);
  add('position y', before.position.y, after.position.y);
  const keys = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
  for (const key of [...keys].sort()) add(key, before.data[key], after.data[key]);
  return changes;
}

interface Sections<T> {
  added: T[];
  removed: T[];
  changed: Array<{ before: T; after: T }>;
}

function compare<T extends { id: string }>(from: ReadonlyMap<string, T>, to: ReadonlyMap<string, T>): Sections<T> {
  const out: Sections<T> = { added: [], removed: [], changed: [] };
  for (const [id, after] of to) {
    const before = from.get(id);
    if (!before) out.added.push(after);
    else if (!sameJson(before, after)) out.changed.push({ before, after });
  }
  for (const [id, before] of from) if (!to.has(id)) out.removed.push(before);
  return out;
}

function contactRef(contact: SampleContact): ItemRef {
  return { id: contact.id, label: contact.name.trim() || 'Unnamed contact', kind: 'contact' };
}

/**
 * What changed going from `from` to `to`: nodes, edges, emails and sample contacts
 * added, removed or changed, each named as the designer knows it. Reads both documents
 * with the app's readers (never trusting them), so what they skip is not compared.
 */
export function diffDocs(from: Y.Doc, to: Y.Doc, refs: DiffRefs = { from: '', to: '' }): VersionDiff {
  const a = readJourney(from);
  const b = readJourney(to);
  const nodesA = byId(a.nodes);
  const nodesB = byId(b.nodes);
  const n = compare(nodesA, nodesB);
  const e = compare(byId(a.edges), byId(b.edges));
  const c = compare(byId(readSampleContacts(from).contacts), byId(readSampleContacts(to).contacts));
  const nodeRef = (node: JourneyNode): ItemRef => ({ id: node.id, label: nodeLabel(node), kind: node.kind });
  const edgeRef = (edge: JourneyEdge, nodes: ReadonlyMap<string, JourneyNode>): ItemRef => ({
    id: edge.id,
    label: edgeLabel(edge, nodes),
    kind: 'edge',
  });
  const nodes = {
    added: n.added.map(nodeRef),
    removed: n.removed.map(nodeRef),
    changed: n.changed.map(({ before, after }): ItemChange => ({
      ...nodeRef(after),
      changes: nodeChanges(before, after),
    })),
  };
  const edges = {
    added: e.added.map((edge) => edgeRef(edge, nodesB)),
    removed: e.removed.map((edge) => edgeRef(edge, nodesA)),
    changed: e.changed.map(({ before, after }): ItemChange => ({
      ...edgeRef(after, nodesB),
      changes: EDGE_FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({
        field: f,
        before: before[f],
        after: after[f],
      })),
    })),
  };
  const emails = diffEmails(from, to, { from: nodesA, to: nodesB }, nodeLabel);
  const contacts = {
    added: c.added.map(contactRef),
    removed: c.removed.map(contactRef),
    changed: c.changed.map(({ after }) => contactRef(after)),
  };
  const counts = [nodes, edges, contacts].flatMap((s) => [s.added.length, s.removed.length, s.changed.length]);
  const same = emails.length === 0 && counts.every((count) => count === 0);
  return { from: refs.from, to: refs.to, nodes, edges, emails, contacts, same };
}
