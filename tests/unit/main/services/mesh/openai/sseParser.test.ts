import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../../../../src/main/services/mesh/openai/sseParser';
import { MailyError } from '../../../../../../src/shared/errors';

const stream = 'data: {"a":1}\r\n\r\n: keep-alive\r\n\r\nevent: x\ndata: two\ndata: lines\n\n\n\ndata:[DONE]\n\n';
const expected = ['{"a":1}', 'two\nlines', '[DONE]'];

describe('SseParser', () => {
  it('reads events with CRLF, comments, other fields and keep-alives', () => {
    expect(new SseParser().feed(stream)).toEqual(expected);
  });

  it('gives the same events however the stream is cut, even between CR and LF', () => {
    for (let size = 1; size <= 7; size++) {
      const parser = new SseParser();
      const events: string[] = [];
      for (let i = 0; i < stream.length; i += size) events.push(...parser.feed(stream.slice(i, i + size)));
      events.push(...parser.end());
      expect(events).toEqual(expected);
    }
  });

  it('returns a last event that has no blank line after it', () => {
    const parser = new SseParser();
    expect(parser.feed('data: tail')).toEqual([]);
    expect(parser.end()).toEqual(['tail']);
  });

  it('throws E_TOO_LARGE for a line past the cap', () => {
    const parser = new SseParser(16);
    expect(() => parser.feed('data: ' + 'x'.repeat(20))).toThrow(MailyError);
    expect(() => new SseParser(16).feed('data: 0123456789\ndata: 0123456789\n')).toThrow(/longer than 16/);
  });
});
