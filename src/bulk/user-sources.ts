// Where the usernames come from: a file (or standard input) read line by line, or ListUsers.
// Opening happens before the run starts, so a wrong path is an argument error like any other;
// failures while reading become the CLI's error classes.
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import { InvalidUtf8Error, LineTooLongError, NameTooLongError, readLines, usernamesOf } from './line-reader.js';
import { MEMBERS } from '../service/model.js';
import { osErrorText } from '../util/os-errors.js';
import { fsEncode } from '../util/codecs.js';

export { osErrorText };

/** A read stream that is known to be open (so "no such file" is reported before anything runs). */
export async function openForReading(path: string, option: string): Promise<ReadStream> {
  // A byte that was not UTF-8 in the argument is opened as that byte (util/codecs.ts fsEncode),
  // as file:// paths are: the file named on the command line, not one named with U+FFFD.
  const name = fsEncode(path);
  const stream = createReadStream(name);
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('ready', () => resolve());
      stream.once('error', reject);
    });
  } catch (e) {
    stream.destroy();
    throw new ParamValidationError(`Unable to read ${option}: ${osErrorText(e, path)}`);
  }
  // A directory opens fine and fails only at the first read: say so up front, like a missing file.
  if ((await stat(name)).isDirectory()) {
    stream.destroy();
    throw new ParamValidationError(`Unable to read ${option}: ${osErrorText(Object.assign(new Error(), { code: 'EISDIR' }), path)}`);
  }
  return stream;
}

/** A username file read whole and checked before anyone is signed out. */
export interface UsernameList {
  /** Each distinct username once, in the order of its first line. */
  readonly usernames: readonly string[];
  /** Lines naming a user an earlier line already named. */
  readonly duplicates: number;
  /** The duplicated usernames, each once, at most `listLimit` of them. */
  readonly duplicated: readonly string[];
}

/**
 * Reads and validates the whole input (UTF-8, line lengths: an error names its line) before the
 * first sign-out, so a bad line deep in a large file stops the run before it starts, not after
 * thousands of users. The distinct names are held in memory: the run needs them to sign each out
 * once, and to account for every one of them in the summary.
 */
export async function readUsernameList(source: AsyncIterable<string | Uint8Array>, option: string, listLimit: number): Promise<UsernameList> {
  const seen = new Set<string>();
  const duplicatedSet = new Set<string>();
  let duplicates = 0;
  for await (const name of fileUsernames(source, option)) {
    if (seen.has(name)) {
      duplicates += 1;
      if (duplicatedSet.size < listLimit) duplicatedSet.add(name);
      continue;
    }
    seen.add(name);
  }
  return { usernames: [...seen], duplicates, duplicated: [...duplicatedSet] };
}

/** The service's longest username (the model's Username max). */
const USERNAME_MAX = MEMBERS.find((m) => m.name === 'Username')?.max ?? Number.POSITIVE_INFINITY;

/** The usernames of an opened file or of standard input, with reading errors in the CLI's terms. */
export async function* fileUsernames(source: AsyncIterable<string | Uint8Array>, option: string): AsyncGenerator<string> {
  try {
    yield* usernamesOf(readLines(source, { strict: true }), USERNAME_MAX);
  } catch (e) {
    if (e instanceof LineTooLongError) throw new ParamValidationError(`${option}: ${e.message}; is this a file of usernames?`);
    if (e instanceof InvalidUtf8Error || e instanceof NameTooLongError) throw new ParamValidationError(`${option}: ${e.message}`);
    throw new GeneralError(`Error reading ${option}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * How many usernames a file holds (for the progress line's time left); undefined if unreadable.
 * Only a regular file can be read a second time: a second reader of a pipe would steal lines.
 */
export async function countUsernames(path: string): Promise<number | undefined> {
  let n = 0;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    for await (const _ of usernamesOf(readLines(createReadStream(path)))) n += 1;
  } catch {
    return undefined;
  }
  return n;
}
