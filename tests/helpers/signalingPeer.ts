import WebSocket from 'ws';

/** A message from a signaling server, as JSON. */
export type SignalingMessage = { type: string; [key: string]: unknown };

/**
 * A raw y-webrtc-style signaling client for tests: sends the protocol's JSON frames (or
 * anything else) and records what comes back.
 */
export class SignalingPeer {
  readonly received: SignalingMessage[] = [];
  /** Resolves with the close code and reason once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.received.push(JSON.parse(data.toString()) as SignalingMessage);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.#waiters.splice(0)) wake();
      }),
    );
    ws.on('error', () => {
      // the 'close' event that follows is what tests assert on
    });
  }

  /** Connects to `url`; rejects if the connection is refused. */
  static connect(url: string, options: WebSocket.ClientOptions = {}): Promise<SignalingPeer> {
    const ws = new WebSocket(url, options);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new SignalingPeer(ws)));
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Waits for the first received message matching `match` (from the start of the record). */
  async next(match: (m: SignalingMessage) => boolean, timeoutMs = 2_000): Promise<SignalingMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (Date.now() > deadline || this.ws.readyState >= WebSocket.CLOSING)
        throw new Error(`no matching message; got ${JSON.stringify(this.received).slice(0, 300)}`);
      await new Promise<void>((wake) => {
        this.#waiters.push(wake);
        setTimeout(wake, 50);
      });
    }
  }

  /**
   * A round trip: every frame this peer sent before, and every publish the server routed
   * to it before answering, has been handled once this resolves.
   */
  async barrier(): Promise<void> {
    const pongs = this.received.filter((m) => m.type === 'pong').length;
    this.send({ type: 'ping' });
    await this.next(() => this.received.filter((m) => m.type === 'pong').length > pongs);
  }

  /** The publishes received on `topic`. */
  publishes(topic: string): SignalingMessage[] {
    return this.received.filter((m) => m.type === 'publish' && m.topic === topic);
  }

  close(): void {
    this.ws.terminate();
  }
}
