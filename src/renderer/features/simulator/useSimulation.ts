import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { edgesMap, nodesMap, readJourney } from '../../../shared/journey/ydoc';
import { simulateMany, type SampleContact, type SimulationResult } from '../../../shared/simulator';
import { sampleContactsMap } from '../../../shared/simulator/contactsDoc';
import { branchLabels, type PortLabels } from './describeRun';

/** One finished run of several contacts, with what is needed to explain it. */
export interface SimulationRun {
  runs: SimulationResult[];
  /** The contacts as they were run (names for the cards even if one is removed later). */
  contacts: SampleContact[];
  labels: PortLabels;
  seed: number;
  start: number;
}

export interface SimulationState {
  running: boolean;
  result: SimulationRun | null;
  /** The journey or the contacts changed since `result` was computed. */
  stale: boolean;
  run: (contacts: SampleContact[], seed: number, start: number) => void;
}

/** Marks results stale when the journey or the sample contacts change. */
function useStaleness(doc: Y.Doc, result: SimulationRun | null): [boolean, (stale: boolean) => void] {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (!result) return;
    const maps = [nodesMap(doc), edgesMap(doc), sampleContactsMap(doc)];
    const onChange = () => setStale(true);
    for (const map of maps) map.observeDeep(onChange);
    return () => maps.forEach((map) => map.unobserveDeep(onChange));
  }, [doc, result]);
  return [stale, setStale];
}

/**
 * Runs the simulator on the current journey. A run is fast, but it is started on a timer
 * so "Simulating…" shows first and the panel stays responsive while a big one works.
 */
export function useSimulation(doc: Y.Doc, onDone: (run: SimulationRun) => void): SimulationState {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SimulationRun | null>(null);
  const [stale, setStale] = useStaleness(doc, result);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);
  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), []);

  const run = useCallback(
    (contacts: SampleContact[], seed: number, start: number) => {
      if (timer.current !== null) clearTimeout(timer.current);
      setRunning(true);
      timer.current = setTimeout(() => {
        timer.current = null;
        const journey = readJourney(doc);
        const runs = simulateMany(journey, contacts, { seed, start });
        const next = { runs, contacts, labels: branchLabels(journey), seed, start };
        setResult(next);
        setStale(false);
        setRunning(false);
        done.current(next);
      }, 0);
    },
    [doc, setStale],
  );
  return { running, result, stale, run };
}
