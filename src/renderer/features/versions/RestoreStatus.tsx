import type { RestoreState } from './useRestore';

/** What the last restore did: working, done (and how to undo it), or why it failed. */
export function RestoreStatus({ state, onDismiss }: { state: RestoreState; onDismiss: () => void }) {
  if (state.kind === 'idle') return <p className="vp-status" role="status" />;
  if (state.kind === 'working') {
    return (
      <p className="vp-status" role="status">
        Restoring “{state.name}”…
      </p>
    );
  }
  const failed = state.kind === 'failed';
  return (
    <div className={failed ? 'vp-status vp-error' : 'vp-status vp-done'} role={failed ? 'alert' : 'status'}>
      {failed ? (
        state.message
      ) : (
        <>
          Restored “{state.name}”. The campaign as it was is saved as “{state.savedAs}”; undo on the canvas takes the
          restore back.
        </>
      )}{' '}
      <button type="button" className="vp-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
