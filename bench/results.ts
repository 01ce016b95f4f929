import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = fileURLToPath(new URL('./results', import.meta.url));

export interface BenchResult {
  name: string;
  date: string;
  machine: { node: string; cpus: number; model: string };
  results: Record<string, number>;
  targets: Record<string, number>;
  met: boolean;
  notes?: string;
}

/** Writes one benchmark's JSON under bench/results/ and prints it. */
export function writeResult(
  name: string,
  results: Record<string, number>,
  targets: Record<string, number>,
  notes?: string,
): BenchResult {
  const met = Object.entries(targets).every(([key, limit]) => results[key] !== undefined && results[key] <= limit);
  const result: BenchResult = {
    name,
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
    results,
    targets,
    met,
    ...(notes ? { notes } : {}),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  return result;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
