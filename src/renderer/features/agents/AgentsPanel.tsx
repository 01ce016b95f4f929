import '@xyflow/react/dist/style.css';
import './agents.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_REQUEST_CHARS, type AgentRun } from '../../../shared/agents/plan';
import { PlanGraph } from './PlanGraph';
import type { AgentsSession } from './useAgents';

export interface AgentsPanelProps {
  /** The campaign's agents, kept by the campaign screen (see `useAgents`). */
  session: AgentsSession;
  /** When true the results cannot be added to the canvas (planning and running still work). */
  readOnly: boolean;
  onClose: () => void;
}

function progressText(run: AgentRun): string {
  const n = run.subtasks.length;
  const count = (status: string) => run.subtasks.filter((s) => s.status === status).length;
  const done = count('done');
  switch (run.state) {
    case 'running': {
      const running = count('running');
      return `Running: ${done} of ${n} subtasks done${running ? `, ${running} running` : ''}.`;
    }
    case 'done':
      return `All ${n} subtasks done in ${(run.ms / 1000).toFixed(1)} s.`;
    case 'failed':
      return `${done} of ${n} subtasks done, ${count('failed')} failed. Add what finished, or run the plan again.`;
    case 'cancelled':
      return `Stopped. ${done} of ${n} subtasks had finished.`;
  }
}

/**
 * The agents panel: a request becomes a plan (by the model, or a built-in plan when the
 * model's is unusable), shown as a live graph; Run runs it across the AI nodes, Stop
 * stops it, and Add to canvas turns its emails into Email steps on the journey.
 */
export function AgentsPanel({ session, readOnly, onClose }: AgentsPanelProps) {
  const { state } = session;
  const [request, setRequest] = useState('');
  const [autoLand, setAutoLand] = useState(false);
  const ids = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  // Opened (often by its shortcut): the request box takes the focus.
  useEffect(() => input.current?.focus(), []);
  const running = state.run?.state === 'running';
  const busy = state.busy !== null;
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!busy && !running && request.trim()) void session.plan(request.trim());
  };
  const run = state.run;
  const canLand = !readOnly && !!run && run.state !== 'running' && !run.landed && !busy;
  const nothingDone = !!run && run.state !== 'running' && !run.subtasks.some((s) => s.status === 'done');

  return (
    <aside className="side-panel ag-panel" aria-label="Agents">
      <header className="side-panel__head">
        <h2>Agents</h2>
        <button type="button" className="ag-icon" aria-label="Close agents" title="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <form className="ag-section" onSubmit={submit}>
        <label htmlFor={`${ids}-request`}>What should the agents do?</label>
        <textarea
          id={`${ids}-request`}
          rows={3}
          maxLength={MAX_REQUEST_CHARS}
          value={request}
          placeholder="Draft a 3-email welcome series"
          aria-describedby={`${ids}-hint`}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onChange={(e) => setRequest(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') submit();
          }}
          ref={input}
        />
        <p id={`${ids}-hint`} className="ag-hint">
          A coordinator splits the request into subtasks for content, design, analytics, personalisation and a critic.
          Subtasks that do not wait on each other run at the same time across the team’s AI nodes.
        </p>
        <button type="submit" disabled={busy || running || !request.trim()}>
          {state.busy === 'planning' ? 'Planning…' : 'Plan'}
        </button>
      </form>
      {state.error && (
        <p className="ag-error" role="alert">
          {state.error}
        </p>
      )}
      {state.plan && (
        <section className="ag-section" aria-label="Plan">
          <p className="ag-source" data-source={state.plan.source}>
            {state.plan.source === 'model'
              ? `Planned by the model (${state.plan.subtasks.length} subtasks)`
              : `Built-in plan: ${state.plan.template} (${state.plan.subtasks.length} subtasks)`}
          </p>
          <p className="ag-goal">Goal: {state.plan.goal}</p>
          {state.plan.notes.length > 0 && (
            <details className="ag-notes">
              <summary>
                {state.plan.source === 'model' ? 'What was repaired' : 'Why the built-in plan'} (
                {state.plan.notes.length})
              </summary>
              <ul>
                {state.plan.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            </details>
          )}
          <PlanGraph plan={state.plan} views={run?.subtasks ?? null} />
          <div className="ag-actions">
            <button type="button" onClick={() => void session.run(autoLand)} disabled={busy || running}>
              {run && !running ? 'Run again' : 'Run'}
            </button>
            <button type="button" onClick={session.stop} disabled={!running}>
              Stop
            </button>
            <label className="ag-check">
              <input
                type="checkbox"
                checked={autoLand}
                disabled={readOnly}
                onChange={(e) => setAutoLand(e.target.checked)}
              />
              Add to the canvas when done
            </label>
          </div>
          <p className="ag-progress" role="status">
            {state.busy === 'starting' ? 'Starting…' : run ? progressText(run) : 'Not run yet.'}
          </p>
          {run && (
            <div className="ag-actions">
              <button type="button" onClick={() => void session.land()} disabled={!canLand || nothingDone}>
                {state.busy === 'landing' ? 'Adding…' : 'Add to canvas'}
              </button>
              {readOnly && <span className="ag-hint">This campaign is read-only.</span>}
            </div>
          )}
          {run?.landed && (
            <div className="ag-actions">
              <p className="ag-landed" role="status">
                Added {run.landed.emails} email{run.landed.emails === 1 ? '' : 's'} and{' '}
                {run.landed.nodeIds.length - run.landed.emails} other steps to the right of the canvas.
              </p>
              <button type="button" onClick={() => void session.unland()} disabled={busy || readOnly}>
                Remove the added steps
              </button>
            </div>
          )}
          {run?.landError && (
            <p className="ag-error" role="alert">
              {run.landError}
            </p>
          )}
        </section>
      )}
    </aside>
  );
}
