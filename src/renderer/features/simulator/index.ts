import { lazy } from 'react';

/**
 * The journey simulator: the only entry point the app uses. The panel is its own chunk,
 * loaded the first time it opens; the canvas shows the focused run through
 * {@link pathHighlight} (the two features never import each other).
 */

/** The simulator side panel (lazy: render it inside a `Suspense`). See `SimulatorPanelProps`. */
export const SimulatorPanel = lazy(() => import('./SimulatorPanel').then((m) => ({ default: m.SimulatorPanel })));
export type { SimulatorPanelProps } from './SimulatorPanel';
export { pathHighlight, type PathHighlight } from './pathHighlight';
export {
  isSimulatorShortcut,
  simulatorKeyShortcuts,
  simulatorShortcutHint,
  useSimulatorShortcut,
} from './useSimulatorShortcut';
