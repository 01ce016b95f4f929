#!/usr/bin/env node
// The `maily` command. `maily serve` runs the headless host from the built app.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [command, ...rest] = process.argv.slice(2);
const serveEntry = fileURLToPath(new URL('../out/main/serve.js', import.meta.url));

if (command === 'serve') {
  if (!existsSync(serveEntry)) {
    process.stderr.write('maily: the app is not built yet. Run `npm run build` first (or `npm run serve`).\n');
    process.exit(1);
  }
  process.argv = [process.argv[0], serveEntry, ...rest];
  await import(pathToFileURL(serveEntry).href);
} else {
  process.stdout.write('Usage: maily serve [--data-dir DIR] [--port N] [--host ADDRESS]\n');
  process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 1);
}
