import { lazy } from 'react';

/**
 * Named versions of a campaign: the only entry point the app uses. The panel is its
 * own chunk, loaded the first time it opens.
 */

/** The versions side panel (lazy: render it inside a `Suspense`). See `VersionsPanelProps`. */
export const VersionsPanel = lazy(() => import('./VersionsPanel').then((m) => ({ default: m.VersionsPanel })));
export type { VersionsPanelProps } from './VersionsPanel';
export { useVersionsPanel } from './useVersionsPanel';
export { isVersionsShortcut, versionsKeyShortcuts, versionsShortcutHint } from './versionsShortcut';
