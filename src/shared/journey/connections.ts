import type { Port } from './kinds';
import { findPort, nodeName, portName, safePorts } from './journeyIndex';
import type { Journey, JourneyEdge, JourneyNode } from './model';

/**
 * The rules for drawing a connection on the canvas. The canvas asks while the designer
 * drags (React Flow's `isValidConnection`) and again before it writes the edge, so a
 * refusal carries a sentence the canvas can show as it is. Loops are allowed here: a
 * loop through a Delay is a legal journey, and one without is reported by validation.
 */

/** Numbered catalogue of refusals, in the order the rules are checked. */
export const ConnectionRefusalCode = {
  /** The node the connection starts from is not in the journey (deleted meanwhile). */
  SourceMissing: 'connection001',
  /** The node the connection ends at is not in the journey. */
  TargetMissing: 'connection002',
  /** One end is a Note; notes are annotations, not steps. */
  NoteNotInFlow: 'connection003',
  /** Both ends are the same node. */
  SelfConnection: 'connection004',
  /** The target is an Entry, which only ever starts contacts off. */
  EntryHasNoInput: 'connection005',
  /** The source is a Goal / Exit, which ends the journey. */
  EndHasNoOutput: 'connection006',
  /** The source handle is not one of the source's outputs, or is ambiguous. */
  UnknownSourceHandle: 'connection007',
  /** The target handle is not one of the target's inputs, or is ambiguous. */
  UnknownTargetHandle: 'connection008',
  /** The output and the input carry different things. */
  PortTypeMismatch: 'connection009',
  /** The exact same connection already exists. */
  DuplicateEdge: 'connection010',
  /** The output already leads to another step; an output feeds one next step. */
  OutputInUse: 'connection011',
} as const;

export type ConnectionRefusalCode = (typeof ConnectionRefusalCode)[keyof typeof ConnectionRefusalCode];

/** What React Flow reports when the designer drops a connection. */
export interface ConnectionAttempt {
  source: string;
  sourceHandle: string | null;
  target: string;
  targetHandle: string | null;
}

/** Why a connection is refused: a code, and one sentence for the designer. */
export type ConnectionRefusal = { code: ConnectionRefusalCode; reason: string };

export type ConnectionCheck = { ok: true } | ({ ok: false } & ConnectionRefusal);

/** The fields of the edge to write: the attempt with its handles resolved. */
export type ResolvedConnection = Omit<JourneyEdge, 'id'>;

export type ConnectionResolution = { ok: true; edge: ResolvedConnection } | ({ ok: false } & ConnectionRefusal);

type Refused = { ok: false } & ConnectionRefusal;

const C = ConnectionRefusalCode;

function refuse(code: ConnectionRefusalCode, reason: string): Refused {
  return { ok: false, code, reason };
}

/** Whether the designer may draw this connection; see {@link resolveHandles}. */
export function checkConnection(journey: Journey, attempt: ConnectionAttempt): ConnectionCheck {
  const resolved = resolveHandles(journey, attempt);
  return resolved.ok ? { ok: true } : resolved;
}

/**
 * Applies every connection rule and, when the connection is allowed, returns the edge
 * fields to write. A `null` handle is resolved when the node has exactly one port on
 * that side, so the stored edge always names both ports.
 */
export function resolveHandles(journey: Journey, attempt: ConnectionAttempt): ConnectionResolution {
  const source = journey.nodes.find((node) => node.id === attempt.source);
  if (!source)
    return refuse(C.SourceMissing, 'The step you started from no longer exists; it may have just been deleted.');
  const target = journey.nodes.find((node) => node.id === attempt.target);
  if (!target)
    return refuse(C.TargetMissing, 'The step you dropped on no longer exists; it may have just been deleted.');
  const byKind = checkKinds(source, target);
  if (byKind) return byKind;
  const out = pickPort(safePorts(source).outputs, attempt.sourceHandle);
  if (!out.port) return refuse(C.UnknownSourceHandle, handleReason(source, 'output', out));
  const into = pickPort(safePorts(target).inputs, attempt.targetHandle);
  if (!into.port) return refuse(C.UnknownTargetHandle, handleReason(target, 'input', into));
  if (out.port.type !== into.port.type) {
    const reason = `The ${portName(out.port)} output carries ${out.port.type} but the input of ${nodeName(target)} takes ${into.port.type}.`;
    return refuse(C.PortTypeMismatch, reason);
  }
  const edge = { source: source.id, sourceHandle: out.port.id, target: target.id, targetHandle: into.port.id };
  return checkExisting(journey, edge, out.port) ?? { ok: true, edge };
}

function checkKinds(source: JourneyNode, target: JourneyNode): Refused | null {
  if (source.kind === 'note' || target.kind === 'note') {
    return refuse(
      C.NoteNotInFlow,
      'Notes are not part of the flow, so they cannot be connected; connect the steps themselves.',
    );
  }
  if (source.id === target.id) {
    return refuse(C.SelfConnection, 'A step cannot lead to itself; to repeat it, go through a Delay and back.');
  }
  if (target.kind === 'entry') {
    return refuse(
      C.EntryHasNoInput,
      'An Entry cannot receive contacts, it only starts them off; connect to a later step.',
    );
  }
  if (source.kind === 'goal') {
    return refuse(
      C.EndHasNoOutput,
      'A Goal / Exit ends the journey, so it has no next step; connect from the step before it.',
    );
  }
  return null;
}

type PortChoice = { port: Port; problem?: undefined } | { port?: undefined; problem: 'none' | 'ambiguous' | 'unknown' };

function pickPort(ports: Port[], handle: string | null | undefined): PortChoice {
  if (ports.length === 0) return { problem: 'none' };
  if (handle === null || handle === undefined)
    return ports.length === 1 ? { port: ports[0] } : { problem: 'ambiguous' };
  const port = findPort(ports, handle);
  return port ? { port } : { problem: 'unknown' };
}

function handleReason(node: JourneyNode, side: 'output' | 'input', pick: PortChoice): string {
  const choices = (side === 'output' ? safePorts(node).outputs : safePorts(node).inputs).map(portName).join(', ');
  const name = nodeName(node);
  if (pick.problem === 'none') return `${name} has no ${side}s, so it cannot be connected this way.`;
  if (pick.problem === 'ambiguous') return `${name} has several ${side}s; use one of them: ${choices}.`;
  return `${name} has no such ${side} (it may have been removed); use one of: ${choices}.`;
}

function checkExisting(journey: Journey, edge: ResolvedConnection, out: Port): Refused | null {
  let next: JourneyNode | undefined;
  for (const e of journey.edges) {
    if (e.source !== edge.source || e.sourceHandle !== edge.sourceHandle) continue;
    if (e.target === edge.target && e.targetHandle === edge.targetHandle) {
      return refuse(C.DuplicateEdge, 'These two steps are already connected this way.');
    }
    // An edge whose target is gone is invisible on the canvas, so it must not block the
    // port; validation reports it as dangling so it can be cleaned up.
    next ??= journey.nodes.find((node) => node.id === e.target);
  }
  if (!next) return null;
  const reason = `The ${portName(out)} output already leads to ${nodeName(next)}; delete that connection first.`;
  return refuse(C.OutputInUse, reason);
}
