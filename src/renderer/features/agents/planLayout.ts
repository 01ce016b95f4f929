import { depths, type Subtask } from '../../../shared/agents/plan';

/** Card positions of a plan's graph: one row per level of dependencies (it fits a tall panel), left to right in plan order. */
export function layoutPlan(subtasks: readonly Subtask[]): Map<string, { x: number; y: number }> {
  const depth = depths(subtasks);
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const s of subtasks) {
    const d = depth.get(s.id) ?? 1;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    at.set(s.id, { x: row * 220, y: (d - 1) * 160 });
  }
  return at;
}

const statusWords = {
  queued: 'Queued',
  running: 'Running…',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Stopped',
} as const;

export function statusLabel(status: keyof typeof statusWords): string {
  return statusWords[status];
}
