import { useMemo } from 'react';
import { Comparison } from './Comparison';
import { ResultCard } from './ResultCard';
import type { SimulationState } from './useSimulation';

interface RunResultsProps {
  sim: SimulationState;
  focused: number;
  onFocus: (index: number) => void;
}

/** The last run: a card per contact, the comparison, and whether it is out of date. */
export function RunResults({ sim, focused, onFocus }: RunResultsProps) {
  const { result, running, stale } = sim;
  const names = useMemo(() => result?.contacts.map((c) => c.name || 'Unnamed contact') ?? [], [result]);
  return (
    <section className="sim-section sim-results" aria-label="Results" aria-busy={running}>
      <h3>Results</h3>
      <p role="status" className="sim-status">
        {running
          ? 'Simulating…'
          : result
            ? `Simulated ${result.runs.length} contact${result.runs.length === 1 ? '' : 's'} with seed ${result.seed}.`
            : ''}
      </p>
      {!result && !running && <p className="sim-empty">Press Run to walk the ticked contacts through the journey.</p>}
      {result && stale && !running && (
        <p className="sim-note" role="note">
          The journey or the contacts changed since this run. Run again to update.
        </p>
      )}
      {result && <Comparison result={result} names={names} />}
      {result?.runs.map((run, i) => (
        <ResultCard
          key={`${run.contactId}-${i}`}
          run={run}
          name={names[i]}
          labels={result.labels}
          focused={i === focused}
          onFocus={() => onFocus(i)}
        />
      ))}
    </section>
  );
}
