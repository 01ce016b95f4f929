import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentPlan, AgentProgress, AgentRun, SubtaskRun } from '../../../shared/agents/plan';
import { messageOf } from '../../../shared/errors';
import { useApi } from '../../app/BackendContext';
import { useAgentsShortcut } from './agentsShortcut';

/** Most characters of a subtask's streamed text kept for its card. */
const MAX_TEXT = 4_000;

export type SubtaskView = SubtaskRun & { text: string };

export interface AgentsState {
  busy: 'planning' | 'starting' | 'landing' | null;
  plan: AgentPlan | null;
  run: AgentRun | null;
  error: string | null;
}

const empty: AgentsState = { busy: null, plan: null, run: null, error: null };

function queued(plan: AgentPlan, runId: string, autoLand: boolean): AgentRun {
  return {
    runId,
    planId: plan.planId,
    campaignId: plan.campaignId,
    state: 'running',
    subtasks: plan.subtasks.map((s) => ({
      id: s.id,
      status: 'queued',
      nodes: [],
      nodeNames: [],
      tokens: 0,
      ms: 0,
      output: null,
      error: null,
      text: '',
    })),
    startedAt: Date.now(),
    ms: 0,
    landed: null,
    autoLand,
    landError: null,
  };
}

function applyProgress(run: AgentRun, p: AgentProgress): AgentRun {
  const subtasks = p.subtask
    ? run.subtasks.map((s) =>
        s.id === p.subtask!.id ? { ...p.subtask!, text: (s.text + p.delta).slice(-MAX_TEXT) } : s,
      )
    : run.subtasks;
  return { ...run, state: p.state, ms: p.ms, subtasks, landed: p.landed ?? run.landed, landError: p.landError };
}

/**
 * The agents of one campaign: plan a request, run the plan (its progress streams in
 * from the host), stop it, add its results to the canvas. Kept by the campaign screen,
 * so closing the panel does not lose a run; leaving the campaign stops a running one.
 */
export function useAgents(campaignId: string) {
  const api = useApi();
  const [state, setState] = useState<AgentsState>(empty);
  const runId = useRef<string | null>(null);
  const running = useRef(false);

  useEffect(() => {
    const off = api.on('agents:progress', (p) => {
      if (p.runId !== runId.current) return;
      running.current = p.state === 'running';
      setState((s) => (s.run ? { ...s, run: applyProgress(s.run, p) } : s));
    });
    return () => {
      off();
      if (runId.current && running.current) void api.agents.cancel({ runId: runId.current }).catch(() => undefined);
    };
  }, [api]);

  const plan = useCallback(
    async (request: string) => {
      setState({ ...empty, busy: 'planning' });
      runId.current = null;
      try {
        const made = await api.agents.plan({ campaignId, request });
        setState({ ...empty, plan: made });
      } catch (error) {
        setState({ ...empty, error: messageOf(error, 'The agents could not plan this. Try again.') });
      }
    },
    [api, campaignId],
  );

  const run = useCallback(
    async (autoLand: boolean) => {
      const current = state.plan;
      if (!current) return;
      setState((s) => ({ ...s, busy: 'starting', error: null, run: null }));
      try {
        const started = await api.agents.run({ campaignId, planId: current.planId, autoLand });
        runId.current = started.runId;
        running.current = true;
        setState((s) => ({ ...s, busy: null, run: queued(current, started.runId, autoLand) }));
        // Events from now on are this run's; the snapshot covers any sent before the id arrived.
        const snapshot = await api.agents.get({ runId: started.runId });
        setState((s) => (s.run?.runId === snapshot.runId && s.run.state === 'running' ? { ...s, run: snapshot } : s));
      } catch (error) {
        setState((s) => ({ ...s, busy: null, error: messageOf(error, 'The agents could not start. Try again.') }));
      }
    },
    [api, campaignId, state.plan],
  );

  const stop = useCallback(() => {
    if (runId.current) void api.agents.cancel({ runId: runId.current }).catch(() => undefined);
  }, [api]);

  const land = useCallback(async () => {
    if (!runId.current) return;
    setState((s) => ({ ...s, busy: 'landing', error: null }));
    try {
      const landed = await api.agents.land({ runId: runId.current });
      setState((s) => ({ ...s, busy: null, run: s.run ? { ...s.run, landed } : s.run }));
    } catch (error) {
      setState((s) => ({ ...s, busy: null, error: messageOf(error, 'The results could not be added. Try again.') }));
    }
  }, [api]);

  const unland = useCallback(async () => {
    if (!runId.current) return;
    setState((s) => ({ ...s, busy: 'landing', error: null }));
    try {
      await api.agents.unland({ runId: runId.current });
      setState((s) => ({ ...s, busy: null, run: s.run ? { ...s.run, landed: null } : s.run }));
    } catch (error) {
      setState((s) => ({
        ...s,
        busy: null,
        error: messageOf(error, 'The added steps could not be removed. Try again.'),
      }));
    }
  }, [api]);

  return { state, plan, run, stop, land, unland };
}
export type AgentsSession = ReturnType<typeof useAgents>;

/** Whether the agents panel is open; its keyboard shortcut toggles it. */
export function useAgentsPanel() {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((on) => !on), []);
  const close = useCallback(() => setOpen(false), []);
  useAgentsShortcut(toggle);
  return { open, toggle, close };
}
