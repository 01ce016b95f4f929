#!/usr/bin/env node
// `npm start`: builds and launches the desktop app on a user's machine. Fetches what
// the CI machines cannot (the Electron binary, better-sqlite3 for Electron's ABI) the
// first time, into places that never replace the Node build the tests and `maily serve` use.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const prepareOnly = process.argv.includes('--prepare-only');
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env } });

function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

function ensureElectronBinary() {
  try {
    return require('electron'); // the package's index resolves the binary's path, or throws
  } catch {
    console.log('start: downloading the Electron binary (first run only)…');
    execFileSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
      cwd: join(root, 'node_modules/electron'),
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' }, // the install step skipped it on purpose
    });
    return require('electron');
  }
}

function ensureSqliteForElectron(version) {
  const target = join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return;
  console.log(`start: building better-sqlite3 for Electron ${version} (first run only)…`);
  const work = mkdtempSync(join(tmpdir(), 'maily-sqlite-'));
  try {
    cpSync(join(root, 'node_modules/better-sqlite3'), work, {
      recursive: true,
      filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
    });
    const prebuild = join(root, 'node_modules/.bin/prebuild-install');
    try {
      run(prebuild, ['--runtime', 'electron', '--target', version, '--arch', process.arch], work);
    } catch {
      const gyp = join(root, 'node_modules/.bin/node-gyp');
      run(
        gyp,
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        work,
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, 'build/Release/better_sqlite3.node'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const version = electronVersion();
ensureSqliteForElectron(version);
if (prepareOnly) process.exit(0);
const electron = ensureElectronBinary();
run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
const child = spawn(electron, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
