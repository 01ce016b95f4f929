/**
 * Where secrets (the SMTP password) are kept: never in a plain-text file. The desktop
 * app backs this with Electron `safeStorage` (the OS keychain); the headless host uses
 * {@link FileSecretStore} with a key from its keyring; tests use {@link MemorySecretStore}.
 */
export interface SecretStore {
  /** The secret stored under `key`, or null when there is none. */
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key`, replacing what was there. */
  set(key: string, value: string): Promise<void>;
  /** Forgets the secret under `key`. Optional: stores without it overwrite with ''. */
  delete?(key: string): Promise<void>;
}

/** Secrets in memory only, gone when the process ends. For tests. */
export class MemorySecretStore implements SecretStore {
  readonly #values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.#values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.#values.delete(key);
  }
}
