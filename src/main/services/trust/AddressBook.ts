import { getAddress } from 'ethers';
import type BetterSqlite3 from 'better-sqlite3';
import { MAX_NAME_CHARS } from '../../../shared/trust/constants';
import type { AddressEntry, SignerIdentity } from '../../../shared/trust/types';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
interface Row {
  team_id: string;
  address: string;
  name: string;
  source: 'manual' | 'certificate';
  updated_at: number;
}

const toEntry = (row: Row): AddressEntry => ({
  teamId: row.team_id,
  address: row.address,
  name: row.name,
  source: row.source,
  updatedAt: row.updated_at,
});

/**
 * The team address book (`trust_names`): which name a signer's address has in a team.
 * Names typed by a teammate (`manual`) win; names learnt from the signer name of a
 * verified certificate (`certificate`) fill in the rest and never overwrite a manual one.
 */
export class AddressBook {
  readonly #list: Statement;
  readonly #get: Statement;
  readonly #any: Statement;
  readonly #set: Statement;
  readonly #learn: Statement;
  readonly #remove: Statement;
  readonly #now: () => number;

  constructor(db: Database, now: () => number = Date.now) {
    const s = db.sqlite;
    this.#now = now;
    this.#list = s.prepare('SELECT * FROM trust_names WHERE team_id = ? ORDER BY name, address');
    this.#get = s.prepare('SELECT * FROM trust_names WHERE team_id = ? AND address = ?');
    // Outside a team (a pasted link), any team's name will do; a manual one first.
    this.#any = s.prepare(
      "SELECT * FROM trust_names WHERE address = ? ORDER BY source = 'manual' DESC, updated_at DESC LIMIT 1",
    );
    this.#set = s.prepare(
      `INSERT INTO trust_names (team_id, address, name, source, updated_at) VALUES (?, ?, ?, 'manual', ?)
       ON CONFLICT (team_id, address) DO UPDATE SET name = excluded.name, source = 'manual', updated_at = excluded.updated_at`,
    );
    this.#learn = s.prepare(
      `INSERT INTO trust_names (team_id, address, name, source, updated_at) VALUES (?, ?, ?, 'certificate', ?)
       ON CONFLICT (team_id, address) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
       WHERE trust_names.source = 'certificate' AND trust_names.name <> excluded.name`,
    );
    this.#remove = s.prepare('DELETE FROM trust_names WHERE team_id = ? AND address = ?');
  }

  list(teamId: string): AddressEntry[] {
    return this.#run('read the address book', () => (this.#list.all(teamId) as Row[]).map(toEntry));
  }

  /** Names `address` in `teamId` by hand. */
  set(teamId: string, address: string, name: string): AddressEntry {
    const checked = getAddress(address);
    return this.#run('save the name', () => {
      this.#set.run(teamId, checked, name.slice(0, MAX_NAME_CHARS), this.#now());
      return toEntry(this.#get.get(teamId, checked) as Row);
    });
  }

  /** Learns the name a verified certificate's signer gave, unless a teammate named the address by hand. */
  learn(teamId: string, address: string, name: string): boolean {
    return this.#run(
      'learn a name',
      () => this.#learn.run(teamId, getAddress(address), name.slice(0, MAX_NAME_CHARS), this.#now()).changes > 0,
    );
  }

  remove(teamId: string, address: string): void {
    this.#run('remove the name', () => this.#remove.run(teamId, getAddress(address)));
  }

  /** Who `address` is: in `teamId`'s book when given, else in any team's. */
  identify(address: string, teamId: string | null): SignerIdentity {
    const checked = getAddress(address);
    const row = this.#run(
      'read the address book',
      () => (teamId ? this.#get.get(teamId, checked) : this.#any.get(checked)) as Row | undefined,
    );
    return { address: checked, knownAs: row?.name ?? null, source: row?.source ?? null };
  }

  #run<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storageError(error, what);
    }
  }
}
