/**
 * Writes the tiny test model: `npx tsx tests/helpers/makeTinyModel.ts <out.gguf> [seed]`.
 * Prints its size and sha256 (for checksum tests and manual tries in `maily serve`).
 */
import { resolve } from 'node:path';
import { writeTinyModel } from './tinyModel';

const [out, seed] = process.argv.slice(2);
if (!out) {
  console.error('usage: makeTinyModel <out.gguf> [seed]');
  process.exit(2);
}
const model = writeTinyModel(resolve(out), { seed: seed ? Number(seed) : 1 });
console.log(`${model.path} ${model.bytes} bytes sha256 ${model.sha256}`);
