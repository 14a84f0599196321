// Lines of a stream, one at a time, for username files (which may be larger than memory should
// hold) and journals. Pulling from the stream's async iterator is what gives backpressure: the
// next chunk is read only when the consumer asks for more lines.

/** Bytes; longer than any username or journal record: a longer "line" means the file is not one of ours. */
export const MAX_LINE_CHARS = 65_536;

export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is longer than ${MAX_LINE_CHARS} bytes`);
  }
}

export interface Line {
  readonly text: string;
  /** 1-based. */
  readonly number: number;
  /** False only for a last line the file does not end with a newline after (a write cut short). */
  readonly terminated: boolean;
  /** With `skipLong`: the line was longer than MAX_LINE_CHARS, and its text ('') was not kept. */
  readonly tooLong?: boolean;
}

/** Bytes that are not UTF-8, on the line it names. */
export class InvalidUtf8Error extends Error {
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is not UTF-8 text`);
  }
}

const NL = 0x0a;

/**
 * Splits UTF-8 text into lines: LF or CRLF, a leading byte-order mark dropped. Lines are cut at
 * the byte level (a newline byte never occurs inside a UTF-8 character) and each is decoded on
 * its own, so invalid UTF-8 is reported on the very line that holds it.
 */
export async function* readLines(source: AsyncIterable<string | Uint8Array>, options: { strict?: boolean; skipLong?: boolean } = {}): AsyncGenerator<Line> {
  // strict: invalid UTF-8 stops the reader (a replaced character in a username would sign out,
  // or miss, someone else); journals are read leniently (a crash may cut a character in half).
  // skipLong: a line too long is passed over (its bytes dropped as they come, never held) and
  // told as `tooLong`, instead of stopping the reader.
  const skipLong = options.skipLong === true;
  /** Skipping the rest of a line too long to keep. */
  let discarding = false;
  const decoder = new TextDecoder('utf-8', { fatal: options.strict === true, ignoreBOM: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  let first = true;
  const take = (bytes: Buffer, terminated: boolean): Line => {
    number += 1;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new InvalidUtf8Error(number);
    }
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return { text: text.endsWith('\r') ? text.slice(0, -1) : text, number, terminated };
  };
  const joined = (tail: Buffer): Buffer => {
    if (pending.length === 0) return tail;
    const all = Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    return all;
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = bytes.indexOf(NL); nl >= 0; nl = bytes.indexOf(NL, start)) {
      if (discarding) {
        discarding = false;
        start = nl + 1;
        yield skipped(true);
        continue;
      }
      const line = joined(bytes.subarray(start, nl));
      start = nl + 1;
      if (line.length > MAX_LINE_CHARS) {
        if (!skipLong) throw new LineTooLongError(number + 1);
        yield skipped(true);
        continue;
      }
      yield take(line, true);
    }
    if (start < bytes.length && !discarding) {
      pending.push(bytes.subarray(start));
      pendingBytes += bytes.length - start;
    }
    if (pendingBytes > MAX_LINE_CHARS) {
      if (!skipLong) throw new LineTooLongError(number + 1);
      joined(Buffer.alloc(0));
      discarding = true;
    }
  }
  if (discarding) {
    yield skipped(false);
    return;
  }
  const rest = joined(Buffer.alloc(0));
  if (rest.length > 0) yield take(rest, false);

  function skipped(terminated: boolean): Line {
    number += 1;
    first = false;
    return { text: '', number, terminated, tooLong: true };
  }
}

/**
 * A username that starts with `#` (Cognito allows it: `#` is punctuation) would read as a
 * comment; its line starts with a backslash instead, as does that of a name which itself starts
 * with backslashes before a `#`. Only such lines lose their first backslash, so no other name
 * changes meaning.
 */
const ESCAPED = /^\\+#/;

/** The line of a username file that names `username` (what --list-file writes). */
export function usernameLine(username: string): string {
  return username.startsWith('#') || ESCAPED.test(username) ? `\\${username}` : username;
}

/** A name longer than any username of the service (a pasted CSV row, a log line), on the line it names. */
export class NameTooLongError extends Error {
  constructor(readonly lineNumber: number, readonly max: number) {
    super(`line ${lineNumber} is longer than ${max} characters, the most a Cognito username has`);
  }
}

/**
 * The usernames of a username file: each line trimmed (usernames cannot contain white space, and
 * pasted lists often carry some), blank lines and `#` comments skipped, `\#…` read as `#…`.
 * A name longer than `maxLength` characters is no user's: NameTooLongError (sent, the service's
 * refusal quotes it whole, and a long enough one is an answer too large to read, which stops the
 * run there on every resume).
 */
export async function* usernamesOf(lines: AsyncIterable<Line>, maxLength = Number.POSITIVE_INFINITY): AsyncGenerator<string> {
  for await (const { text, number } of lines) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const name = ESCAPED.test(trimmed) ? trimmed.slice(1) : trimmed;
    // Characters, not UTF-16 units: never refuse a name the service could take.
    if (name.length > maxLength && [...name].length > maxLength) throw new NameTooLongError(number, maxLength);
    yield name;
  }
}
