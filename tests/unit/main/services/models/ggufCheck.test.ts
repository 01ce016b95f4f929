import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGguf } from '../../../../../src/main/services/models/ggufCheck';
import { seededRandom } from '../../../../../src/shared/simulator/random';
import {
  tinyModelBytes,
  writeNotGgufFile,
  writeTinyModel,
  writeTruncatedModel,
  writeUnsupportedArchModel,
} from '../../../../helpers/tinyModel';

const dir = mkdtempSync(join(tmpdir(), 'maily-gguf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const problemOf = async (path: string) => {
  const result = await checkGguf(path);
  return result.ok ? null : result.problem;
};

describe('checkGguf', () => {
  it('passes the tiny model with what its header says', async () => {
    const result = await checkGguf(writeTinyModel(join(dir, 'tiny.gguf')).path);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.info).toMatchObject({
      architecture: 'llama',
      name: 'Maily tiny test model',
      fileType: 0,
      contextLength: 2048,
    });
    expect(result.info.parameters).toBeGreaterThan(100_000);
  });

  it('says a cut-off file is cut off, with how much is there', async () => {
    expect(await problemOf(writeTruncatedModel(join(dir, 'cut.gguf'), 0.5).path)).toMatch(
      /^This file is cut off \(\d+ kB of \d+ kB\); download it again\.$/,
    );
    expect(await problemOf(writeTruncatedModel(join(dir, 'stub.gguf'), 0.001).path)).toMatch(
      /cut off.*download it again/,
    );
  });

  it('refuses a file that is not GGUF', async () => {
    expect(await problemOf(writeNotGgufFile(join(dir, 'page.gguf')).path)).toMatch(/^Not a GGUF model file/);
    writeFileSync(join(dir, 'empty.gguf'), '');
    expect(await problemOf(join(dir, 'empty.gguf'))).toMatch(/^Not a GGUF model file/);
  });

  it('names an unsupported architecture', async () => {
    expect(await problemOf(writeUnsupportedArchModel(join(dir, 'arch.gguf')).path)).toMatch(
      /^Architecture “nosucharch” is not supported by this version of Maily/,
    );
  });

  it('refuses an odd head size and missing byte tokens (both abort llama.cpp)', async () => {
    const odd = writeTinyModel(join(dir, 'odd.gguf'), { embeddingLength: 60, headCount: 4 }).path;
    expect(await problemOf(odd)).toMatch(/odd size \(15\)/);
    const noBytes = writeTinyModel(join(dir, 'nobytes.gguf'), { byteTokens: false }).path;
    expect(await problemOf(noBytes)).toMatch(/lacks 256 of the 256 byte tokens/);
  });

  it('says when a file is missing', async () => {
    expect(await problemOf(join(dir, 'nothing-here.gguf'))).toMatch(/^There is no file at/);
  });

  it('never throws on damaged headers (seeded byte flips)', async () => {
    const good = tinyModelBytes();
    const random = seededRandom(42);
    for (let round = 0; round < 60; round++) {
      const bytes = Buffer.from(good.subarray(0, 12_000));
      for (let flips = 0; flips < 4; flips++) bytes[8 + Math.floor(random() * 11_000)] = Math.floor(random() * 256);
      const path = join(dir, `fuzz-${round}.gguf`);
      writeFileSync(path, bytes);
      const result = await checkGguf(path);
      // Only the first 12 kB are there, so no flipped file may pass as loadable.
      expect(result.ok).toBe(false);
    }
  });
});
