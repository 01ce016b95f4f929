import { lazy } from 'react';

/**
 * The agents: a request becomes a plan of subtasks, run across the AI nodes and added to
 * the canvas. The panel (and React Flow for its graph) is its own chunk, loaded the first
 * time it opens; the session hook is small and kept by the campaign screen.
 */

/** The agents side panel (lazy: render it inside a `Suspense`). See `AgentsPanelProps`. */
export const AgentsPanel = lazy(() => import('./AgentsPanel').then((m) => ({ default: m.AgentsPanel })));
export type { AgentsPanelProps } from './AgentsPanel';
export { useAgents, useAgentsPanel, type AgentsSession } from './useAgents';
export { agentsKeyShortcuts, agentsShortcutHint, isAgentsShortcut } from './agentsShortcut';
