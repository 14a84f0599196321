// The journal: one JSON object per line after a header line, appended as users' outcomes are
// known, so an interrupted run can be resumed without signing anyone out twice. It behaves like
// a small database: one writer at a time (journal-lock.ts), a header so that no other file is
// ever appended to, and records made durable in batches (write + fsync). A crash can lose only
// the batch not yet written, whose users are then signed out again by the resumed run (harmless:
// a second sign-out changes nothing); it can never record a sign-out that did not happen, because
// a record is written only after the service said so. A half-written last line is told apart
// (and ignored) on the next start.
import { closeSync, createReadStream, fchmodSync, fdatasyncSync, fstatSync, fsyncSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { osErrorText } from '../util/os-errors.js';
import { readLines } from './line-reader.js';

export type Outcome = 'signed-out' | 'failed';

export interface JournalRecord {
  readonly username: string;
  readonly userPoolId: string;
  readonly outcome: Outcome;
  readonly code?: string;
  readonly message?: string;
  /** The service's x-amzn-RequestId, when the answer carried one. */
  readonly requestId?: string;
  /** ISO 8601. */
  readonly at: string;
}

/** The first line of every journal; any other existing file is refused, never appended to. */
export const JOURNAL_FORMAT = 'cogsignout-journal';
export const JOURNAL_VERSION = 1;

export function headerLine(createdAt: string): string {
  return `${JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, createdAt })}\n`;
}

/**
 * The most characters of a service's words (an error's code or message) a record keeps: a record
 * stays far below the longest line a journal is read with (line-reader.ts MAX_LINE_CHARS), whatever
 * an endpoint or a proxy answered. Cognito's own messages are a sentence.
 */
export const MAX_RECORDED_CHARS = 2048;

/** `text`, cut to MAX_RECORDED_CHARS characters with a note of how much was cut. */
export function recordedText(text: string): string {
  if (text.length <= MAX_RECORDED_CHARS) return text;
  // Not inside a surrogate pair: the record stays valid UTF-16 (and UTF-8 on disk).
  let end = MAX_RECORDED_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${text.length - end} more characters cut)`;
}

/** Records are written and synced once this many are waiting, or after FLUSH_MS. */
export const BATCH_RECORDS = 64;
export const FLUSH_MS = 200;

/** A journal that cannot be used; the message says why, without the option name. */
export class JournalError extends Error {}

export interface JournalIndex {
  /**
   * Usernames of `userPoolId` the journal records as signed out, each with when (the record's
   * `at`, '' if it has none): the only per-user memory of a run.
   */
  readonly signedOut: Map<string, string>;
  readonly records: number;
  /** Lines that were not records (a line cut short by a crash). */
  readonly unreadable: number;
}

function isRecord(value: unknown): value is JournalRecord {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.username === 'string' && typeof r.userPoolId === 'string' && typeof r.outcome === 'string';
}

function isHeader(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as Record<string, unknown>).format === JOURNAL_FORMAT;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads the journal at `path` (a missing or empty file is an empty journal). Records of other
 * pools are ignored: a journal reused for another pool must not make users of this one count as
 * done. A file whose first line is neither the header nor a record (journals written before the
 * header existed) is not a journal: JournalError.
 */
export async function readJournal(path: string, userPoolId: string): Promise<JournalIndex> {
  const signedOut = new Map<string, string>();
  let records = 0;
  let unreadable = 0;
  let stream;
  try {
    stream = createReadStream(path);
    await new Promise<void>((resolve, reject) => { stream!.once('open', () => resolve()); stream!.once('error', reject); });
  } catch (e) {
    stream?.destroy();
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { signedOut, records, unreadable };
    throw e;
  }
  let first = true;
  try {
    // A line too long for any record of ours (they are kept short: recordedText) is passed over
    // like a line cut short: at worst a user it recorded is signed out again, which is harmless.
    for await (const line of readLines(stream, { skipLong: true })) {
      if (line.tooLong !== true && line.text.trim() === '') continue;
      const value = line.tooLong === true ? undefined : parse(line.text);
      if (first) {
        first = false;
        if (isHeader(value)) continue;
        if (!isRecord(value)) throw new JournalError(`${path} is not a cogsignout journal (its first line is not a journal header); give the path of a journal, or of a file that does not exist yet`);
      }
      if (!isRecord(value)) { unreadable += 1; continue; }
      records += 1;
      if (value.userPoolId === userPoolId && value.outcome === 'signed-out' && !signedOut.has(value.username)) {
        signedOut.set(value.username, typeof value.at === 'string' ? value.at : '');
      }
    }
  } finally {
    stream.destroy();
  }
  return { signedOut, records, unreadable };
}

export interface JournalWriter {
  /** Queues a record; throws the write error of an earlier batch (the run must stop then). */
  append(record: JournalRecord): void;
  /** Writes and syncs what is queued; throws on a write error. */
  flush(): void;
  /**
   * Flushes and closes; later appends are ignored. Throws the write error, if any, or a
   * JournalError when the path no longer names the file (deleted or replaced during the run)
   * or the file was cut short.
   */
  close(): void;
}

/** The file system calls the writer makes, replaceable in tests (a full disk). */
export interface JournalFs {
  write(fd: number, bytes: Buffer, offset: number, length: number): number;
  sync(fd: number): void;
}

const REAL_FS: JournalFs = {
  write: (fd, bytes, offset, length) => writeSync(fd, bytes, offset, length),
  sync: (fd) => fdatasyncSync(fd),
};

export interface OpenOptions {
  readonly now?: () => Date;
  readonly fs?: JournalFs;
}

/**
 * Opens `path` for appending, after checking that what is written there can be made durable: a
 * regular file (not /dev/null, a pipe or a terminal), readable by its owner only (it names users:
 * a wider mode is tightened), whose header and an fsync succeed. Creates it with its header.
 * Call after the lock is taken and the journal read (readJournal refuses a foreign file).
 */
export function openJournal(path: string, options: OpenOptions = {}): JournalWriter {
  const fs = options.fs ?? REAL_FS;
  const now = options.now ?? (() => new Date());
  const fd = openSync(path, 'a+', 0o600);
  let open = true;
  let pending: string[] = [];
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;
  /** The file the path named when it was opened: what every batch checks the path still names. */
  let opened: { dev: number; ino: number } | undefined;
  /** The file's size as this run left it: less at the next batch, someone cut it short. */
  let size = 0;
  const writeAll = (text: string): void => {
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) {
      const n = fs.write(fd, bytes, done, bytes.length - done);
      done += n;
      size += n;
    }
  };
  try {
    const st = fstatSync(fd);
    opened = { dev: st.dev, ino: st.ino };
    if (!st.isFile()) throw new JournalError(`${path} is not a regular file, so nothing written to it can be made durable; give the path of a file`);
    if ((st.mode & 0o077) !== 0) {
      try {
        fchmodSync(fd, 0o600);
      } catch {
        throw new JournalError(`${path} can be read by others (mode ${(st.mode & 0o777).toString(8)}) and its mode cannot be changed to 600; a journal names users`);
      }
    }
    size = st.size;
    if (st.size === 0) {
      writeAll(headerLine(now().toISOString()));
    } else {
      // A run that crashed mid-write left a line without its newline: end it, so the first record
      // of this run starts on a line of its own instead of being glued to the fragment.
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, st.size - 1);
      if (last[0] !== 0x0a) writeAll('\n');
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    if (e instanceof JournalError) throw e;
    throw new JournalError(`${osErrorText(e, path)} (the journal cannot be made durable)`);
  }

  /**
   * A journal deleted (or replaced by another file) during the run keeps taking records through
   * the descriptor, into a file nobody will read: the run would claim progress that is nowhere.
   */
  const stillThere = (): void => {
    let now;
    try {
      now = statSync(path, { throwIfNoEntry: false });
    } catch (e) {
      throw new JournalError(`${osErrorText(e, path)} (the journal can no longer be found)`);
    }
    if (now === undefined) {
      throw new JournalError(`${path} was deleted during the run: what this run recorded in it is gone (rerun with this journal: the users this run signed out are signed out again, which is harmless)`);
    }
    if (now.dev !== opened?.dev || now.ino !== opened.ino) {
      throw new JournalError(`${path} was replaced by another file during the run: what this run recorded is in the file it replaced, and nothing was written to the new one (rerun with this journal: the users this run signed out are signed out again, which is harmless)`);
    }
    // Truncated (a `> file`, a log rotation): appends would go on at the new end, after records
    // that are gone, and the run would claim them.
    const left = fstatSync(fd).size;
    if (left < size) {
      throw new JournalError(`${path} was cut short during the run (from ${size} to ${left} bytes): records of this run, and of earlier ones, are gone (rerun with this journal: the users they recorded as signed out are signed out again, which is harmless)`);
    }
  };

  const flush = (): void => {
    if (timer !== undefined) { clearTimeout(timer); timer = undefined; }
    if (failure !== undefined) throw failure;
    try {
      stillThere();
    } catch (e) {
      failure = e;
      throw failure;
    }
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    try {
      writeAll(text);
      fs.sync(fd);
    } catch (e) {
      failure = new JournalError(osErrorText(e, path));
      throw failure;
    }
  };
  return {
    append(record) {
      if (!open) return;
      if (failure !== undefined) throw failure;
      pending.push(`${JSON.stringify(record)}\n`);
      if (pending.length >= BATCH_RECORDS) flush();
      else if (timer === undefined) {
        timer = setTimeout(() => { try { flush(); } catch { /* kept in `failure`, thrown by the next call */ } }, FLUSH_MS);
        timer.unref();
      }
    },
    flush() {
      if (open) flush();
    },
    close() {
      if (!open) return;
      open = false;
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}
