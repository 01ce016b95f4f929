import { rmSync } from 'node:fs';
import { createApiClient, createWireApi, type EventListener, type MailyApi } from '../../src/shared/api/client';
import { createHost, type Host, type HostSession } from '../../src/main/host/createHost';
import { fileKeyring } from '../../src/main/host/fileKeyring';
import { silentLogger } from '../../src/main/host/logger';
import { join } from 'node:path';
import { tempDataDir } from './hostProcess';

export interface InProcess {
  host: Host;
  dataDir: string;
  /** A renderer-side API bound to a new session, carried by direct calls (no wire). */
  connect(): { api: MailyApi; session: HostSession };
  dispose(): Promise<void>;
}

/** The real host and services on a temp folder, in this process. */
export function inProcessHost(dataDir = tempDataDir()): InProcess {
  const host = createHost({
    dataDir,
    kind: 'headless',
    keyring: fileKeyring(join(tempDataDir('maily-key-'), 'secret.key'), {}),
    log: silentLogger,
    mesh: { host: '127.0.0.1', mdnsInterface: '127.0.0.1' }, // test traffic stays on loopback
  });
  return {
    host,
    dataDir,
    connect() {
      const listeners = new Set<EventListener>();
      const session = host.openSession((event, payload) => {
        for (const l of listeners) l(event, payload);
      });
      const wire = createWireApi(
        (channel, input) => session.call(channel, input),
        (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      );
      return { api: createApiClient(wire), session };
    },
    async dispose() {
      await host.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
