import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { SecretStore } from './SecretStore';

/** Gives the 32-byte key that encrypts the secrets file. */
export interface Keyring {
  key(): Promise<Uint8Array>;
}

const entrySchema = z.object({ iv: z.string().max(64), tag: z.string().max(64), data: z.string().max(1_000_000) });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string().max(200), entrySchema) });
type SecretsFile = z.infer<typeof fileSchema>;

const corrupt = () =>
  new MailyError(
    ErrorCode.Corrupt,
    'The saved secrets could not be read (the file is damaged or its key changed); enter the SMTP password again.',
  );

/**
 * The headless fallback for {@link SecretStore}, for a host without an OS keychain
 * (`maily serve` on a server): secrets in one JSON file, each value encrypted with
 * AES-256-GCM under a key from the injected {@link Keyring} (say, read from a file only
 * the service user can read, or from the environment), with a fresh 12-byte IV per
 * value and the entry's name as associated data, so an entry cannot be swapped for
 * another. The file is written atomically with mode 0600. Without the key the file is
 * useless; a wrong key or a tampered entry fails with E_CORRUPT rather than returning garbage.
 */
export class FileSecretStore implements SecretStore {
  readonly #file: string;
  readonly #keyring: Keyring;
  /** Serialises writes, so two concurrent `set`s cannot lose each other's entry. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, keyring: Keyring) {
    this.#file = file;
    this.#keyring = keyring;
  }

  async get(key: string): Promise<string | null> {
    const entries = this.#read().entries;
    if (!Object.hasOwn(entries, key)) return null;
    const entry = entries[key];
    const decipher = createDecipheriv('aes-256-gcm', await this.#key(), Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(Buffer.from(key, 'utf8'));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(entry.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw corrupt(); // the authentication tag did not match: wrong key or altered file
    }
  }

  set(key: string, value: string): Promise<void> {
    return this.#serial(async () => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', await this.#key(), iv);
      cipher.setAAD(Buffer.from(key, 'utf8'));
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      const file = this.#read();
      file.entries[key] = {
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
      this.#write(file);
    });
  }

  delete(key: string): Promise<void> {
    return this.#serial(async () => {
      const file = this.#read();
      if (!Object.hasOwn(file.entries, key)) return;
      delete file.entries[key];
      this.#write(file);
    });
  }

  async #key(): Promise<Buffer> {
    const key = await this.#keyring.key();
    if (key.byteLength !== 32) throw new MailyError(ErrorCode.Internal, 'The secrets key must be 32 bytes long.');
    return Buffer.from(key);
  }

  #serial(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined); // a failed write must not block the next one
    return run;
  }

  #read(): SecretsFile {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw new MailyError(
        ErrorCode.Internal,
        'The saved secrets could not be read; check the data folder’s permissions.',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw corrupt();
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw corrupt();
    return { version: 1, entries: Object.assign(Object.create(null) as SecretsFile['entries'], parsed.data.entries) };
  }

  #write(file: SecretsFile): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const temp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(file)}\n`, { mode: 0o600 });
    renameSync(temp, this.#file);
  }
}
