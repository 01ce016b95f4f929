import { adjacencyOf, reachableFrom, stronglyConnected } from './graph';
import { nodeName, outputKey, portName, type JourneyIndex } from './journeyIndex';
import type { Port } from './kinds';
import type { JourneyEdge, JourneyNode } from './model';
import { problem, type Problem } from './problems';

/**
 * Checks of the journey's shape: where contacts can go, where they would get stuck, and
 * edges that no longer lead anywhere. Each is one linear pass over the index.
 */

/** Problems with how the steps of the journey are connected. */
export function checkFlow(index: JourneyIndex): Problem[] {
  const adjacency = adjacencyOf(index.nodes.keys(), index.flowEdges);
  return [
    ...checkReach(index, adjacency),
    ...checkLoops(index, adjacency),
    ...checkOutputs(index),
    ...index.danglingEdges.map((edge) => danglingProblem(index, edge)),
  ];
}

function checkReach(index: JourneyIndex, adjacency: Map<string, string[]>): Problem[] {
  const entries = [...index.nodes.values()].filter((node) => node.kind === 'entry').map((node) => node.id);
  if (entries.length === 0) {
    // Without an Entry every step is unreachable; saying so for each would bury the one fix.
    return [
      problem('noEntry', 'The journey has no Entry, so no contact can start it; add an Entry from the palette.', []),
    ];
  }
  const reached = reachableFrom(adjacency, entries);
  const found: Problem[] = [];
  for (const node of index.nodes.values()) {
    if (reached.has(node.id) || node.kind === 'note') continue;
    const message = `No Entry leads to ${nodeName(node)}, so no contact will get there; connect a step to it or delete it.`;
    found.push(problem('unreachable', message, [node.id]));
  }
  return found;
}

const timingKinds = new Set<string>(['delay', 'waitUntil']);

function checkLoops(index: JourneyIndex, adjacency: Map<string, string[]>): Problem[] {
  const found: Problem[] = [];
  for (const component of stronglyConnected(adjacency)) {
    const [first] = component;
    const isLoop = component.length > 1 || adjacency.get(first)!.includes(first);
    if (!isLoop || component.some((id) => timingKinds.has(index.nodes.get(id)!.kind))) continue;
    const nodeIds = [...component].sort();
    const names = nodeIds.slice(0, 3).map((id) => nodeName(index.nodes.get(id)!));
    const more = nodeIds.length > 3 ? ` and ${nodeIds.length - 3} more` : '';
    const message = `The loop through ${names.join(', ')}${more} has no Delay or Wait until, so contacts would go round it without pause; add a Delay to the loop.`;
    found.push(problem('loopWithoutDelay', message, nodeIds));
  }
  return found;
}

function checkOutputs(index: JourneyIndex): Problem[] {
  const byOutput = new Map<string, JourneyEdge[]>();
  for (const edge of index.flowEdges) {
    const key = outputKey(edge.source, edge.sourceHandle);
    const edges = byOutput.get(key);
    if (edges) edges.push(edge);
    else byOutput.set(key, [edge]);
  }
  const found: Problem[] = [];
  for (const node of index.nodes.values()) {
    const outputs = index.ports.get(node.id)!.outputs;
    const open = outputs.filter((port) => !byOutput.has(outputKey(node.id, port.id)));
    if (open.length > 0) found.push(problem('deadEnd', deadEndMessage(node, outputs, open), [node.id]));
    // uniquePorts: split data with a repeated path id (reported on its own) gives the
    // same output twice, and one fan-out must be reported once.
    for (const port of uniquePorts(outputs)) {
      const edges = byOutput.get(outputKey(node.id, port.id)) ?? [];
      if (edges.length > 1) found.push(fanOutProblem(node, port, edges));
    }
  }
  return found;
}

function uniquePorts(ports: Port[]): Port[] {
  const ids = new Set<string>();
  return ports.filter((port) => !ids.has(port.id) && ids.add(port.id));
}

function deadEndMessage(node: JourneyNode, outputs: Port[], open: Port[]): string {
  const name = nodeName(node);
  if (node.kind === 'entry')
    return `${name} leads nowhere, so contacts that enter go nowhere; connect it to the first step.`;
  if (outputs.length === 1) {
    return `${name} has no next step, so contacts would be stuck there; connect it to a next step or a Goal / Exit.`;
  }
  const paths = open.map(portName).join(', ');
  return `The ${paths} ${open.length === 1 ? 'path' : 'paths'} of ${name} lead nowhere, so contacts would be stuck there; connect ${open.length === 1 ? 'it' : 'each'} to a next step or a Goal / Exit.`;
}

function fanOutProblem(node: JourneyNode, port: Port, edges: JourneyEdge[]): Problem {
  const message = `The ${portName(port)} output of ${nodeName(node)} leads to ${edges.length} steps; an output leads to one, so delete the extra connections.`;
  const nodeIds = [...new Set([node.id, ...edges.map((edge) => edge.target)])];
  return problem('outputFanOut', message, nodeIds, {
    edgeIds: edges.map((edge) => edge.id),
    key: `${node.id}:${port.id}`,
  });
}

function danglingProblem(index: JourneyIndex, edge: JourneyEdge): Problem {
  const source = index.nodes.get(edge.source);
  const target = index.nodes.get(edge.target);
  const nodeIds = [source, target].filter((node) => node !== undefined).map((node) => node.id);
  let why: string;
  if (!source) {
    why = target
      ? `A connection into ${nodeName(target)} comes from a step that no longer exists`
      : 'A connection joins two steps that no longer exist';
  } else if (!target) {
    why = `A connection from ${nodeName(source)} leads to a step that no longer exists`;
  } else if (!index.ports.get(source.id)!.outputs.some((port) => port.id === edge.sourceHandle)) {
    why = `A connection from ${nodeName(source)} starts at an output that was removed`;
  } else {
    why = `A connection into ${nodeName(target)} ends at an input it does not have`;
  }
  return problem('danglingEdge', `${why}; delete it.`, nodeIds, { edgeIds: [edge.id], key: String(edge.id) });
}
