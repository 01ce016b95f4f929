import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MailyApi } from '../../shared/api/client';
import type { Backend } from './api';
import type { ConnectionState } from './transport/connection';

const BackendContext = createContext<Backend | null>(null);

export const BackendProvider = BackendContext.Provider;

function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useApi must be used inside <BackendProvider>');
  return backend;
}

/** The contract's API, whichever transport carries it. */
export function useApi(): MailyApi {
  return useBackend().api;
}

/** The transport's connection state, re-rendering on change. */
export function useConnectionState(): ConnectionState {
  const { connection } = useBackend();
  return useSyncExternalStore(
    (cb) => connection.subscribe(cb),
    () => connection.get(),
  );
}

/** The connection object itself, for services that resync on reconnect. */
export function useConnection() {
  return useBackend().connection;
}
