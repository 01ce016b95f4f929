import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers `POST /chat/completions`. */
export interface FakeReply {
  /** Text pieces, one `data:` event each. Defaults to ["Hello", ", ", "world"]. */
  pieces?: string[];
  /** The last event's finish_reason. Defaults to "stop". */
  finish?: 'stop' | 'length';
  /** Events written verbatim instead of JSON chunks (garbage, errors). */
  raw?: string[];
  /** Cut each event's bytes in two writes, mid-JSON. Defaults to false. */
  split?: boolean;
  /** Line ends: CRLF instead of LF. Defaults to false. */
  crlf?: boolean;
  /** Answer 400 when the request asks for `json_schema` (servers without it). Defaults to false. */
  rejectJsonSchema?: boolean;
}

/** A request the fake saw. */
export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: Record<string, unknown> | null;
}

/** A loopback OpenAI-compatible server for the OpenAI node's tests. */
export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1` */
  url: string;
  requests: FakeRequest[];
  reply: FakeReply;
  /** Answer every request with this HTTP status while set. */
  failWith: number | null;
  /** Chat requests streaming right now, and the most at once. */
  active: number;
  maxActive: number;
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 that speaks the streaming protocol of OpenAI-compatible
 * servers (server-sent events with small delays, then `data: [DONE]`), `/v1/models` and
 * `/v1/embeddings` (the vector of a text is its char codes, unnormalised). It can require
 * an API key, fail with a status, send garbage or cut events mid-JSON, and records every
 * request.
 */
export async function startFakeOpenAiServer(
  options: { apiKey?: string; delayMs?: number } = {},
): Promise<FakeOpenAiServer> {
  const delay = options.delayMs ?? 5;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const sockets = new Set<import('node:net').Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    fake.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization ?? null, body });
    const fail = (status: number, message: string) =>
      void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message } }));
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) return fail(401, 'Invalid API key');
    if (fake.failWith !== null) return fail(fake.failWith, 'Server exploded');
    if (path === '/v1/models') return json(res, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
    if (path === '/v1/embeddings') {
      const input = (body?.input ?? []) as string[];
      const data = input.map((text, index) => ({ index, embedding: [...text].map((c) => c.charCodeAt(0)) }));
      return json(res, { data: data.reverse() }); // out of order on purpose: the index decides
    }
    if (path !== '/v1/chat/completions') return fail(404, 'Not found');
    const format = (body?.response_format as { type?: string } | undefined)?.type;
    if (fake.reply.rejectJsonSchema && format === 'json_schema')
      return fail(400, 'response_format json_schema is not supported');
    await stream(res, fake.reply);
  };

  const stream = async (res: ServerResponse, reply: FakeReply) => {
    fake.active++;
    fake.maxActive = Math.max(fake.maxActive, fake.active);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const nl = reply.crlf ? '\r\n' : '\n';
    const pieces = reply.pieces ?? ['Hello', ', ', 'world'];
    const events =
      reply.raw ??
      pieces.map((content, i) =>
        JSON.stringify({
          id: 'c1',
          object: 'chat.completion.chunk',
          choices: [
            { index: 0, delta: { content }, finish_reason: i === pieces.length - 1 ? (reply.finish ?? 'stop') : null },
          ],
        }),
      );
    try {
      res.write(`: keep-alive${nl}${nl}`);
      for (const event of [...events, '[DONE]']) {
        await sleep(delay);
        if (res.destroyed) return;
        const bytes = `data: ${event}${nl}${nl}`;
        if (reply.split) {
          const cut = Math.floor(bytes.length / 2);
          res.write(bytes.slice(0, cut));
          await sleep(delay);
          res.write(bytes.slice(cut));
        } else res.write(bytes);
      }
      res.end(); // no await between the last write and `active--`, so a client's next request sees the count
    } finally {
      fake.active--;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy()); // a broken test request just drops the connection
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeOpenAiServer = {
    url: `http://127.0.0.1:${port}/v1`,
    requests: [],
    reply: {},
    failWith: null,
    active: 0,
    maxActive: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}
