import { useCallback, useMemo, useState } from 'react';
import type { SimulationResult } from '../../shared/simulator';
import { pathHighlight, useSimulatorShortcut } from '../features/simulator';

/** Whether the simulator panel is open, and the path of the run it focuses (for the canvas). */
export function useSimulation() {
  const [open, setOpen] = useState(false);
  const [sim, setSim] = useState<{ runs: SimulationResult[] | null; focused: number }>({ runs: null, focused: 0 });
  const toggle = useCallback(() => setOpen((on) => !on), []);
  const close = useCallback(() => setOpen(false), []);
  const onResults = useCallback((runs: SimulationResult[] | null, focused: number) => setSim({ runs, focused }), []);
  useSimulatorShortcut(toggle);
  const highlight = useMemo(() => (open ? pathHighlight(sim.runs?.[sim.focused]) : null), [open, sim]);
  return { open, toggle, close, onResults, highlight };
}
