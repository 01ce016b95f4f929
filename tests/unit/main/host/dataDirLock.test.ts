import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockDataDir } from '../../../../src/main/host/dataDirLock';
import { throttleById } from '../../../../src/main/host/throttle';
import { tempDataDir } from '../../../helpers/hostProcess';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

let env: InProcess | undefined;
afterEach(async () => {
  await env?.dispose();
  env = undefined;
  vi.useRealTimers();
});

describe('data folder lock', () => {
  it('refuses a second host on the same folder and frees it on dispose', async () => {
    env = inProcessHost();
    expect(() => lockDataDir(env!.dataDir)).toThrow(/is using/);
    await env.host.dispose();
    const release = lockDataDir(env.dataDir);
    release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'maily.lock'), '999999999');
    const release = lockDataDir(dir);
    release();
  });
});

describe('throttleById', () => {
  it('delivers the first call at once and the last one after the interval', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const t = throttleById(250, (id) => calls.push(id));
    t.push('a');
    t.push('a');
    t.push('a');
    t.push('b');
    expect(calls).toEqual(['a', 'b']);
    vi.advanceTimersByTime(260);
    expect(calls).toEqual(['a', 'b', 'a']);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['a', 'b', 'a']);
    t.cancel();
  });
});
