import { useMemo } from 'react';
import { compareRuns } from '../../../shared/simulator';
import { describeComparison, pairsOf } from './describeRun';
import type { SimulationRun } from './useSimulation';

const maxCompared = 8;

/** Where the runs part ways, one line per pair of contacts. */
export function Comparison({ result, names }: { result: SimulationRun; names: readonly string[] }) {
  const lines = useMemo(
    () =>
      pairsOf(result.runs, maxCompared).flatMap(([i, j]) => {
        const runs = [result.runs[i], result.runs[j]] as const;
        return describeComparison(compareRuns(...runs), runs, [names[i], names[j]], result.labels);
      }),
    [result, names],
  );
  if (result.runs.length < 2) return null;
  return (
    <section className="sim-compare" aria-label="Comparison">
      <h3>Comparison</h3>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {result.runs.length > maxCompared && (
        <p className="sim-muted">Only the first {maxCompared} contacts are compared.</p>
      )}
    </section>
  );
}
