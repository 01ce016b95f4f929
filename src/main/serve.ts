import type { MeshOverride } from './services/mesh/MeshService';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHost } from './host/createHost';
import { fileKeyring } from './host/fileKeyring';
import { startHeadlessServer } from './host/HeadlessServer';
import { consoleLogger } from './host/logger';
import type { SignalingSettings } from '../shared/collab/team';

/**
 * `maily serve`: the same services as the desktop app, without a window. Serves the
 * built renderer and the contract over a token-guarded WebSocket on 127.0.0.1.
 */
const usage = `Usage: maily serve [--data-dir DIR] [--port N] [--host ADDRESS]
                   [--signaling-port N] [--signaling-host ADDRESS]

  --data-dir DIR   where campaigns are stored (default: ~/.maily)
  --port N         port to listen on; 0 picks a free one (default: 0)
  --host ADDRESS   address to bind (default: 127.0.0.1, this machine only)
  --secret-key-file FILE
                   key that encrypts stored passwords (default: ~/.config/maily/secret.key;
                   MAILY_SECRET_KEY overrides it). Keep it outside the data folder.
  --signaling-port N
                   run the built-in y-webrtc signaling server on this port for this run
                   (0 picks a free one; default: the stored setting, else 4444)
  --signaling-host ADDRESS
                   address the signaling server binds for this run (default: the stored
                   setting, else 0.0.0.0, the whole network). Either flag turns the server
                   on without changing the stored settings.
  --mesh-host ADDRESS, --mesh-port N
                   address and TCP port the AI mesh listens on for this run
  --mesh-mdns-interface ADDRESS
                   the interface mDNS discovery multicasts on (default: all)`;

interface ServeArgs {
  dataDir: string;
  secretKeyFile: string;
  port: number;
  host: string;
  /** Set when a --signaling-* flag is given. */
  signaling?: Partial<SignalingSettings>;
  /** Set when a --mesh-* flag is given. */
  mesh?: MeshOverride;
}

function parse(argv: string[]): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'secret-key-file': { type: 'string' },
      'signaling-port': { type: 'string' },
      'signaling-host': { type: 'string' },
      'mesh-host': { type: 'string' },
      'mesh-port': { type: 'string' },
      'mesh-mdns-interface': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const port = parsePort('--port', values.port ?? '0');
  const signalingPort = values['signaling-port'];
  const signalingHost = values['signaling-host']?.trim();
  if (signalingHost === '') throw new Error('--signaling-host needs an address, such as 127.0.0.1');
  const signaling =
    signalingPort === undefined && signalingHost === undefined
      ? undefined
      : {
          enabled: true,
          ...(signalingPort === undefined ? {} : { port: parsePort('--signaling-port', signalingPort) }),
          ...(signalingHost === undefined ? {} : { host: signalingHost }),
        };
  const meshPort = values['mesh-port'];
  const mesh: MeshOverride = {
    ...(values['mesh-host']?.trim() ? { host: values['mesh-host'].trim() } : {}),
    ...(meshPort === undefined ? {} : { port: parsePort('--mesh-port', meshPort) }),
    ...(values['mesh-mdns-interface']?.trim() ? { mdnsInterface: values['mesh-mdns-interface'].trim() } : {}),
  };
  return {
    signaling,
    mesh,
    dataDir: resolve(values['data-dir'] ?? process.env.MAILY_DATA_DIR ?? join(homedir(), '.maily')),
    port,
    host: values.host ?? '127.0.0.1',
    secretKeyFile: resolve(values['secret-key-file'] ?? join(homedir(), '.config', 'maily', 'secret.key')),
  };
}

function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || value.trim() === '')
    throw new Error(`${flag} must be 0–65535, got "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  const host = createHost({
    dataDir: args.dataDir,
    kind: 'headless',
    keyring: fileKeyring(args.secretKeyFile),
    log: consoleLogger,
    signaling: args.signaling,
    mesh: args.mesh,
  });
  const server = await startHeadlessServer({
    host,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    bindAddress: args.host,
    port: args.port,
    log: consoleLogger,
  });
  // Before the "Open" line, so whoever waits for that one has the signaling addresses too.
  const signaling = await host.services.signaling.start();
  for (const url of signaling.urls) process.stdout.write(`Signaling on ${url}\n`);
  if (signaling.state === 'error') consoleLogger.error(`signaling server: ${signaling.error}`);
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
