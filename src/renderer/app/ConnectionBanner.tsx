import { useConnectionState } from './BackendContext';

/** Says so when the host cannot be reached; edits are kept and saved on reconnect. */
export function ConnectionBanner() {
  const state = useConnectionState();
  if (state === 'open') return null;
  return (
    <div className="connection-banner" role="alert">
      {state === 'connecting'
        ? 'Connecting to Maily…'
        : 'Maily is not reachable. Your edits stay in this window and are saved when it reconnects. If this lasts, check that `maily serve` is running.'}
    </div>
  );
}
