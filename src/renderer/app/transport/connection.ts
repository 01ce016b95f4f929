/** Whether the renderer can currently reach its host. */
export type ConnectionState = 'connecting' | 'open' | 'offline';

/** A transport's connection state, observable. The desktop transport is always open. */
export interface Connection {
  get(): ConnectionState;
  /** Calls `listener` on every change. Returns the unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** The connection of a transport that cannot drop (Electron IPC). */
export const alwaysOpen: Connection = {
  get: () => 'open',
  subscribe: () => () => {},
};
