import WebSocket from 'ws';

/** What a WebSocket handshake with the relay gave. */
export type HandshakeResult =
  | { outcome: 'open' }
  /** The relay answered with HTTP `status` instead of switching protocols. */
  | { outcome: 'refused'; status: number }
  /** Refused port, unresolvable host, TLS failure, or silence until the timeout. */
  | { outcome: 'unreachable' };

/** Opens a WebSocket to `url` and closes it again at once, within `timeoutMs`. */
export function handshakeRelay(url: string, timeoutMs = 3_000): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    let settled = false;
    const finish = (result: HandshakeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        socket.terminate();
      } catch {
        // already gone
      }
      resolve(result);
    };
    const timer = setTimeout(() => finish({ outcome: 'unreachable' }), timeoutMs);
    try {
      socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    } catch {
      clearTimeout(timer);
      resolve({ outcome: 'unreachable' });
      return;
    }
    socket.on('open', () => finish({ outcome: 'open' }));
    socket.on('unexpected-response', (_request, response) =>
      finish({ outcome: 'refused', status: response.statusCode ?? 0 }),
    );
    socket.on('error', () => finish({ outcome: 'unreachable' }));
  });
}

/**
 * Whether the relay answers at all, within `timeoutMs`: a WebSocket handshake to its
 * address, counted as reachable on an open socket or on any HTTP answer (the real relay
 * refuses a handshake without a project id, which still proves the network path works).
 * Refused, unresolvable, TLS failure or silence until the timeout: unreachable. Needed
 * because WalletConnect's relayer retries silently and only gives up after ~75 s.
 */
export async function probeRelay(url: string, timeoutMs = 3_000): Promise<boolean> {
  return (await handshakeRelay(url, timeoutMs)).outcome !== 'unreachable';
}
