// The stream reader: messages split anywhere across chunks, any line ending, comments, ids that
// carry over to later messages.
import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from './sseParser.js';

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = new SseParser((m) => out.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

describe('SseParser', () => {
  it('reads id and data, skipping comments', () => {
    expect(parse([': ping\n\nid: c1.1\ndata: {"a":1}\n\n'])).toEqual([{ id: 'c1.1', data: '{"a":1}' }]);
  });

  it('joins data lines and keeps the id for later messages', () => {
    expect(parse(['id: 7\ndata: a\ndata: b\n\ndata: c\n\n'])).toEqual([
      { id: '7', data: 'a\nb' },
      { id: '7', data: 'c' },
    ]);
  });

  it('reads messages split across chunks and CRLF or CR endings split between chunks', () => {
    const text = 'id: c1.2\r\ndata: {"type":"token","text":"hé"}\r\n\r\nid: c1.3\rdata: x\r\r';
    const whole = parse([text]);
    expect(whole).toHaveLength(2);
    for (let cut = 1; cut < text.length; cut++) expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });

  it('dispatches nothing for a message without data', () => {
    expect(parse(['id: 3\n\n'])).toEqual([]);
  });
});
