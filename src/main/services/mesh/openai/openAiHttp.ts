import { ErrorCode, MailyError } from '../../../../shared/errors';
import { serverErrorText } from './openAiSchemas';

/** Largest JSON body (models list, embeddings, error) Maily reads. 64 MiB. */
const MAX_BODY = 64 * 1024 * 1024;

/** The base URL as shown in messages: no user name or password, no trailing slash. */
export function displayUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}

/**
 * HTTP to one OpenAI-compatible server. Every failure leaves as a MailyError whose
 * message says what to do, except an abort through the caller's signal, which is
 * rethrown as is so the caller can tell cancel, deadline and timeout apart. The API key
 * goes only into the Authorization header; it is never part of a message or a log.
 */
export class OpenAiHttp {
  readonly url: string;
  readonly #base: string;
  readonly #apiKey: string | undefined;

  constructor(baseUrl: string, apiKey: string | undefined) {
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new MailyError(
        ErrorCode.InvalidInput,
        `“${baseUrl}” is not a URL. Enter the server's address, such as http://127.0.0.1:11434/v1.`,
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new MailyError(ErrorCode.InvalidInput, 'The server address must start with http:// or https://.');
    this.#base = baseUrl.replace(/\/+$/, '');
    this.url = displayUrl(baseUrl);
    this.#apiKey = apiKey || undefined;
  }

  /** Sends one request; resolves to a 2xx response, rejects with a MailyError for anything else. */
  async send(path: string, body: unknown, signal: AbortSignal, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.#apiKey) headers.Authorization = `Bearer ${this.#apiKey}`;
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw this.unreachable();
    }
    if (response.ok) return response;
    const detail = serverErrorText(await this.json(response, signal).catch(() => null));
    throw this.#statusError(response.status, detail);
  }

  /** Reads a JSON body of at most 64 MiB; E_INTERNAL when it is not JSON. */
  async json(response: Response, signal: AbortSignal): Promise<unknown> {
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY) throw this.unreadable();
    const reader = response.body?.getReader();
    if (!reader) throw this.unreadable();
    const parts: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_BODY) throw this.unreadable();
        parts.push(value);
      }
    } catch (error) {
      void reader.cancel().catch(() => undefined); // best effort: the body is abandoned either way
      if (signal.aborted || error instanceof MailyError) throw error;
      throw this.unreachable();
    }
    try {
      return JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch {
      throw this.unreadable();
    }
  }

  unreachable(): MailyError {
    return new MailyError(
      ErrorCode.Disconnected,
      `Maily could not reach ${this.url}. Check that the server is running and that the address is right.`,
    );
  }

  unreadable(): MailyError {
    return new MailyError(
      ErrorCode.Internal,
      `The server at ${this.url} sent a reply Maily could not read. Check that the address points at an OpenAI-compatible API (it usually ends in /v1).`,
    );
  }

  #statusError(status: number, detail: string | null): MailyError {
    const said = detail ? ` (it said: ${detail})` : '';
    if (status === 401 || status === 403)
      return new MailyError(
        ErrorCode.Unauthorized,
        `The server refused the API key${said}. Check the key in the node's settings.`,
      );
    if (status === 400 || status === 422)
      return new MailyError(
        ErrorCode.InvalidInput,
        `The server did not accept the request${said}. Check the model name, or shorten the request.`,
      );
    if (status === 404)
      return new MailyError(
        ErrorCode.Internal,
        `The server at ${this.url} has no such endpoint or model${said}. Check the address (it usually ends in /v1) and the model name.`,
      );
    return new MailyError(
      ErrorCode.Internal,
      `The server at ${this.url} failed with HTTP ${status}${said}. Try again, or check the server's logs.`,
    );
  }
}
