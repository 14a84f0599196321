// Lines of a stream, one at a time, for username files (which may be larger than memory should
// hold) and journals. Pulling from the stream's async iterator is what gives backpressure: the
// next chunk is read only when the consumer asks for more lines.

/** Longer than any username or journal record; a longer "line" means the file is not one of ours. */
export const MAX_LINE_CHARS = 65_536;

export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is longer than ${MAX_LINE_CHARS} characters`);
  }
}

export interface Line {
  readonly text: string;
  /** 1-based. */
  readonly number: number;
  /** False only for a last line the file does not end with a newline after (a write cut short). */
  readonly terminated: boolean;
}

/** Bytes that are not UTF-8 (the line number is where the chunk starts, for the message). */
export class InvalidUtf8Error extends Error {}

function decodeChunk(decoder: TextDecoder, chunk: Uint8Array, line: number, stream = true): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new InvalidUtf8Error(`the text is not UTF-8 (near line ${line})`);
  }
}

/** Splits UTF-8 text into lines: LF or CRLF, a leading byte-order mark dropped. */
export async function* readLines(source: AsyncIterable<string | Uint8Array>, options: { strict?: boolean } = {}): AsyncGenerator<Line> {
  // strict: invalid UTF-8 stops the reader (a replaced character in a username would sign out,
  // or miss, someone else); journals are read leniently (a crash may cut a character in half).
  const decoder = new TextDecoder('utf-8', { fatal: options.strict === true, ignoreBOM: true });
  let pending = '';
  let number = 0;
  let first = true;
  const take = (text: string, terminated: boolean): Line => {
    number += 1;
    return { text: text.endsWith('\r') ? text.slice(0, -1) : text, number, terminated };
  };
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decodeChunk(decoder, chunk, number + 1);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = pending + text.slice(start, nl);
      pending = '';
      start = nl + 1;
      yield take(piece, true);
    }
    pending += text.slice(start);
    if (pending.length > MAX_LINE_CHARS) throw new LineTooLongError(number + 1);
  }
  pending += decodeChunk(decoder, new Uint8Array(), number + 1, false);
  if (pending.length > 0) yield take(pending, false);
}

/**
 * The usernames of a username file: each line trimmed (usernames cannot contain white space, and
 * pasted lists often carry some), blank lines and `#` comments skipped.
 */
export async function* usernamesOf(lines: AsyncIterable<Line>): AsyncGenerator<string> {
  for await (const { text } of lines) {
    const name = text.trim();
    if (name === '' || name.startsWith('#')) continue;
    yield name;
  }
}
