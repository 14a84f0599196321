// The journal: one JSON object per line, appended as each user's outcome is known, so an
// interrupted run can be resumed without signing anyone out twice. Each record is written with
// one write(2) on a file opened for appending, so a crash loses at most the record being
// written, and a half-written last line is told apart (and ignored) on the next start.
import { closeSync, createReadStream, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { readLines } from './line-reader.js';

export type Outcome = 'signed-out' | 'failed';

export interface JournalRecord {
  readonly username: string;
  readonly userPoolId: string;
  readonly outcome: Outcome;
  readonly code?: string;
  readonly message?: string;
  /** ISO 8601. */
  readonly at: string;
}

export interface JournalIndex {
  /** Usernames of `userPoolId` the journal records as signed out: the only per-user memory of a run. */
  readonly signedOut: Set<string>;
  readonly records: number;
  /** Lines that were not records (a line cut short by a crash, or foreign text). */
  readonly unreadable: number;
}

function isRecord(value: unknown): value is JournalRecord {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.username === 'string' && typeof r.userPoolId === 'string' && typeof r.outcome === 'string';
}

/**
 * Reads the journal at `path` (a missing file is an empty journal). Records of other pools are
 * ignored: a journal reused for another pool must not make users of this one count as done.
 */
export async function readJournal(path: string, userPoolId: string): Promise<JournalIndex> {
  const signedOut = new Set<string>();
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
  for await (const line of readLines(stream)) {
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      unreadable += 1;
      continue;
    }
    if (!isRecord(value)) { unreadable += 1; continue; }
    records += 1;
    if (value.userPoolId === userPoolId && value.outcome === 'signed-out') signedOut.add(value.username);
  }
  return { signedOut, records, unreadable };
}

export interface JournalWriter {
  append(record: JournalRecord): void;
  /** Flushes to the disk and closes; later appends are ignored. */
  close(): void;
}

/** Opens `path` for appending (created readable by its owner only: it names users). */
export function openJournal(path: string): JournalWriter {
  const fd = openSync(path, 'a+', 0o600);
  // A run that crashed mid-write left a line without its newline: end it, so the first record
  // of this run starts on a line of its own instead of being glued to the fragment.
  const size = fstatSync(fd).size;
  if (size > 0) {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) writeSync(fd, '\n');
  }
  let open = true;
  return {
    append(record) {
      if (!open) return;
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    close() {
      if (!open) return;
      open = false;
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
