#!/usr/bin/env node
// Compiles the Solidity contracts in resources/contracts/ with solc-js (the `solc` npm
// package ships its compiler, so nothing is downloaded) and writes one artifact per
// contract next to its source: resources/contracts/<Name>.json = { contractName,
// compiler, settings, abi, bytecode }. The app reads the ABIs at run time; the tests
// deploy the bytecode.
//
//   node scripts/compile-contracts.mjs            write the artifacts
//   node scripts/compile-contracts.mjs --check    exit 1 if a committed artifact is out of date
//   node scripts/compile-contracts.mjs --check --dir DIR   compare against the artifacts in DIR
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourcesDir = join(root, 'resources', 'contracts');

/** `paris` (no PUSH0) so the bytecode also deploys on chains that lag behind mainnet. */
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'paris',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

/** Compiles every `.sol` file in resources/contracts; returns the artifact text per file name. */
export function compileContracts() {
  const files = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.sol'))
    .sort();
  const sources = Object.fromEntries(files.map((f) => [f, { content: readFileSync(join(sourcesDir, f), 'utf8') }]));
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const artifacts = {};
  for (const file of files) {
    for (const [contractName, contract] of Object.entries(output.contracts[file] ?? {})) {
      const artifact = {
        contractName,
        source: `resources/contracts/${file}`,
        compiler: `solc ${solc.version()}`,
        settings: { optimizer: settings.optimizer, evmVersion: settings.evmVersion },
        abi: contract.abi,
        bytecode: `0x${contract.evm.bytecode.object}`,
      };
      artifacts[`${contractName}.json`] = `${JSON.stringify(artifact, null, 2)}\n`;
    }
  }
  return artifacts;
}

function main(argv) {
  const check = argv.includes('--check');
  const dirAt = argv.indexOf('--dir');
  const outDir = dirAt >= 0 ? resolve(argv[dirAt + 1]) : sourcesDir;
  const artifacts = compileContracts();
  const stale = [];
  for (const [name, text] of Object.entries(artifacts)) {
    const path = join(outDir, name);
    if (check) {
      let current = null;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing: stale
      }
      if (current !== text) stale.push(name);
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`Out of date: ${stale.join(', ')}. Run: node scripts/compile-contracts.mjs`);
    process.exit(1);
  }
  if (check) console.log(`Up to date: ${Object.keys(artifacts).join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
