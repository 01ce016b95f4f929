import { Position, type NodeHandle } from '@xyflow/react';
import { portsOf, type JourneyNode } from '../../../shared/journey';
import type { Size } from './flowTypes';
import { summarise } from './nodeSummary';

/**
 * Where a card's handles are, and how big it is, before React Flow has measured it. The
 * numbers follow canvas.css (a card is 240 px wide; a summary line is 14 px, a port row
 * 19 px). With them, React Flow need not render the 2,000 cards of a big journey just to
 * measure them: only the ones in view are rendered, and those are then measured for real.
 */

const cardWidth = 240;
const handleSize = 12;
const inputCentre = 26;
const summaryLine = 14;
const portRow = 19;

type Card = Pick<JourneyNode, 'kind' | 'data'>;

function counts(node: Card): { lines: number; outputs: string[]; inputs: string[] } {
  const ports = portsOf(node.kind, node.data);
  const lines = summarise({ id: '', position: { x: 0, y: 0 }, ...node }).length;
  return { lines, outputs: ports.outputs.map((p) => p.id), inputs: ports.inputs.map((p) => p.id) };
}

type Counts = ReturnType<typeof counts>;

const noteSize: Size = { width: 220, height: 80 };

function sizeFrom({ lines, outputs }: Counts): Size {
  const height = outputs.length > 0 ? 60 + summaryLine * lines + portRow * outputs.length : 52 + summaryLine * lines;
  return { width: cardWidth, height };
}

function handlesFrom({ lines, outputs, inputs }: Counts): NodeHandle[] {
  const half = handleSize / 2;
  const box = { width: handleSize, height: handleSize };
  const targets = inputs.map((id) => ({
    id,
    type: 'target' as const,
    position: Position.Left,
    x: -half,
    y: inputCentre - half,
    ...box,
  }));
  const firstRow = 64.5 + summaryLine * lines;
  const sources = outputs.map((id, i) => ({
    id,
    type: 'source' as const,
    position: Position.Right,
    x: cardWidth - half - 1,
    y: firstRow + portRow * i - half,
    ...box,
  }));
  return [...targets, ...sources];
}

/** The size a card will most likely have. */
export function estimateSize(node: Card): Size {
  return node.kind === 'note' ? noteSize : sizeFrom(counts(node));
}

/** The handles a card will most likely have, relative to its top-left corner. */
export function estimateHandles(node: Card): NodeHandle[] {
  return node.kind === 'note' ? [] : handlesFrom(counts(node));
}

/** Both estimates, reading the card's ports and summary once. */
export function estimateCard(node: Card): { size: Size; handles: NodeHandle[] } {
  if (node.kind === 'note') return { size: noteSize, handles: [] };
  const found = counts(node);
  return { size: sizeFrom(found), handles: handlesFrom(found) };
}
