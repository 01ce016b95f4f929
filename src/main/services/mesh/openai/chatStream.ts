import { ErrorCode, MailyError } from '../../../../shared/errors';
import type { OpenAiHttp } from './openAiHttp';
import { chatChunkSchema, serverErrorText } from './openAiSchemas';
import { SseParser } from './sseParser';

/** What a stream has given so far; kept by the caller, so a cancel still has the text. */
export interface StreamProgress {
  text: string;
  tokens: number;
  /** The last `finish_reason` the server sent, or null. */
  finish: string | null;
}

/**
 * Reads a streamed chat completion (`data: {json}` events, then `data: [DONE]`) into
 * `progress`, calling `onText` for each new piece. Every event is parsed with a schema;
 * a piece that is not JSON, does not fit the schema or carries an error ends the stream
 * with a MailyError. An abort through `signal` rethrows as is, `progress` intact.
 */
export async function readChatStream(
  http: OpenAiHttp,
  response: Response,
  progress: StreamProgress,
  onText: (delta: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) throw http.unreadable();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      let read: Awaited<ReturnType<typeof reader.read>>;
      try {
        read = await reader.read();
      } catch (error) {
        if (signal.aborted) throw error;
        throw cutOff(http);
      }
      const events = read.done ? parser.end() : parser.feed(decoder.decode(read.value, { stream: true }));
      for (const data of events) {
        if (signal.aborted) throw signal.reason; // onText may have cancelled: no text after that
        if (take(http, data, progress, onText)) return;
      }
      if (read.done) break;
    }
  } finally {
    void reader.cancel().catch(() => undefined); // best effort: release the connection early
  }
  if (progress.finish === null) throw cutOff(http);
}

/** Applies one event; true when it was the end (`[DONE]`). */
function take(http: OpenAiHttp, data: string, progress: StreamProgress, onText: (delta: string) => void): boolean {
  if (data.trim() === '[DONE]') return true;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw http.unreadable();
  }
  const said = serverErrorText(json);
  if (said)
    throw new MailyError(
      ErrorCode.Internal,
      `The server at ${http.url} stopped the answer with an error (it said: ${said}). Try again, or check the server's logs.`,
    );
  const chunk = chatChunkSchema.safeParse(json);
  if (!chunk.success) throw http.unreadable();
  for (const choice of chunk.data.choices.slice(0, 1)) {
    const piece = choice.delta?.content;
    if (piece) {
      progress.text += piece;
      progress.tokens++;
      onText(piece);
    }
    if (choice.finish_reason) progress.finish = choice.finish_reason;
  }
  const counted = chunk.data.usage?.completion_tokens;
  if (typeof counted === 'number') progress.tokens = counted;
  return false;
}

const cutOff = (http: OpenAiHttp) =>
  new MailyError(
    ErrorCode.Disconnected,
    `The connection to ${http.url} closed before the answer was complete. Check that the server is still running, then try again.`,
  );
