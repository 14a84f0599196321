// Username files: lines split across chunks however the stream cuts them, CRLF, blank lines,
// comments, a byte-order mark, no final newline, standard input, and a file that is no list.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineTooLongError, MAX_LINE_CHARS, readLines, usernamesOf } from '../../src/bulk/line-reader.js';
import { fileUsernames, readUsernameList } from '../../src/bulk/user-sources.js';
import { ParamValidationError } from '../../src/errors/errors.js';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

describe('readLines', () => {
  it('splits on LF and CRLF, whatever the chunk boundaries', async () => {
    const lines = await collect(readLines(chunks('al', 'ice\r', '\nbob\n\ncar', 'ol\r\n')));
    expect(lines.map((l) => l.text)).toEqual(['alice', 'bob', '', 'carol']);
    expect(lines.every((l) => l.terminated)).toBe(true);
  });

  it('keeps a multi-byte character cut between two chunks', async () => {
    const bytes = Buffer.from('zoë\nżaneta\n', 'utf8');
    const lines = await collect(readLines(chunks(bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9))));
    expect(lines.map((l) => l.text)).toEqual(['zoë', 'żaneta']);
  });

  it('drops a byte-order mark and marks an unterminated last line', async () => {
    const lines = await collect(readLines(chunks(Buffer.from('\ufeffalice\nbob', 'utf8'))));
    expect(lines).toEqual([{ text: 'alice', number: 1, terminated: true }, { text: 'bob', number: 2, terminated: false }]);
  });

  it('refuses a "line" longer than any username (a binary or minified file)', async () => {
    const big = 'x'.repeat(MAX_LINE_CHARS + 1);
    await expect(collect(readLines(chunks('ok\n', big.slice(0, 40_000), big.slice(40_000))))).rejects.toThrow(LineTooLongError);
  });

  it('skipLong (journals): a line too long is told as tooLong, not kept, and the lines after it are read, however the chunks cut it', async () => {
    const big = 'x'.repeat(3 * MAX_LINE_CHARS);
    const text = `ok\n${big}\nafter\n${'y'.repeat(MAX_LINE_CHARS + 1)}\nlast\n${big}`;
    for (const size of [7, 40_000, MAX_LINE_CHARS, text.length]) {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
      const lines = await collect(readLines(chunks(...parts), { skipLong: true }));
      expect(lines).toEqual([
        { text: 'ok', number: 1, terminated: true },
        { text: '', number: 2, terminated: true, tooLong: true },
        { text: 'after', number: 3, terminated: true },
        { text: '', number: 4, terminated: true, tooLong: true },
        { text: 'last', number: 5, terminated: true },
        { text: '', number: 6, terminated: false, tooLong: true },
      ]);
    }
  });
});

describe('usernamesOf', () => {
  it('skips blank lines and # comments and trims pasted white space', async () => {
    const text = '# compromised accounts, 2026-01-12\r\nalice\r\n\r\n   \r\n  bob  \r\n#carol\r\n\tdave\r\n';
    expect(await collect(usernamesOf(readLines(chunks(text))))).toEqual(['alice', 'bob', 'dave']);
  });

  it('reads standard input as a stream (- on the command line)', async () => {
    const stdin = Readable.from([Buffer.from('alice\nbo'), Buffer.from('b\n# x\n')]);
    expect(await collect(fileUsernames(stdin, '--usernames-file'))).toEqual(['alice', 'bob']);
  });

  it('reports a line too long as an argument error naming the option and line', async () => {
    const stdin = Readable.from([Buffer.from(`alice\n${'y'.repeat(MAX_LINE_CHARS + 10)}`)]);
    const err = await collect(fileUsernames(stdin, '--usernames-file')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParamValidationError);
    expect((err as Error).message).toBe(`--usernames-file: line 2 is longer than ${MAX_LINE_CHARS} bytes; is this a file of usernames?`);
  });

  it('pulls from the stream only as lines are consumed', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      for (;;) { pulled += 1; yield `user-${pulled}\n`; }
    }
    const it = usernamesOf(readLines(endless()));
    for (let i = 0; i < 5; i++) await it.next();
    await it.return(undefined);
    expect(pulled).toBeLessThanOrEqual(6);
  });
});

describe('readUsernameList: the whole input, checked before the run', () => {
  it('invalid UTF-8 deep in a large file names its own line, whatever the chunks', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 14_000).join('\n') + '\n'), Buffer.from([0x62, 0xff, 0x0a]), Buffer.from(lines.slice(14_000).join('\n'))]);
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 4093) pieces.push(bytes.subarray(at, at + 4093));
    const err = await readUsernameList(Readable.from(pieces), '--usernames-file', 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParamValidationError);
    expect((err as Error).message).toBe('--usernames-file: line 14001 is not UTF-8 text');
  });

  it('a character cut between chunks is no error; duplicates are kept once, counted and named', async () => {
    const bytes = Buffer.from('zoë\nbob\nzoë\n# c\nbob\nzoë\ncarol\n', 'utf8');
    const list = await readUsernameList(Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]), '--usernames-file', 10);
    expect(list).toEqual({ usernames: ['zoë', 'bob', 'carol'], duplicates: 3, duplicated: ['zoë', 'bob'] });
  });
});
