import {
  defaultNodeData,
  isNodeKind,
  portsOf,
  type NodeDataOf,
  type NodeKind,
} from '../../../../src/shared/journey/kinds';
import type { Journey, JourneyEdge, JourneyNode } from '../../../../src/shared/journey/model';
import type { Problem } from '../../../../src/shared/journey/validate';

/** Builders for small journeys, so each test shows only what it is about. */

/** A node of `kind` with its default data, overridden by `data`. */
export function node<K extends NodeKind>(id: string, kind: K, data: Partial<NodeDataOf<K>> = {}): JourneyNode {
  return { id, kind, position: { x: 0, y: 0 }, data: { ...defaultNodeData(kind), ...data } };
}

/** An email that passes every email check. */
export function email(id: string): JourneyNode {
  return node(id, 'email', { subject: 'Hello', senderName: 'Maily', senderEmail: 'hi@maily.test' });
}

/** An edge from `source`'s `sourceHandle` to `target`'s input. Id defaults to `source-handle-target`. */
export function edge(
  source: string,
  sourceHandle: string,
  target: string,
  targetHandle = 'in',
  id?: string,
): JourneyEdge {
  return { id: id ?? `${source}-${sourceHandle}-${target}`, source, sourceHandle, target, targetHandle };
}

/** entry → mail → goal: a journey with no problems. */
export function simpleJourney(): Journey {
  return {
    nodes: [node('entry', 'entry'), email('mail'), node('goal', 'goal')],
    edges: [edge('entry', 'out', 'mail'), edge('mail', 'out', 'goal')],
  };
}

/** The problems with `code`. */
export function withCode(problems: Problem[], code: Problem['code']): Problem[] {
  return problems.filter((p) => p.code === code);
}

/** entry → `step` → goal, with every output of `step` connected to the goal. */
export function flowThrough(step: JourneyNode): Journey {
  const outputs = isNodeKind(step.kind) ? portsOf(step.kind, step.data).outputs : [];
  const handles = [...new Set(outputs.map((port) => port.id))];
  return {
    nodes: [node('entry', 'entry'), step, node('goal', 'goal')],
    edges: [edge('entry', 'out', step.id), ...handles.map((handle) => edge(step.id, handle, 'goal'))],
  };
}
