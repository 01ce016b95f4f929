import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { SignClient } from '@walletconnect/sign-client';
import { Wallet, type HDNodeWallet, type TypedDataDomain, type TypedDataField } from 'ethers';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A minimal WalletConnect relay on loopback, speaking enough of the relay's JSON-RPC
 * (`@walletconnect/relay-api`, as used by `@walletconnect/core` 2.25) for a dapp and a
 * wallet `SignClient` to pair, settle a session and exchange requests, with no internet:
 *
 * - `irn_subscribe` / `irn_batchSubscribe` (answer subscription ids), `irn_unsubscribe` /
 *   `irn_batchUnsubscribe`;
 * - `irn_publish` / `irn_batchPublish`, and the custom publishes of the sign protocol
 *   `wc_proposeSession` (the proposal, on the pairing topic) and `wc_approveSession` (the
 *   proposal response on the pairing topic, the settlement on the session topic);
 * - delivery as `irn_subscription` requests `{id, data: {topic, message, publishedAt,
 *   tag}}` that the client acknowledges;
 * - retention: a message published before anyone else subscribed to its topic is
 *   delivered on subscribe (and by `irn_batchFetchMessages`), once per client, never back
 *   to the client that published it; it survives `stop()`/`start()` like a real relay's
 *   mailbox.
 *
 * Any `auth` and `projectId` are accepted; the client is told apart by the `iss` of its
 * auth JWT. `stop()` drops every connection and frees the port; `start()` listens on the
 * same port again (for offline tests).
 */

interface Stored {
  topic: string;
  message: string;
  publishedAt: number;
  tag: number;
  expiresAt: number;
  from: string;
  deliveredTo: Set<string>;
}

interface Conn {
  socket: WebSocket;
  clientId: string;
  topics: Set<string>;
}

export interface WcRelay {
  /** `ws://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** JSON-RPC methods received, in order (for assertions and debugging). */
  readonly methods: string[];
  /** Clients connected now. */
  connections(): number;
  /** Drops every client and stops listening (the port is kept for `start`). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /**
   * A silent network loss: the port stays open but nothing is read or answered (no
   * pongs, handshakes hang), as when Wi-Fi drops without closing anything. `thaw()` ends it.
   */
  freeze(): void;
  thaw(): void;
  /** Stops for good. */
  close(): Promise<void>;
}

const MAX_FRAME = 1024 * 1024;
const PING_INTERVAL_MS = 10_000;

function clientIdOf(requestUrl: string | undefined): string {
  try {
    const auth = new URL(requestUrl ?? '/', 'ws://relay').searchParams.get('auth') ?? '';
    const payload = auth.split('.')[1] ?? '';
    const iss = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
    if (typeof iss === 'string' && iss.length > 0) return iss;
  } catch {
    // No or a foreign auth token: treat the connection as its own client.
  }
  return `anonymous-${randomUUID()}`;
}

/** The request's id exactly as sent (it may be a big integer or a `"…n"` string), for the answer. */
function rawIdOf(text: string): string | null {
  return /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/.exec(text)?.[1] ?? null;
}

export async function startWcRelay(options: { port?: number } = {}): Promise<WcRelay> {
  const messages: Stored[] = [];
  const conns = new Set<Conn>();
  const methods: string[] = [];
  let server: Server | null = null;
  let wss: WebSocketServer | null = null;
  let port = options.port ?? 0;
  let nextId = Date.now() * 1000;
  let frozen = false;
  const held = new Set<Duplex>();

  const subscriptionId = (topic: string, clientId: string) =>
    createHash('sha256').update(`${topic}:${clientId}`).digest('hex');

  const deliver = (conn: Conn, stored: Stored) => {
    if (stored.from === conn.clientId || stored.deliveredTo.has(conn.clientId)) return;
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    stored.deliveredTo.add(conn.clientId);
    const request = {
      id: nextId++,
      jsonrpc: '2.0',
      method: 'irn_subscription',
      params: {
        id: subscriptionId(stored.topic, conn.clientId),
        data: { topic: stored.topic, message: stored.message, publishedAt: stored.publishedAt, tag: stored.tag },
      },
    };
    conn.socket.send(JSON.stringify(request));
  };

  const publish = (from: Conn, topic: unknown, message: unknown, ttl: unknown, tag: unknown) => {
    if (typeof topic !== 'string' || typeof message !== 'string' || topic.length === 0 || message.length === 0) {
      throw new Error('topic and message are required');
    }
    const now = Date.now();
    const ttlSeconds = typeof ttl === 'number' && ttl > 0 ? ttl : 300;
    const stored: Stored = {
      topic,
      message,
      publishedAt: now,
      tag: typeof tag === 'number' ? tag : 0,
      expiresAt: now + ttlSeconds * 1000,
      from: from.clientId,
      deliveredTo: new Set(),
    };
    messages.push(stored);
    for (const conn of conns) if (conn.topics.has(topic)) deliver(conn, stored);
  };

  const retained = (topic: string) => {
    const now = Date.now();
    for (let i = messages.length - 1; i >= 0; i--) if (messages[i].expiresAt < now) messages.splice(i, 1);
    return messages.filter((m) => m.topic === topic);
  };

  const subscribe = (conn: Conn, topic: unknown): string => {
    if (typeof topic !== 'string' || topic.length === 0) throw new Error('topic is required');
    conn.topics.add(topic);
    // After the answer: the client only knows the subscription once it has its id.
    setImmediate(() => {
      for (const stored of retained(topic)) deliver(conn, stored);
    });
    return subscriptionId(topic, conn.clientId);
  };

  const handle = (conn: Conn, method: string, params: Record<string, unknown>): unknown => {
    switch (method) {
      case 'irn_subscribe':
        return subscribe(conn, params.topic);
      case 'irn_batchSubscribe':
        return (Array.isArray(params.topics) ? params.topics : []).map((topic) => subscribe(conn, topic));
      case 'irn_unsubscribe':
        if (typeof params.topic === 'string') conn.topics.delete(params.topic);
        return true;
      case 'irn_batchUnsubscribe':
        for (const s of Array.isArray(params.subscriptions) ? params.subscriptions : []) {
          const topic = (s as { topic?: unknown }).topic;
          if (typeof topic === 'string') conn.topics.delete(topic);
        }
        return true;
      case 'irn_publish':
        publish(conn, params.topic, params.message, params.ttl, params.tag);
        return true;
      case 'irn_batchPublish':
        for (const m of Array.isArray(params.messages) ? params.messages : []) {
          const p = m as Record<string, unknown>;
          publish(conn, p.topic, p.message, p.ttl, p.tag);
        }
        return true;
      // The sign protocol's own publishes also subscribe the sender, as the real relay does:
      // the dapp to the pairing topic (for the wallet's answer), the wallet to the session topic.
      case 'wc_proposeSession':
        subscribe(conn, params.pairingTopic);
        publish(conn, params.pairingTopic, params.sessionProposal, params.ttl, 1100);
        return true;
      case 'wc_approveSession':
        subscribe(conn, params.sessionTopic);
        publish(conn, params.pairingTopic, params.sessionProposalResponse, params.ttl, 1101);
        publish(conn, params.sessionTopic, params.sessionSettlementRequest, params.ttl, 1102);
        return true;
      case 'irn_batchFetchMessages': {
        const topics = Array.isArray(params.topics) ? params.topics.filter((t) => typeof t === 'string') : [];
        const out: { topic: string; message: string; publishedAt: number; tag: number }[] = [];
        for (const topic of topics) {
          for (const stored of retained(topic)) {
            if (stored.from === conn.clientId || stored.deliveredTo.has(conn.clientId)) continue;
            stored.deliveredTo.add(conn.clientId);
            out.push({ topic, message: stored.message, publishedAt: stored.publishedAt, tag: stored.tag });
          }
        }
        return { messages: out, hasMore: false };
      }
      default:
        throw Object.assign(new Error(`Unknown method ${method}`), { code: -32601 });
    }
  };

  const onConnection = (socket: WebSocket, requestUrl: string | undefined) => {
    const conn: Conn = { socket, clientId: clientIdOf(requestUrl), topics: new Set() };
    conns.add(conn);
    // The real relay pings every 30 s; a client that hears nothing for 35 s drops the socket.
    const ping = setInterval(() => socket.ping(), PING_INTERVAL_MS);
    socket.on('close', () => {
      clearInterval(ping);
      conns.delete(conn);
    });
    socket.on('error', () => socket.terminate());
    socket.on('message', (data) => {
      const text = data.toString();
      let payload: { method?: unknown; params?: unknown };
      try {
        payload = JSON.parse(text) as typeof payload;
      } catch {
        return; // not JSON: a real relay would drop it too
      }
      if (typeof payload.method !== 'string') return; // an acknowledgement of our irn_subscription
      const rawId = rawIdOf(text) ?? 'null';
      methods.push(payload.method);
      if (process.env.WC_RELAY_DEBUG)
        console.log(
          'relay',
          Date.now() % 100000,
          conn.clientId.slice(-6),
          payload.method,
          JSON.stringify(payload.params).slice(0, 120),
        );
      let answer: string;
      try {
        const result = handle(conn, payload.method, (payload.params ?? {}) as Record<string, unknown>);
        answer = `{"id":${rawId},"jsonrpc":"2.0","result":${JSON.stringify(result)}}`;
      } catch (error) {
        const code = (error as { code?: number }).code ?? -32602;
        answer = `{"id":${rawId},"jsonrpc":"2.0","error":${JSON.stringify({ code, message: (error as Error).message })}}`;
      }
      socket.send(answer);
    });
  };

  const start = async () => {
    if (server) return;
    const http = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only');
    });
    const ws = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
    http.on('upgrade', (request, socket, head) => {
      if (frozen) {
        held.add(socket); // never answered while frozen
        socket.on('close', () => held.delete(socket));
        return;
      }
      ws.handleUpgrade(request, socket, head, (client) => onConnection(client, request.url));
    });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
    port = (http.address() as AddressInfo).port;
    server = http;
    wss = ws;
  };

  const stop = async () => {
    const http = server;
    const ws = wss;
    server = null;
    wss = null;
    frozen = false;
    for (const socket of held) socket.destroy();
    held.clear();
    for (const conn of conns) conn.socket.terminate();
    conns.clear();
    if (ws) await new Promise<void>((resolve) => ws.close(() => resolve()));
    if (http) {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  };

  await start();
  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    methods,
    connections: () => conns.size,
    freeze() {
      frozen = true;
      for (const conn of conns) conn.socket.pause();
    },
    thaw() {
      frozen = false;
      for (const socket of held) socket.destroy(); // the client's stalled handshakes fail; it retries
      held.clear();
      for (const conn of conns) conn.socket.resume();
    },
    stop,
    start,
    close: stop,
  };
}

/** What the test wallet does with a signing request. */
export type WalletBehaviour = 'sign' | 'reject' | 'wrong-signature' | 'ignore' | 'hold';

export interface TestWallet {
  readonly client: SignClientInstance;
  /** The wallet's account (an ethers key). */
  readonly account: HDNodeWallet;
  behaviour: WalletBehaviour;
  /** `eth_signTypedData_v4` requests received, in order. */
  readonly requests: { address: string; typedData: string }[];
  /** Signs the requests held by `behaviour = 'hold'` now (a designer who approves late). */
  releaseHeld(): Promise<void>;
  /** Pairs with a dapp's `wc:` URI; the proposal is approved with the account on eip155. */
  pair(uri: string): Promise<void>;
  close(): Promise<void>;
}

type SignClientInstance = Awaited<ReturnType<typeof SignClient.init>>;

/** An in-memory `IKeyValueStorage` for the test wallet (its state needs no restart). */
class MemoryStorage {
  readonly #map = new Map<string, unknown>();
  async getKeys() {
    return [...this.#map.keys()];
  }
  async getEntries<T>() {
    return [...this.#map.entries()] as [string, T][];
  }
  async getItem<T>(key: string) {
    return this.#map.get(key) as T | undefined;
  }
  async setItem<T>(key: string, value: T) {
    this.#map.set(key, value);
  }
  async removeItem(key: string) {
    this.#map.delete(key);
  }
}

/**
 * A wallet on the other side of the relay: a second `SignClient` that approves every
 * session proposal with an ethers account on `eip155:1` and answers
 * `eth_signTypedData_v4` by `behaviour` (sign with its key, reject as the user would, or
 * sign with a different key).
 */
export async function startTestWallet(
  relayUrl: string,
  account: HDNodeWallet = Wallet.createRandom(),
): Promise<TestWallet> {
  process.env.DISABLE_GLOBAL_CORE = 'true';
  const client = await SignClient.init({
    projectId: 'feedfacefeedfacefeedfacefeedface',
    relayUrl,
    metadata: { name: 'Test Wallet', description: 'A wallet for tests', url: 'https://wallet.invalid', icons: [] },
    storage: new MemoryStorage(),
    telemetryEnabled: false,
    logger: 'silent',
  });
  const impostor = Wallet.createRandom();
  const requests: { address: string; typedData: string }[] = [];
  const held: (() => Promise<void>)[] = [];
  const wallet: TestWallet = {
    client,
    account,
    behaviour: 'sign',
    requests,
    async releaseHeld() {
      for (const answer of held.splice(0)) await answer();
    },
    async pair(uri) {
      await client.pair({ uri });
    },
    async close() {
      clearInterval(reconnect);
      client.core.heartbeat.stop();
      await client.core.relayer.transportClose().catch(() => undefined);
    },
  };
  // A real wallet asks the Verify API (verify.walletconnect.org) about the dapp's origin; here that
  // lookup is skipped, so that every connection this test process makes is the dapp's or the relay's.
  client.core.verify.resolve = () => Promise.resolve(undefined as never);
  client.on('session_proposal', ({ id, params }) => {
    const chains = params.optionalNamespaces.eip155?.chains ?? ['eip155:1'];
    void client.approve({
      id,
      namespaces: {
        eip155: {
          chains,
          accounts: chains.map((chain) => `${chain}:${account.address}`),
          methods: ['eth_signTypedData_v4'],
          events: ['accountsChanged', 'chainChanged'],
        },
      },
    });
  });
  client.on('session_request', ({ id, topic, params }) => {
    const { method, params: args } = params.request as { method: string; params: [string, string] };
    if (method !== 'eth_signTypedData_v4') return;
    requests.push({ address: args[0], typedData: args[1] });
    const answer = async (behaviour = wallet.behaviour) => {
      if (behaviour === 'ignore') return;
      if (behaviour === 'hold') {
        held.push(() => answer('sign'));
        return;
      }
      if (behaviour === 'reject') {
        await client.respond({
          topic,
          response: { id, jsonrpc: '2.0', error: { code: 5000, message: 'User rejected.' } },
        });
        return;
      }
      const data = JSON.parse(args[1]) as {
        domain: TypedDataDomain;
        types: Record<string, TypedDataField[]>;
        message: Record<string, unknown>;
      };
      const { EIP712Domain: _domain, ...types } = data.types;
      const signer = behaviour === 'wrong-signature' ? impostor : account;
      const signature = await signer.signTypedData(data.domain, types, data.message);
      await client.respond({ topic, response: { id, jsonrpc: '2.0', result: signature } });
    };
    void answer();
  });
  // A real wallet app reconnects when its network returns; SignClient alone may stay closed after a socket error.
  const reconnect = setInterval(() => {
    const relayer = client.core.relayer;
    if (!relayer.connected && !relayer.connecting && relayer.subscriber.hasAnyTopics) {
      relayer.transportOpen().catch(() => undefined);
    }
  }, 500);
  return wallet;
}
