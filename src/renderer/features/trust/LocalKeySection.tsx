import { useId, useState, type FormEvent } from 'react';
import type { KeyStatus } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { FormError } from './FormError';
import { useBusy } from './useBusy';

/** Passphrase and its confirmation; `problem` says what is wrong with them, or null. */
function passphraseProblem(passphrase: string, confirm: string, needed: boolean): string | null {
  if (!needed) return null;
  if (passphrase.length < 8) return 'Use a passphrase of at least 8 characters.';
  if (passphrase !== confirm) return 'The two passphrases differ; type the same one twice.';
  return null;
}

function PassphraseFields({
  value,
  confirm,
  onChange,
}: {
  value: string;
  confirm: string;
  onChange: (value: string, confirm: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-p`}>Passphrase (at least 8 characters)</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(e) => onChange(e.target.value, confirm)}
      />
      <label htmlFor={`${id}-c`}>Confirm passphrase</label>
      <input
        id={`${id}-c`}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => onChange(value, e.target.value)}
      />
    </>
  );
}

/** Makes a new key, or imports one from its private key or recovery phrase. */
function NewKeyForm({ needsPassphrase, onKey }: { needsPassphrase: boolean; onKey: (key: KeyStatus) => void }) {
  const api = useApi();
  const group = useId();
  const [mode, setMode] = useState<'create' | 'import'>('create');
  const [secret, setSecret] = useState('');
  const [pass, setPass] = useState({ value: '', confirm: '' });
  const { busy, error, setError, run } = useBusy();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = passphraseProblem(pass.value, pass.confirm, needsPassphrase);
    if (problem) return setError(problem);
    const passphrase = needsPassphrase ? pass.value : undefined;
    const words = secret.trim().includes(' ');
    void run(() =>
      mode === 'create'
        ? api.trust.createKey({ passphrase })
        : api.trust.importKey(
            words
              ? { mnemonic: secret.trim().toLowerCase().split(/\s+/).join(' '), passphrase }
              : { privateKey: secret.trim(), passphrase },
          ),
    ).then((key) => key && onKey(key));
  };
  return (
    <form className="trust-form" aria-label="Set up a local key" onSubmit={submit}>
      <fieldset className="trust-choice">
        <legend>No local key on this device yet</legend>
        <label>
          <input type="radio" name={group} checked={mode === 'create'} onChange={() => setMode('create')} /> Create a
          new key
        </label>
        <label>
          <input type="radio" name={group} checked={mode === 'import'} onChange={() => setMode('import')} /> Import a
          key
        </label>
      </fieldset>
      {mode === 'import' && (
        <>
          <label htmlFor="trust-import-secret">Private key (64 hex digits) or recovery phrase (12–24 words)</label>
          <textarea
            id="trust-import-secret"
            rows={2}
            autoComplete="off"
            spellCheck={false}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </>
      )}
      {needsPassphrase && (
        <>
          <p className="muted">
            The key is kept encrypted with this passphrase; Maily cannot recover it if you lose it.
          </p>
          <PassphraseFields
            value={pass.value}
            confirm={pass.confirm}
            onChange={(value, confirm) => setPass({ value, confirm })}
          />
        </>
      )}
      <button type="submit" className="primary" disabled={busy || (mode === 'import' && !secret.trim())}>
        {busy ? 'Working…' : mode === 'create' ? 'Create key' : 'Import key'}
      </button>
      <FormError error={error} />
    </form>
  );
}

function UnlockForm({ onKey }: { onKey: (key: KeyStatus) => void }) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useBusy();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.trust.unlock({ passphrase })).then((key) => {
      if (!key) return;
      setPassphrase('');
      onKey(key);
    });
  };
  return (
    <form className="trust-form" aria-label="Unlock the local key" onSubmit={submit}>
      <label htmlFor="trust-unlock">Passphrase of the local key</label>
      <input
        id="trust-unlock"
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !passphrase}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      <FormError error={error} />
    </form>
  );
}

/**
 * The local signing key: create or import one, unlock it, see its address, lock it.
 * The key itself never reaches this window; only its address does.
 */
export function LocalKeySection({ keyStatus, onKey }: { keyStatus: KeyStatus; onKey: (key: KeyStatus) => void }) {
  const api = useApi();
  const { busy, error, run } = useBusy();
  if (keyStatus.state === 'none') return <NewKeyForm needsPassphrase={keyStatus.needsPassphrase} onKey={onKey} />;
  return (
    <div className="trust-key">
      <p>
        Local key <code className="trust-address">{keyStatus.address}</code>{' '}
        <span className="trust-pill">{keyStatus.state === 'unlocked' ? 'Unlocked' : 'Locked'}</span>
      </p>
      {keyStatus.state === 'locked' ? (
        <UnlockForm onKey={onKey} />
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => api.trust.lock({})).then((key) => key && onKey(key))}
        >
          Lock key
        </button>
      )}
      <FormError error={error} />
    </div>
  );
}
