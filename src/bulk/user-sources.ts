// Where the usernames come from: a file (or standard input) read line by line, or ListUsers.
// Opening happens before the run starts, so a wrong path is an argument error like any other;
// failures while reading become the CLI's error classes.
import { createReadStream, type ReadStream } from 'node:fs';
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import { LineTooLongError, readLines, usernamesOf } from './line-reader.js';

const OS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: '[Errno 2] No such file or directory',
  EISDIR: '[Errno 21] Is a directory',
  EACCES: '[Errno 13] Permission denied',
  ENOTDIR: '[Errno 20] Not a directory',
};

export function osErrorText(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const known = OS_ERRORS[code];
  return known ? `${known}: '${path}'` : e instanceof Error ? e.message : String(e);
}

/** A read stream that is known to be open (so "no such file" is reported before anything runs). */
export async function openForReading(path: string, option: string): Promise<ReadStream> {
  const stream = createReadStream(path);
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('ready', () => resolve());
      stream.once('error', reject);
    });
  } catch (e) {
    stream.destroy();
    throw new ParamValidationError(`Unable to read ${option}: ${osErrorText(e, path)}`);
  }
  return stream;
}

/** The usernames of an opened file or of standard input, with reading errors in the CLI's terms. */
export async function* fileUsernames(source: AsyncIterable<string | Uint8Array>, option: string): AsyncGenerator<string> {
  try {
    yield* usernamesOf(readLines(source));
  } catch (e) {
    if (e instanceof LineTooLongError) throw new ParamValidationError(`${option}: ${e.message}; is this a file of usernames?`);
    throw new GeneralError(`Error reading ${option}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** How many usernames a file holds (for the progress line's time left); undefined if unreadable. */
export async function countUsernames(path: string): Promise<number | undefined> {
  let n = 0;
  try {
    for await (const _ of usernamesOf(readLines(createReadStream(path)))) n += 1;
  } catch {
    return undefined;
  }
  return n;
}
