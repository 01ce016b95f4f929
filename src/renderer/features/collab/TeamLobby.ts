import { WebsocketClient } from 'lib0/websocket';
import { z } from 'zod';

const helloSchema = z.object({
  type: z.literal('publish'),
  topic: z.string().max(256),
  data: z.object({ type: z.literal('maily-hello'), keyId: z.string().max(32), nonce: z.string().max(64) }),
});

/** How often a device says hello in its team's lobby. */
const HELLO_EVERY_MS = 15_000;

/**
 * The team lobby: a signaling topic derived from the team id alone, where each device
 * says hello with its secret's public fingerprint. Rooms are derived from the secret, so
 * a device with a stale or mistyped invite would otherwise just see nobody; here both
 * it and its teammates learn that their secrets differ, and can say so.
 */
export class TeamLobby {
  readonly #clients: WebsocketClient[];
  readonly #nonce = crypto.randomUUID();
  readonly #seen = new Set<string>();
  readonly #timer: ReturnType<typeof setInterval>;
  #mismatch = false;

  constructor(
    private readonly topic: string,
    signaling: readonly string[],
    private readonly keyId: string,
    private readonly onMismatch: () => void,
  ) {
    this.#clients = signaling.map((url) => this.#connect(url));
    this.#timer = setInterval(() => this.#helloAll(), HELLO_EVERY_MS);
  }

  /** True once a device of this team with a different secret said hello. */
  get mismatch(): boolean {
    return this.#mismatch;
  }

  dispose(): void {
    clearInterval(this.#timer);
    for (const client of this.#clients) client.destroy();
  }

  #connect(url: string): WebsocketClient {
    const client = new WebsocketClient(url);
    client.on('connect', () => {
      client.send({ type: 'subscribe', topics: [this.topic] });
      this.#hello(client);
    });
    client.on('message', (message: unknown) => this.#receive(client, message));
    return client;
  }

  #receive(client: WebsocketClient, message: unknown): void {
    const parsed = helloSchema.safeParse(message);
    if (!parsed.success || parsed.data.topic !== this.topic) return;
    const hello = parsed.data.data;
    if (hello.nonce === this.#nonce) return;
    if (hello.keyId !== this.keyId && !this.#mismatch) {
      this.#mismatch = true;
      this.onMismatch();
    }
    // Answer a device we have not heard before, so one that just arrived learns of us.
    if (!this.#seen.has(hello.nonce)) {
      if (this.#seen.size > 1_000) this.#seen.clear();
      this.#seen.add(hello.nonce);
      this.#hello(client);
    }
  }

  #helloAll(): void {
    for (const client of this.#clients) this.#hello(client);
  }

  #hello(client: WebsocketClient): void {
    if (!client.connected) return;
    client.send({
      type: 'publish',
      topic: this.topic,
      data: { type: 'maily-hello', keyId: this.keyId, nonce: this.#nonce },
    });
  }
}
