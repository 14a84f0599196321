// One writer per journal: a lock file beside it (`PATH.lock`, beside the file a link points to),
// created exclusively, naming the process that holds it. A second run on the same journal is
// refused while that process lives; the lock of a run that was killed (its process gone, on
// this host) is recovered. Recovery moves the stale lock aside and checks that what it moved is
// what it judged stale, so two runs recovering at once cannot both win.
import { closeSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { JournalError } from './journal.js';
import { osErrorText } from '../util/os-errors.js';

export interface JournalLock {
  readonly path: string;
  /** Removes the lock (only if it is still this process's). Idempotent. */
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** An empty or unreadable lock younger than this may be a run between creating and writing it. */
const UNWRITTEN_GRACE_MS = 5000;

function readHolder(path: string): { text: string; holder: Holder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const v = JSON.parse(text) as Partial<Holder>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.startedAt === 'string') return { text, holder: v as Holder };
  } catch { /* judged below */ }
  return { text, holder: undefined };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function isStale(path: string, found: { holder: Holder | undefined }): boolean {
  const { holder } = found;
  if (holder === undefined) {
    try {
      return Date.now() - statSync(path).mtimeMs > UNWRITTEN_GRACE_MS;
    } catch {
      return true;
    }
  }
  return holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
}

/**
 * The file a journal path ends up writing to, symbolic links followed (a dangling one too: the
 * journal is created at its target): two paths to one journal (a link, a linked directory) must
 * share one lock, or two runs would write it at once.
 */
export function journalFile(journalPath: string): string {
  let path = resolve(journalPath);
  for (let links = 0; links < 40; links++) {
    try {
      return realpathSync(path);
    } catch { /* it does not exist (yet): its directory does, or the error is the journal's to report */ }
    try {
      if (!lstatSync(path).isSymbolicLink()) break;
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      break;
    }
  }
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

export function lockJournal(journalPath: string, now: () => Date = () => new Date()): JournalLock {
  const path = `${journalFile(journalPath)}.lock`;
  try {
    return takeLock(journalPath, path, now);
  } catch (e) {
    if (e instanceof JournalError) throw e;
    // The lock's own error names the lock: a journal the operator can write, in a directory where
    // no file can be made, would otherwise read "Permission denied" on the journal itself.
    throw new JournalError(`${osErrorText(e, path)} (the journal's lock, made beside it)`);
  }
}

function takeLock(journalPath: string, path: string, now: () => Date): JournalLock {
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now().toISOString() })}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const found = readHolder(path);
      if (found === undefined) continue; // released meanwhile
      if (!isStale(path, found)) {
        const who = found.holder === undefined ? 'a run that is starting' : `process ${found.holder.pid} on ${found.holder.host}, started ${found.holder.startedAt}`;
        throw new JournalError(`${journalPath} is in use by another run (${who}); wait for it to end. If no such run is going on, remove ${path}`);
      }
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (moved !== undefined && moved.text !== found.text) {
        // Another run recovered the stale lock and took its own between our look and our move: give it back.
        try { renameSync(aside, path); } catch { /* it is gone: the retry decides */ }
        continue;
      }
      try { unlinkSync(aside); } catch { /* already gone */ }
      continue;
    }
    try {
      writeSync(fd, mine);
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        if (readHolder(path)?.text === mine) {
          try { unlinkSync(path); } catch { /* already gone */ }
        }
      },
    };
  }
  throw new JournalError(`${journalPath} is in use by another run (its lock ${path} keeps changing)`);
}
