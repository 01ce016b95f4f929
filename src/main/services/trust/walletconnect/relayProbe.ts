import WebSocket from 'ws';

/**
 * Whether the relay answers at all, within `timeoutMs`: a WebSocket handshake to its
 * address, counted as reachable on an open socket or on any HTTP answer (the real relay
 * refuses a handshake without a project id, which still proves the network path works).
 * Refused, unresolvable, TLS failure or silence until the timeout: unreachable. Needed
 * because WalletConnect's relayer retries silently and only gives up after ~75 s.
 */
export function probeRelay(url: string, timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    let settled = false;
    const finish = (reachable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        socket.terminate();
      } catch {
        // already gone
      }
      resolve(reachable);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    try {
      socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    } catch {
      clearTimeout(timer);
      resolve(false);
      return;
    }
    socket.on('open', () => finish(true));
    socket.on('unexpected-response', () => finish(true));
    socket.on('error', () => finish(false));
  });
}
