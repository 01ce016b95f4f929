import { useId } from 'react';
import { defaultHorizonDays } from '../../../shared/simulator';
import { fromInputValue, toInputValue } from './dateTime';
import { DraftInput } from './DraftInput';

interface RunControlsProps {
  seed: number;
  start: number;
  /** True while the start follows the first sample event. */
  startIsAuto: boolean;
  /** The designer's zone, in which the start is typed. */
  zone: string;
  selectedCount: number;
  running: boolean;
  shortcut: string;
  onSeed: (seed: number) => void;
  onStart: (start: number | null) => void;
  onRun: () => void;
}

function checkSeed(text: string): string | null {
  return text.trim() && Number.isFinite(Number(text.trim())) ? null : 'Enter a number, e.g. 1';
}

/** The run's seed and start, and the Run button. */
export function RunControls(props: RunControlsProps) {
  const { seed, start, startIsAuto, zone, selectedCount, running, shortcut } = props;
  const id = useId();
  return (
    <section className="sim-run" aria-label="Run settings">
      <div className="sim-row">
        <label className="sim-label" htmlFor={`${id}-seed`}>
          Seed
        </label>
        <DraftInput
          id={`${id}-seed`}
          className="sim-seed"
          inputMode="numeric"
          value={String(seed)}
          check={checkSeed}
          onCommit={(text) => props.onSeed(Number(text.trim()))}
          aria-describedby={`${id}-seed-hint`}
        />
        <span id={`${id}-seed-hint`} className="sim-muted">
          Same seed, same A/B and random draws.
        </span>
      </div>
      <div className="sim-row">
        <label className="sim-label" htmlFor={`${id}-start`}>
          Start
        </label>
        <DraftInput
          id={`${id}-start`}
          type="datetime-local"
          value={toInputValue(start, zone)}
          check={(text) => (fromInputValue(text, zone) === null ? 'Enter a date and time' : null)}
          onCommit={(text) => props.onStart(fromInputValue(text, zone))}
          aria-describedby={`${id}-start-hint`}
        />
        {!startIsAuto && (
          <button type="button" className="link" onClick={() => props.onStart(null)}>
            Use the first event
          </button>
        )}
      </div>
      <p id={`${id}-start-hint`} className="sim-muted">
        In your time zone ({zone}). {startIsAuto ? 'Follows the first sample event. ' : ''}The clock runs{' '}
        {defaultHorizonDays} days from the start.
      </p>
      <div className="sim-row">
        <button
          type="button"
          className="primary"
          disabled={running || selectedCount === 0}
          onClick={props.onRun}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={`Run (${shortcut})`}
        >
          Run
        </button>
        <span className="sim-muted">
          {selectedCount === 0
            ? 'Tick the contacts to run.'
            : `${selectedCount} contact${selectedCount === 1 ? '' : 's'} · ${shortcut}`}
        </span>
      </div>
    </section>
  );
}
