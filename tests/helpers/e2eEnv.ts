import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startHost, type HostProcess } from './hostProcess';

export interface E2eEnv {
  /** The running host; a test that restarts it assigns the new one here. */
  host: HostProcess;
  browser: Browser;
}

/** Starts a fresh headless host and a real Chromium for the file's tests, and stops both after. */
export function useHostAndBrowser(options: { startHost?: boolean } = {}): E2eEnv {
  const env = {} as E2eEnv;
  beforeAll(async () => {
    if (options.startHost !== false) env.host = await startHost();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.stop();
  });
  return env;
}
