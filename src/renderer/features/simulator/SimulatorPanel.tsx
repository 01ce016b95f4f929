import './simulator.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { readJourney } from '../../../shared/journey/ydoc';
import type { ContactEvent, SimulationResult } from '../../../shared/simulator';
import { ContactList } from './ContactList';
import { ownTimeZone, toMinute } from './dateTime';
import { RunResults } from './RunResults';
import { RunControls } from './RunControls';
import { earliestEvent, starterContact } from './starterContact';
import { useContactActions } from './useContactActions';
import { useSampleContacts } from './useSampleContacts';
import { useSimulation, type SimulationRun } from './useSimulation';
import { isMacPlatform } from './useSimulatorShortcut';

export interface SimulatorPanelProps {
  /** The campaign's document: its journey is simulated, its sample contacts are edited. */
  doc: Y.Doc;
  /** When true the contacts cannot be changed; running still works (it writes nothing). */
  readOnly: boolean;
  /** After each run and each change of focus: the runs (null when the panel closes) and the focused one. */
  onResults: (runs: SimulationResult[] | null, focusedIndex: number) => void;
  onClose: () => void;
}

const runShortcut = isMacPlatform() ? '⌘↩' : 'Ctrl+Enter';

/**
 * The journey simulator: sample contacts shared in the campaign, a seeded run on a
 * simulated clock, and for each contact its path, the reason for every step and the
 * emails it would receive; with several contacts, where their paths part ways.
 */
export function SimulatorPanel({ doc, readOnly, onResults, onClose }: SimulatorPanelProps) {
  const { contacts, skipped } = useSampleContacts(doc);
  const zone = useMemo(ownTimeZone, []);
  const [openedAt] = useState(() => toMinute(Date.now()));
  const [seed, setSeed] = useState(1);
  const [manualStart, setManualStart] = useState<number | null>(null);
  const [focused, setFocused] = useState(0);
  const ui = useContactActions(doc, contacts.length, zone);
  const selected = useMemo(() => contacts.filter((c) => !ui.excluded.has(c.id)), [contacts, ui.excluded]);
  const autoStart = earliestEvent(selected) ?? openedAt;
  const start = manualStart ?? autoStart;

  const report = useRef(onResults);
  useEffect(() => {
    report.current = onResults;
  }, [onResults]);
  // Closing the panel takes its path off the canvas.
  useEffect(() => () => report.current(null, 0), []);
  const onDone = useCallback((run: SimulationRun) => {
    setFocused(0);
    report.current(run.runs, 0);
  }, []);
  const sim = useSimulation(doc, onDone);
  const run = () => {
    if (!sim.running && selected.length > 0) sim.run(selected, seed, start);
  };
  const focus = (index: number) => {
    setFocused(index);
    if (sim.result) report.current(sim.result.runs, index);
  };
  const freshEvent = (): ContactEvent =>
    starterContact(readJourney(doc), '', start, zone).events[0] ?? { name: '', at: start };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      run();
    }
  };

  return (
    <aside className="side-panel sim-panel" aria-label="Simulator" onKeyDown={onKeyDown}>
      <header className="side-panel__head sim-panel__head">
        <h2>Simulator</h2>
        <button type="button" className="sim-icon" aria-label="Close simulator" title="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <section className="sim-section" aria-labelledby="sim-contacts-title">
        <div className="sim-section__head">
          <h3 id="sim-contacts-title">Sample contacts</h3>
          {!readOnly && (
            <button type="button" onClick={() => ui.add(start)}>
              Add contact
            </button>
          )}
        </div>
        {readOnly && contacts.length > 0 && (
          <p className="sim-muted">Read-only: you can run these contacts but not change them.</p>
        )}
        {ui.problem && (
          <p className="sim-error" role="alert">
            {ui.problem}
          </p>
        )}
        <ContactList
          contacts={contacts}
          skipped={skipped}
          excluded={ui.excluded}
          editing={ui.editing}
          readOnly={readOnly}
          freshEvent={freshEvent}
          actions={ui.actions}
        />
      </section>
      <RunControls
        seed={seed}
        start={start}
        startIsAuto={manualStart === null}
        zone={zone}
        selectedCount={selected.length}
        running={sim.running}
        shortcut={runShortcut}
        onSeed={setSeed}
        onStart={setManualStart}
        onRun={run}
      />
      <RunResults sim={sim} focused={focused} onFocus={focus} />
    </aside>
  );
}
