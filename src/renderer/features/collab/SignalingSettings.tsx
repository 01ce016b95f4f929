import { useEffect, useState, type FormEvent } from 'react';
import type { SignalingStatus } from '../../../shared/collab/team';
import { useApi } from '../../app/BackendContext';
import { messageOf } from '../../../shared/errors';

const stateText: Record<SignalingStatus['state'], string> = {
  off: 'Off',
  starting: 'Starting…',
  running: 'Running',
  error: 'Failed',
};

/** The built-in signaling server: on/off, port and address, and the addresses to give teammates. */
export function SignalingSettings() {
  const api = useApi();
  const [status, setStatus] = useState<SignalingStatus | null>(null);
  const [port, setPort] = useState('4444');
  const [host, setHost] = useState('0.0.0.0');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const show = (s: SignalingStatus) => {
      setStatus(s);
      setPort(String(s.port));
      setHost(s.host);
    };
    void api.signaling.get({}).then(show, (e: unknown) => setError(messageOf(e)));
    return api.on('signaling:changed', setStatus);
  }, [api]);
  if (!status) return error ? <p role="alert">{error}</p> : null;
  const apply = (enabled: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    void api.signaling
      .configure({ enabled, port: Number(port), host: host.trim() })
      .then(setStatus, (err: unknown) => setError(messageOf(err)));
  };
  return (
    <form className="signaling-settings" aria-label="Built-in signaling server" onSubmit={apply(true)}>
      <p>
        Run a signaling server on this device so teammates on the LAN can find each other with no server outside.
        Status: <strong data-signaling-state={status.state}>{stateText[status.state]}</strong>
      </p>
      {status.error && <p role="alert">{status.error}</p>}
      <label htmlFor="signaling-port">Port</label>
      <input id="signaling-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
      <label htmlFor="signaling-host">Listen on address</label>
      <input id="signaling-host" value={host} onChange={(e) => setHost(e.target.value)} />
      <div className="team-actions">
        <button type="submit">{status.enabled ? 'Restart signaling server' : 'Start signaling server'}</button>
        {status.enabled && (
          <button type="button" onClick={apply(false)}>
            Stop signaling server
          </button>
        )}
      </div>
      {status.state === 'running' && status.urls.length > 0 && (
        <p>
          Teammates use: <code>{status.urls.join(', ')}</code> (new invites include them).
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
