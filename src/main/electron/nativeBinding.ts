import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The better-sqlite3 binary built for Electron's ABI by `npm start` (scripts/start.mjs).
 * It lives apart from node_modules so the Node build that the tests and `maily serve`
 * use is never replaced. Returns undefined when it is absent (then the default loads).
 */
export function electronSqliteBinding(appRoot: string): string | undefined {
  const file = join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
