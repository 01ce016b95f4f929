import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { registryInterface, rewardInterface } from '../../../../../../src/main/services/trust/chain/artifacts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../../../../..');
const script = join(root, 'scripts/compile-contracts.mjs');
const artifactsDir = join(root, 'resources/contracts');
const names = ['MailyRegistry.json', 'MailyReward.json'];

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Runs the compile script's check against `against`; resolves to its exit code and output. */
async function check(against: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, '--check', '--dir', against], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('compiled contract artifacts', () => {
  it('are what solc compiles from the committed Solidity today', { timeout: 60_000 }, async () => {
    const result = await check(artifactsDir);
    expect(result.output).toContain('Up to date');
    expect(result.code).toBe(0);
  });

  it('the check fails on a stale artifact (so the test above can fail)', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'maily-artifacts-'));
    for (const name of names) copyFileSync(join(artifactsDir, name), join(dir, name));
    const stale = JSON.parse(readFileSync(join(dir, 'MailyRegistry.json'), 'utf8'));
    stale.bytecode = `${stale.bytecode.slice(0, -2)}00`;
    writeFileSync(join(dir, 'MailyRegistry.json'), `${JSON.stringify(stale, null, 2)}\n`);
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain('Out of date: MailyRegistry.json');
  });

  it('carry the functions and events the app calls', () => {
    for (const fn of ['anchor', 'revoke', 'status']) expect(registryInterface.getFunction(fn)).not.toBeNull();
    for (const ev of ['Anchored', 'Revoked']) expect(registryInterface.getEvent(ev)).not.toBeNull();
    for (const fn of ['reward', 'symbol', 'decimals', 'balanceOf', 'transfer'])
      expect(rewardInterface.getFunction(fn)).not.toBeNull();
    expect(rewardInterface.getEvent('Transfer')!.format('sighash')).toBe('Transfer(address,address,uint256)');
    expect(rewardInterface.getEvent('Rewarded')).not.toBeNull();
  });
});
