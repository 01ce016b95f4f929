/**
 * Runs tasks with dependencies: every task whose dependencies are done starts at once
 * (up to `maxParallel`), so independent tasks run in parallel — on the mesh, on
 * different nodes. A task that fails (or is cancelled) stops every task that depends on
 * it, directly or not; the others go on. After `signal` aborts nothing new starts.
 */

export interface DagTask {
  id: string;
  dependsOn: readonly string[];
}

export type TaskOutcome = 'done' | 'failed' | 'cancelled';

export interface DagHooks<T extends DagTask> {
  /** Runs one task; resolves to how it ended (a rejection counts as failed). */
  run(task: T, signal: AbortSignal): Promise<TaskOutcome>;
  /** A task will not run: a dependency did not finish (`blockedBy`), or the run was stopped (null). */
  skip(task: T, blockedBy: T | null): void;
}

export async function runDag<T extends DagTask>(
  tasks: readonly T[],
  hooks: DagHooks<T>,
  signal: AbortSignal,
  maxParallel = Number.POSITIVE_INFINITY,
): Promise<Map<string, TaskOutcome>> {
  const outcome = new Map<string, TaskOutcome>();
  const started = new Set<string>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  let running = 0;

  return new Promise((resolve) => {
    const settle = (task: T, result: TaskOutcome) => {
      outcome.set(task.id, result);
      if (result !== 'done') block(task);
    };
    /** Marks every task downstream of `from` as not run. */
    const block = (from: T) => {
      for (const t of tasks) {
        if (started.has(t.id) || outcome.has(t.id) || !t.dependsOn.includes(from.id)) continue;
        started.add(t.id);
        outcome.set(t.id, 'failed');
        hooks.skip(t, from);
        block(t);
      }
    };
    const pump = () => {
      if (signal.aborted) {
        for (const t of tasks) {
          if (started.has(t.id)) continue;
          started.add(t.id);
          outcome.set(t.id, 'cancelled');
          hooks.skip(t, null);
        }
      }
      for (const t of tasks) {
        if (running >= maxParallel || signal.aborted) break;
        if (started.has(t.id)) continue;
        // A dependency missing from the plan can never finish: the checks keep it out.
        if (!t.dependsOn.every((d) => byId.has(d) && outcome.get(d) === 'done')) continue;
        started.add(t.id);
        running++;
        void hooks
          .run(t, signal)
          .catch((): TaskOutcome => 'failed')
          .then((result) => {
            running--;
            settle(t, result);
            pump();
          });
      }
      if (running === 0) {
        // Whatever is left waits on something that will never be done.
        for (const t of tasks) {
          if (started.has(t.id)) continue;
          started.add(t.id);
          outcome.set(t.id, 'failed');
          hooks.skip(t, byId.get(t.dependsOn.find((d) => outcome.get(d) !== 'done') ?? '') ?? null);
        }
        resolve(outcome);
      }
    };
    signal.addEventListener('abort', pump, { once: true });
    pump();
  });
}
