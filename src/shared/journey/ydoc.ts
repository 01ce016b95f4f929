import * as Y from 'yjs';
import { z } from 'zod';
import { resolveHandles, type ConnectionAttempt, type ConnectionCheck } from './connections';
import { defaultNodeData, isNodeKind, nodeDataSchemas, type NodeKind } from './kinds';
import type { Journey, JourneyEdge, JourneyNode, XY } from './model';

/**
 * The journey inside a campaign's Y.Doc, and every read and write of it.
 *
 * Layout (other top-level maps, e.g. email bodies, live beside these two):
 * - `nodes`: nodeId → Y.Map { kind, x, y, data: Y.Map<field → plain JSON value> }
 * - `edges`: edgeId → Y.Map { source, sourceHandle, target, targetHandle }
 *
 * Anything in the document may come from a peer, so reads never trust it. Every write
 * is one `doc.transact(…, origin)`: pass the editor's own origin so its
 * {@link createUndoManager} undoes exactly its own changes. The incremental reader for
 * live views is in `ydocReader.ts`.
 *
 * Past the usual size on purpose: this is the only code that writes the layout, so a
 * change of layout is a change of this file (and the reader) alone.
 */

export const NODES_KEY = 'nodes';
export const EDGES_KEY = 'edges';

/** The map of nodes; values are untrusted (a peer may have written anything). */
export function nodesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(NODES_KEY);
}

/** The map of edges; values are untrusted. */
export function edgesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EDGES_KEY);
}

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random url-safe id (16 characters, 96 bits). */
export function newId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) id += idAlphabet[byte & 63];
  return id;
}

// ---------------------------------------------------------------- reading

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function readData(value: unknown): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (!(value instanceof Y.Map)) return data;
  value.forEach((field: unknown, key: string) => {
    // A peer-chosen "__proto__" key would replace the object's prototype.
    if (key === '__proto__') return;
    data[key] = field instanceof Y.AbstractType ? field.toJSON() : field;
  });
  return data;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const where = issue.path.map(String).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  return parts.join('; ');
}

/** One node from its raw map entry; null for what is not a node of a known kind. */
export function readNode(id: string, value: unknown): JourneyNode | null {
  if (!(value instanceof Y.Map)) return null;
  const kind: unknown = value.get('kind');
  if (!isNodeKind(kind)) return null;
  const position = { x: finite(value.get('x')), y: finite(value.get('y')) };
  const raw = readData(value.get('data'));
  // The data is kept as the doc holds it (fields a newer version added survive a copy).
  const parsed = nodeDataSchemas[kind].safeParse(raw);
  if (parsed.success) return { id, kind, position, data: raw };
  return { id, kind, position, data: raw, problem: describeIssues(parsed.error.issues) };
}

/** One edge from its raw map entry; null unless all four ends are strings. */
export function readEdge(id: string, value: unknown): JourneyEdge | null {
  if (!(value instanceof Y.Map)) return null;
  const source: unknown = value.get('source');
  const sourceHandle: unknown = value.get('sourceHandle');
  const target: unknown = value.get('target');
  const targetHandle: unknown = value.get('targetHandle');
  if (typeof source !== 'string' || typeof target !== 'string') return null;
  if (typeof sourceHandle !== 'string' || typeof targetHandle !== 'string') return null;
  return { id, source, sourceHandle, target, targetHandle };
}

/**
 * The whole journey as plain data. Never throws: entries that are not nodes of a known
 * kind are skipped, damaged data is kept with `problem` set, non-finite positions read
 * as 0. Edges are kept even when a node they name is gone, so validation can report
 * them. Treat the result as immutable: its values may share objects with the doc.
 */
export function readJourney(doc: Y.Doc): Journey {
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  nodesMap(doc).forEach((value, id) => {
    const node = readNode(id, value);
    if (node) nodes.push(node);
  });
  edgesMap(doc).forEach((value, id) => {
    const edge = readEdge(id, value);
    if (edge) edges.push(edge);
  });
  return { nodes, edges };
}

// ---------------------------------------------------------------- writing

/** Where one node goes. */
export interface NodePosition extends XY {
  id: string;
}

/** A deep copy as plain JSON, so later mutation by the caller cannot reach the doc. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

function nodeEntry(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = nodesMap(doc).get(id);
  return value instanceof Y.Map ? value : null;
}

function writeField(data: Y.Map<unknown>, key: string, value: unknown): void {
  if (key === '__proto__') return;
  if (value === undefined) {
    if (data.has(key)) data.delete(key);
    return;
  }
  const next = plain(value);
  if (JSON.stringify(data.get(key)) !== JSON.stringify(next)) data.set(key, next);
}

function writeNode(doc: Y.Doc, node: JourneyNode): void {
  const entry = new Y.Map<unknown>();
  nodesMap(doc).set(node.id, entry);
  entry.set('kind', node.kind);
  entry.set('x', finite(node.position.x));
  entry.set('y', finite(node.position.y));
  const data = new Y.Map<unknown>();
  entry.set('data', data);
  for (const [key, value] of Object.entries(node.data)) writeField(data, key, value);
}

function writeEdge(doc: Y.Doc, edge: JourneyEdge): void {
  const entry = new Y.Map<unknown>();
  edgesMap(doc).set(edge.id, entry);
  entry.set('source', edge.source);
  entry.set('sourceHandle', edge.sourceHandle);
  entry.set('target', edge.target);
  entry.set('targetHandle', edge.targetHandle);
}

/** Adds a node of `kind` at `position` (data defaults to the kind's defaults); returns its id. */
export function addNode(
  doc: Y.Doc,
  kind: NodeKind,
  position: XY,
  data?: Record<string, unknown>,
  origin?: unknown,
): string {
  const node: JourneyNode = { id: newId(), kind, position, data: data ?? defaultNodeData(kind) };
  doc.transact(() => writeNode(doc, node), origin);
  return node.id;
}

/** The data field that lists a split's paths; each path is one output port. */
const splitPathField: Partial<Record<NodeKind, string>> = { abSplit: 'variants', randomCohort: 'cohorts' };

function pathIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(value)) return ids;
  for (const path of value as unknown[]) {
    const id = (path as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

function removeEdgesFrom(doc: Y.Doc, nodeId: string, handles: Set<string>): void {
  const edges = edgesMap(doc);
  const doomed: string[] = [];
  edges.forEach((value, id) => {
    const edge = readEdge(id, value);
    if (edge?.source === nodeId && handles.has(edge.sourceHandle)) doomed.push(id);
  });
  for (const id of doomed) edges.delete(id);
}

/**
 * Writes `patch` into a node's data: each key replaces that field, `undefined` deletes
 * it. When a split loses a path (an A/B variant or a cohort), the edges leaving that
 * path's output are removed in the same transaction. False when the node is gone.
 */
export function updateNodeData(doc: Y.Doc, id: string, patch: Record<string, unknown>, origin?: unknown): boolean {
  const node = nodeEntry(doc, id);
  if (!node) return false;
  doc.transact(() => {
    let data = node.get('data');
    if (!(data instanceof Y.Map)) node.set('data', (data = new Y.Map<unknown>()));
    const fields = data as Y.Map<unknown>;
    const kind = node.get('kind');
    const pathField = isNodeKind(kind) ? splitPathField[kind] : undefined;
    const before = pathField && Object.hasOwn(patch, pathField) ? pathIds(fields.get(pathField)) : null;
    for (const [key, value] of Object.entries(patch)) writeField(fields, key, value);
    if (!before || !pathField) return;
    const after = pathIds(fields.get(pathField));
    const removed = new Set([...before].filter((handle) => !after.has(handle)));
    if (removed.size > 0) removeEdgesFrom(doc, id, removed);
  }, origin);
  return true;
}

/** Moves nodes, in one transaction; unknown ids and non-finite numbers are ignored. */
export function moveNodes(doc: Y.Doc, moves: readonly NodePosition[], origin?: unknown): void {
  doc.transact(() => {
    for (const { id, x, y } of moves) {
      const node = nodeEntry(doc, id);
      if (!node || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (node.get('x') !== x) node.set('x', x);
      if (node.get('y') !== y) node.set('y', y);
    }
  }, origin);
}

/** Writes the result of an auto-layout: one transaction, so one undo step. */
export function applyLayout(doc: Y.Doc, positions: readonly NodePosition[], origin?: unknown): void {
  moveNodes(doc, positions, origin);
}

/** Removes nodes (with every edge touching them) and edges, in one transaction. */
export function removeElements(
  doc: Y.Doc,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string>,
  origin?: unknown,
): void {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const nodes = nodesMap(doc);
  const edges = edgesMap(doc);
  const doomed: string[] = [];
  edges.forEach((value, id) => {
    const edge = readEdge(id, value);
    if (goneEdges.has(id) || (edge && (goneNodes.has(edge.source) || goneNodes.has(edge.target)))) doomed.push(id);
  });
  const nodesToGo = [...goneNodes].filter((id) => nodes.has(id));
  if (doomed.length === 0 && nodesToGo.length === 0) return;
  doc.transact(() => {
    for (const id of doomed) edges.delete(id);
    for (const id of nodesToGo) nodes.delete(id);
  }, origin);
}

/** The outcome of a connection write: the refusal, or the id of the edge written. */
export type EdgeWrite = { ok: true; id: string | null } | Extract<ConnectionCheck, { ok: false }>;

/**
 * Connects two ports if the connection rules allow it (see `checkConnection`); writes
 * nothing otherwise. Pass `journey` when a fresh read is at hand (a canvas has one).
 */
export function addEdge(doc: Y.Doc, attempt: ConnectionAttempt, origin?: unknown, journey?: Journey): EdgeWrite {
  const resolved = resolveHandles(journey ?? readJourney(doc), attempt);
  if (!resolved.ok) return resolved;
  const edge = { id: newId(), ...resolved.edge };
  doc.transact(() => writeEdge(doc, edge), origin);
  return { ok: true, id: edge.id };
}

/**
 * Points one output at `target` (or at nothing, with null), replacing the edge that
 * leaves it, under the same rules as {@link addEdge}. The accessible way to connect.
 */
export function setPortTarget(
  doc: Y.Doc,
  port: { source: string; sourceHandle: string },
  target: string | null,
  origin?: unknown,
  journey?: Journey,
): EdgeWrite {
  const current = journey ?? readJourney(doc);
  const leaving = current.edges.filter((e) => e.source === port.source && e.sourceHandle === port.sourceHandle);
  if (leaving.length === 1 && leaving[0].target === target) return { ok: true, id: leaving[0].id };
  if (target === null) {
    const ids = leaving.map((e) => e.id);
    removeElements(doc, [], ids, origin);
    return { ok: true, id: null };
  }
  const others = current.edges.filter((e) => !leaving.includes(e));
  const resolved = resolveHandles({ nodes: current.nodes, edges: others }, { ...port, target, targetHandle: null });
  if (!resolved.ok) return resolved;
  const edge = { id: newId(), ...resolved.edge };
  doc.transact(() => {
    for (const old of leaving) edgesMap(doc).delete(old.id);
    writeEdge(doc, edge);
  }, origin);
  return { ok: true, id: edge.id };
}

// ---------------------------------------------------------------- clipboard

export const FRAGMENT_FORMAT = 'maily.journey-fragment';

const fragmentNode = z.object({
  id: z.string().max(200),
  kind: z.string().max(100),
  position: z.object({ x: z.number(), y: z.number() }),
  data: z.record(z.string(), z.unknown()),
});
const fragmentEdge = z.object({
  source: z.string(),
  sourceHandle: z.string(),
  target: z.string(),
  targetHandle: z.string(),
});
const fragmentSchema = z.object({
  format: z.literal(FRAGMENT_FORMAT),
  version: z.literal(1),
  nodes: z.array(fragmentNode).max(5000),
  edges: z.array(fragmentEdge).max(20_000),
});

/** The ids of what a paste wrote. */
export interface PastedIds {
  nodeIds: string[];
  edgeIds: string[];
}

/** Copied nodes and the edges among them, as plain JSON (it goes through the clipboard). */
export type JourneyFragment = z.infer<typeof fragmentSchema>;

/** The fragment in `value`, or null when it is not one (clipboard content is untrusted). */
export function parseFragment(value: unknown): JourneyFragment | null {
  const parsed = fragmentSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Copies the given nodes and the edges between them. Unknown ids are skipped. */
export function copyFragment(doc: Y.Doc, nodeIds: Iterable<string>): JourneyFragment {
  const nodes: JourneyFragment['nodes'] = [];
  for (const id of new Set(nodeIds)) {
    const node = readNode(id, nodesMap(doc).get(id));
    if (node)
      nodes.push(
        plain({ id, kind: node.kind, position: node.position, data: node.data }) as z.infer<typeof fragmentNode>,
      );
  }
  const inside = new Set(nodes.map((n) => n.id));
  const edges: JourneyFragment['edges'] = [];
  edgesMap(doc).forEach((value, id) => {
    const edge = readEdge(id, value);
    if (!edge || !inside.has(edge.source) || !inside.has(edge.target)) return;
    const { source, sourceHandle, target, targetHandle } = edge;
    edges.push({ source, sourceHandle, target, targetHandle });
  });
  return { format: FRAGMENT_FORMAT, version: 1, nodes, edges };
}

/**
 * Pastes a fragment with fresh ids, moved by `offset`, in one transaction. Nodes of
 * unknown kinds are skipped; edges are remapped and must pass the connection rules
 * among the pasted nodes. Returns the new ids (empty when `fragment` is not one).
 */
export function pasteFragment(doc: Y.Doc, fragment: unknown, offset: XY, origin?: unknown): PastedIds {
  const parsed = parseFragment(fragment);
  if (!parsed) return { nodeIds: [], edgeIds: [] };
  const ids = new Map<string, string>();
  const pasted: Journey = { nodes: [], edges: [] };
  for (const node of parsed.nodes) {
    if (!isNodeKind(node.kind) || ids.has(node.id)) continue;
    const id = newId();
    ids.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    pasted.nodes.push({ id, kind: node.kind, position, data: node.data });
  }
  for (const edge of parsed.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (!source || !target) continue;
    const resolved = resolveHandles(pasted, { ...edge, source, target });
    if (resolved.ok) pasted.edges.push({ id: newId(), ...resolved.edge });
  }
  if (pasted.nodes.length > 0) {
    doc.transact(() => {
      for (const node of pasted.nodes) writeNode(doc, node);
      for (const edge of pasted.edges) writeEdge(doc, edge);
    }, origin);
  }
  return { nodeIds: pasted.nodes.map((n) => n.id), edgeIds: pasted.edges.map((e) => e.id) };
}

// ---------------------------------------------------------------- undo

/**
 * An undo manager over the journey that tracks only transactions made with `origin`,
 * so it never undoes a peer's (or the host's) changes. Edits within `captureTimeout`
 * ms merge into one step (typing a word is one undo). Call `destroy()` when done.
 */
export function createUndoManager(doc: Y.Doc, origin: unknown, captureTimeout = 500): Y.UndoManager {
  return new Y.UndoManager([nodesMap(doc), edgesMap(doc)], { trackedOrigins: new Set([origin]), captureTimeout });
}
