// The journal: what a resumed run skips, what it appends, and what survives a crash mid-write.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_RECORDS, FLUSH_MS, JournalError, MAX_RECORDED_CHARS, openJournal, readJournal, recordedText } from '../../src/bulk/journal.js';
import { MAX_LINE_CHARS } from '../../src/bulk/line-reader.js';
import { lockJournal } from '../../src/bulk/journal-lock.js';

let dir: string;
let path: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cogso-journal-')); path = join(dir, 'run.journal'); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const AT = '2026-01-12T10:00:00.000Z';
const POOL = 'us-east-1_Pool';

describe('readJournal', () => {
  it('a missing journal is an empty one', async () => {
    expect(await readJournal(path, POOL)).toEqual({ signedOut: new Map(), records: 0, unreadable: 0 });
  });

  it('indexes the users of this pool recorded as signed out; failures and other pools are not done', async () => {
    writeFileSync(path, [
      { username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT },
      { username: 'ghost', userPoolId: POOL, outcome: 'failed', code: 'UserNotFoundException', message: 'User does not exist.', at: AT },
      { username: 'bob', userPoolId: 'us-east-1_Other', outcome: 'signed-out', at: AT },
      { username: 'carol', userPoolId: POOL, outcome: 'signed-out', at: AT },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const index = await readJournal(path, POOL);
    expect([...index.signedOut]).toEqual([['alice', AT], ['carol', AT]]);
    expect(index).toMatchObject({ records: 4, unreadable: 0 });
  });

  it('reports an unreadable journal (a directory) by throwing', async () => {
    await expect(readJournal(dir, POOL)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

const header = (at: string): string => `{"format":"cogsignout-journal","version":1,"createdAt":"${at}"}\n`;
const fixedNow = () => new Date(AT);

describe('openJournal', () => {
  it('starts with a header, appends one JSON line per outcome in batches, readable by its owner only', async () => {
    const j = openJournal(path, { now: fixedNow });
    expect(readFileSync(path, 'utf8')).toBe(header(AT));
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', requestId: 'r-1', at: AT });
    j.append({ username: 'ghost', userPoolId: POOL, outcome: 'failed', code: 'UserNotFoundException', message: 'User does not exist.', at: AT });
    // Batched: written (and synced) on flush, at BATCH_RECORDS, after FLUSH_MS, and at close.
    expect(readFileSync(path, 'utf8')).toBe(header(AT));
    j.flush();
    expect(readFileSync(path, 'utf8')).toBe(
      header(AT)
      + `{"username":"alice","userPoolId":"${POOL}","outcome":"signed-out","requestId":"r-1","at":"${AT}"}\n`
      + `{"username":"ghost","userPoolId":"${POOL}","outcome":"failed","code":"UserNotFoundException","message":"User does not exist.","at":"${AT}"}\n`,
    );
    j.close();
    j.close();
    j.append({ username: 'late', userPoolId: POOL, outcome: 'signed-out', at: AT });
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(4);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes a full batch at once, and the rest after FLUSH_MS', () => {
    // Timers moved by hand (the writes are real): FLUSH_MS exactly, not "some time later".
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const j = openJournal(path, { now: fixedNow });
      for (let i = 0; i < BATCH_RECORDS + 1; i++) j.append({ username: `u${i}`, userPoolId: POOL, outcome: 'signed-out', at: AT });
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1 + BATCH_RECORDS);
      vi.advanceTimersByTime(FLUSH_MS - 1);
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1 + BATCH_RECORDS);
      vi.advanceTimersByTime(1);
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2 + BATCH_RECORDS);
      j.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('survives a crash mid-write: the partial line is ignored and the next run starts a fresh line', async () => {
    writeFileSync(path, header(AT) + `{"username":"alice","userPoolId":"${POOL}","outcome":"signed-out","at":"${AT}"}\n`);
    appendFileSync(path, '{"username":"bob","userPoolId":"us-ea'); // the process died here
    let index = await readJournal(path, POOL);
    expect([...index.signedOut.keys()]).toEqual(['alice']);
    expect(index.unreadable).toBe(1);

    const j = openJournal(path);
    j.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.close();
    index = await readJournal(path, POOL);
    expect([...index.signedOut.keys()]).toEqual(['alice', 'bob']);
    expect(index).toMatchObject({ records: 2, unreadable: 1 });
  });

  it('resumes a journal: the second run appends after the first, under the one header', async () => {
    const first = openJournal(path, { now: fixedNow });
    first.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    first.close();
    const second = openJournal(path);
    second.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    second.close();
    expect([...(await readJournal(path, POOL)).signedOut.keys()]).toEqual(['alice', 'bob']);
    expect(readFileSync(path, 'utf8').split('cogsignout-journal')).toHaveLength(2);
  });

  it('a journal readable by others is tightened to 600', () => {
    writeFileSync(path, header(AT), { mode: 0o644 });
    chmodSync(path, 0o644);
    openJournal(path).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses what cannot be made durable: /dev/null, a directory', () => {
    expect(() => openJournal('/dev/null')).toThrow(new JournalError('/dev/null is not a regular file, so nothing written to it can be made durable; give the path of a file'));
    expect(() => openJournal(dir)).toThrow();
  });

  it('a full disk: the write error is thrown, then again on every later call; what was written stays', () => {
    let full = false;
    const fs = {
      write: (fd: number, b: Buffer, o: number, l: number) => { if (full) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); return writeSync(fd, b, o, l); },
      sync: () => {},
    };
    const j = openJournal(path, { now: fixedNow, fs });
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.flush();
    full = true;
    j.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    const message = `[Errno 28] No space left on device: '${path}'`;
    expect(() => j.flush()).toThrow(new JournalError(message));
    expect(() => j.append({ username: 'carol', userPoolId: POOL, outcome: 'signed-out', at: AT })).toThrow(new JournalError(message));
    expect(() => j.close()).toThrow(new JournalError(message));
    expect(readFileSync(path, 'utf8')).toBe(header(AT) + `{"username":"alice","userPoolId":"${POOL}","outcome":"signed-out","at":"${AT}"}\n`);
  });
});

describe('openJournal: the path must still name the journal', () => {
  const rerun = 'rerun with this journal: the users this run signed out are signed out again, which is harmless';
  it('deleted during the run: the next batch (and every later call) says so, and nothing claims to be recorded', () => {
    const j = openJournal(path, { now: fixedNow });
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.flush();
    rmSync(path);
    j.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    const error = new JournalError(`${path} was deleted during the run: what this run recorded in it is gone (${rerun})`);
    expect(() => j.flush()).toThrow(error);
    expect(() => j.append({ username: 'carol', userPoolId: POOL, outcome: 'signed-out', at: AT })).toThrow(error);
    expect(() => j.close()).toThrow(error);
    expect(existsSync(path)).toBe(false);
  });

  it('deleted after the last batch: close says so', () => {
    const j = openJournal(path, { now: fixedNow });
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.flush();
    rmSync(path);
    expect(() => j.close()).toThrow(/was deleted during the run/);
  });

  it('replaced by another file: nothing is written to the new one', () => {
    const j = openJournal(path, { now: fixedNow });
    j.flush();
    writeFileSync(join(dir, 'other'), header(AT));
    renameSync(join(dir, 'other'), path);
    j.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    expect(() => j.close()).toThrow(new JournalError(`${path} was replaced by another file during the run: what this run recorded is in the file it replaced, and nothing was written to the new one (${rerun})`));
    expect(readFileSync(path, 'utf8')).toBe(header(AT));
  });
});

describe('openJournal: the file must still hold what the run wrote', () => {
  it('cut short during the run (truncated): the next batch says so, and nothing is written after the cut', () => {
    const j = openJournal(path, { now: fixedNow });
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.flush();
    const written = statSync(path).size;
    truncateSync(path, 0);
    j.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    const error = new JournalError(`${path} was cut short during the run (from ${written} to 0 bytes): records of this run, and of earlier ones, are gone (rerun with this journal: the users they recorded as signed out are signed out again, which is harmless)`);
    expect(() => j.flush()).toThrow(error);
    expect(() => j.close()).toThrow(error);
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('cut short after the last batch: close says so; a file that grew (a line added by hand) is no error', () => {
    const j = openJournal(path, { now: fixedNow });
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.flush();
    truncateSync(path, 10);
    expect(() => j.close()).toThrow(/was cut short during the run \(from \d+ to 10 bytes\)/);
    const k = openJournal(join(dir, 'other'), { now: fixedNow });
    k.flush();
    appendFileSync(join(dir, 'other'), '\n');
    k.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    k.close();
  });
});

describe('readJournal: only journals', () => {
  it('refuses a file that is not a journal (a copy of the usernames list)', async () => {
    writeFileSync(path, '# phished\nalice\nbob\n');
    await expect(readJournal(path, POOL)).rejects.toThrow(new JournalError(`${path} is not a cogsignout journal (its first line is not a journal header); give the path of a journal, or of a file that does not exist yet`));
  });

  it('an empty file is an empty journal', async () => {
    writeFileSync(path, '');
    expect(await readJournal(path, POOL)).toEqual({ signedOut: new Map(), records: 0, unreadable: 0 });
  });
});

describe('readJournal: a line longer than 64 KiB', () => {
  const huge = 'x'.repeat(MAX_LINE_CHARS + 10);
  it('is passed over like a line cut short: the records around it are read (an older cogsignout kept a service message whole)', async () => {
    writeFileSync(path, header(AT) + [
      { username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT },
      { username: 'ghost', userPoolId: POOL, outcome: 'failed', code: 'UserNotFoundException', message: huge, at: AT },
      { username: 'carol', userPoolId: POOL, outcome: 'signed-out', at: AT },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const index = await readJournal(path, POOL);
    expect([...index.signedOut]).toEqual([['alice', AT], ['carol', AT]]);
    expect(index).toMatchObject({ records: 2, unreadable: 1 });
  });

  it('as the first line: no journal, refused as any other file is', async () => {
    writeFileSync(path, `${huge}\n`);
    await expect(readJournal(path, POOL)).rejects.toThrow(new JournalError(`${path} is not a cogsignout journal (its first line is not a journal header); give the path of a journal, or of a file that does not exist yet`));
  });

  it('is never written: the service\'s words are cut to MAX_RECORDED_CHARS, with a note, and never inside a character', () => {
    expect(recordedText('User does not exist.')).toBe('User does not exist.');
    const cut = recordedText('m'.repeat(100_000));
    expect(cut).toBe(`${'m'.repeat(MAX_RECORDED_CHARS)}… (${100_000 - MAX_RECORDED_CHARS} more characters cut)`);
    const emoji = recordedText(`${'m'.repeat(MAX_RECORDED_CHARS - 1)}\u{1F600}tail`);
    expect(emoji).toBe(`${'m'.repeat(MAX_RECORDED_CHARS - 1)}… (6 more characters cut)`);
  });
});

describe('lockJournal', () => {
  it('one writer at a time: a second lock is refused while the first is held, granted once released', () => {
    const lock = lockJournal(path);
    expect(() => lockJournal(path)).toThrow(/is in use by another run \(process \d+ on .+, started .+\); wait for it to end\. If no such run is going on, remove .+\.lock$/);
    lock.release();
    lock.release();
    expect(existsSync(`${path}.lock`)).toBe(false);
    lockJournal(path).release();
  });

  it('recovers the lock of a run that was killed (its process gone)', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(dead), host: hostname(), startedAt: AT }));
    const lock = lockJournal(path);
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('does not take the lock of a live process, nor one from another host', () => {
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: AT }));
    expect(() => lockJournal(path)).toThrow(/in use by another run/);
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 999_999_999, host: 'elsewhere.example', startedAt: AT }));
    expect(() => lockJournal(path)).toThrow(/process 999999999 on elsewhere.example/);
  });
});
