import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHost } from './host/createHost';
import { fileKeyring } from './host/fileKeyring';
import { startHeadlessServer } from './host/HeadlessServer';
import { consoleLogger } from './host/logger';

/**
 * `maily serve`: the same services as the desktop app, without a window. Serves the
 * built renderer and the contract over a token-guarded WebSocket on 127.0.0.1.
 */
const usage = `Usage: maily serve [--data-dir DIR] [--port N] [--host ADDRESS]

  --data-dir DIR   where campaigns are stored (default: ~/.maily)
  --port N         port to listen on; 0 picks a free one (default: 0)
  --host ADDRESS   address to bind (default: 127.0.0.1, this machine only)
  --secret-key-file FILE
                   key that encrypts stored passwords (default: ~/.config/maily/secret.key;
                   MAILY_SECRET_KEY overrides it). Keep it outside the data folder.`;

interface ServeArgs {
  dataDir: string;
  secretKeyFile: string;
  port: number;
  host: string;
}

function parse(argv: string[]): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'secret-key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`);
  return {
    dataDir: resolve(values['data-dir'] ?? process.env.MAILY_DATA_DIR ?? join(homedir(), '.maily')),
    port,
    host: values.host ?? '127.0.0.1',
    secretKeyFile: resolve(values['secret-key-file'] ?? join(homedir(), '.config', 'maily', 'secret.key')),
  };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  const host = createHost({
    dataDir: args.dataDir,
    kind: 'headless',
    keyring: fileKeyring(args.secretKeyFile),
    log: consoleLogger,
  });
  const server = await startHeadlessServer({
    host,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    bindAddress: args.host,
    port: args.port,
    log: consoleLogger,
  });
  process.stdout.write(`Maily is serving ${args.dataDir}\nOpen ${server.url}\n`);
  consoleLogger.info(`ready in ${Math.round(performance.now() - started)} ms`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info(`${signal}: saving and stopping`);
    await server.close();
    await host.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`maily serve: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
  process.exit(1);
});
