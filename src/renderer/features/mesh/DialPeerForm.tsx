import { useState, type FormEvent } from 'react';

/** Adds a teammate's desktop by its address, for networks where LAN discovery cannot find it. */
export function DialPeerForm({ onDial }: { onDial: (address: string) => Promise<boolean> }) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!address.trim()) return;
    setBusy(true);
    void onDial(address.trim())
      .then((ok) => ok && setAddress(''))
      .finally(() => setBusy(false));
  };
  return (
    <form className="mesh-dial" onSubmit={submit} aria-label="Add peer by address">
      <h3>Add peer by address</h3>
      <label htmlFor="mesh-dial-address">Teammate’s address (shown in their mesh view)</label>
      <div className="mesh-inline">
        <input
          id="mesh-dial-address"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          placeholder="/ip4/192.168.1.20/tcp/4455/p2p/12D3Koo…"
        />
        <button type="submit" disabled={busy || !address.trim()}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
