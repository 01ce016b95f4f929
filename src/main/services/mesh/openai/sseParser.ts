import { ErrorCode, MailyError } from '../../../../shared/errors';

/** Longest line Maily keeps while waiting for its end. Defaults to 1 MiB of characters. */
export const MAX_SSE_LINE = 1024 * 1024;

/**
 * An incremental server-sent-events reader: feed it decoded text as it arrives, in
 * pieces cut anywhere (mid-line, between CR and LF), and it returns the `data` of each
 * complete event. Comments (`:`), keep-alive blank lines and other fields (`event`, `id`,
 * `retry`) are skipped. A line longer than the cap throws E_TOO_LARGE, so a server
 * that never sends a newline cannot grow memory without bound.
 */
export class SseParser {
  readonly #maxLine: number;
  #line = '';
  #data: string[] = [];
  #dataSize = 0;
  /** The last piece ended in CR, so an LF at the start of the next one is the same break. */
  #afterCr = false;

  constructor(maxLine = MAX_SSE_LINE) {
    this.#maxLine = maxLine;
  }

  /** Takes the next piece of the stream; returns the events it completed, in order. */
  feed(text: string): string[] {
    const events: string[] = [];
    let start = 0;
    if (this.#afterCr && text.startsWith('\n')) start = 1;
    this.#afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.#line += text.slice(start, i);
      this.#endLine(events);
      if (c === 13) {
        if (i + 1 === text.length) this.#afterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.#line += text.slice(start);
    if (this.#line.length > this.#maxLine) throw tooLong(this.#maxLine);
    return events;
  }

  /** The stream ended: returns the last event when it was not followed by a blank line. */
  end(): string[] {
    const events: string[] = [];
    if (this.#line !== '') this.#endLine(events);
    this.#endLine(events); // dispatch whatever data is pending
    return events;
  }

  #endLine(events: string[]): void {
    const line = this.#line;
    this.#line = '';
    if (line.length > this.#maxLine) throw tooLong(this.#maxLine);
    if (line === '') {
      if (this.#data.length > 0) events.push(this.#data.join('\n'));
      this.#data = [];
      this.#dataSize = 0;
      return;
    }
    if (line.startsWith(':')) return; // a comment, often a keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.#dataSize += value.length + 1;
    if (this.#dataSize > this.#maxLine) throw tooLong(this.#maxLine); // one event's data lines count together
    this.#data.push(value);
  }
}

const tooLong = (max: number) =>
  new MailyError(
    ErrorCode.TooLarge,
    `The server sent a line longer than ${max} characters, so Maily stopped reading it. Check that the URL points at an OpenAI-compatible API.`,
  );
