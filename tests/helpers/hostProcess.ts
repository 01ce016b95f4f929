import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serveEntry = join(repoRoot, 'out/main/serve.js');

export interface HostProcess {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** The first `Signaling on ws://…` address printed, when the signaling server runs. */
  signalingUrl?: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the printed URL. */
  startupMs: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A fresh data folder under the OS temp dir. */
export function tempDataDir(prefix = 'maily-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Starts the real headless host (`node out/main/serve.js`, built by `npm run build`) on
 * a free loopback port and waits for the URL it prints.
 */
export async function startHost(dataDir = tempDataDir(), extraArgs: string[] = []): Promise<HostProcess> {
  if (!existsSync(serveEntry)) throw new Error('out/main/serve.js is missing: run `npm run build` first');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      serveEntry,
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--secret-key-file',
      join(tempDataDir('maily-key-'), 'secret.key'),
      // The AI mesh starts for the first team: its listener and mDNS stay on loopback in tests.
      '--mesh-host',
      '127.0.0.1',
      '--mesh-mdns-interface',
      '127.0.0.1',
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env.MAILY_HOST_LOG) process.stderr.write(d);
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 20 s:\n${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Open (http:\/\/\S+#token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${stderr}`)));
  });
  const parsed = new URL(url);
  // serve.ts prints the signaling addresses before the "Open" line, so they are in `out` by now.
  const signalingUrl = /Signaling on (ws:\/\/\S+)/.exec(out)?.[1];
  return {
    url,
    signalingUrl,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    dataDir,
    process: child,
    startupMs: performance.now() - started,
    stop: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill(signal);
      }),
  };
}
