// The journal: what a resumed run skips, what it appends, and what survives a crash mid-write.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, readJournal } from '../../src/bulk/journal.js';

let dir: string;
let path: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cogso-journal-')); path = join(dir, 'run.journal'); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const AT = '2026-01-12T10:00:00.000Z';
const POOL = 'us-east-1_Pool';

describe('readJournal', () => {
  it('a missing journal is an empty one', async () => {
    expect(await readJournal(path, POOL)).toEqual({ signedOut: new Set(), records: 0, unreadable: 0 });
  });

  it('indexes the users of this pool recorded as signed out; failures and other pools are not done', async () => {
    writeFileSync(path, [
      { username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT },
      { username: 'ghost', userPoolId: POOL, outcome: 'failed', code: 'UserNotFoundException', message: 'User does not exist.', at: AT },
      { username: 'bob', userPoolId: 'us-east-1_Other', outcome: 'signed-out', at: AT },
      { username: 'carol', userPoolId: POOL, outcome: 'signed-out', at: AT },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const index = await readJournal(path, POOL);
    expect([...index.signedOut]).toEqual(['alice', 'carol']);
    expect(index).toMatchObject({ records: 4, unreadable: 0 });
  });

  it('reports an unreadable journal (a directory) by throwing', async () => {
    await expect(readJournal(dir, POOL)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('openJournal', () => {
  it('appends one JSON line per outcome, in the documented shape, readable by its owner only', async () => {
    const j = openJournal(path);
    j.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.append({ username: 'ghost', userPoolId: POOL, outcome: 'failed', code: 'UserNotFoundException', message: 'User does not exist.', at: AT });
    // Written at once, not at close: a crash keeps what was done.
    expect(readFileSync(path, 'utf8')).toBe(
      `{"username":"alice","userPoolId":"${POOL}","outcome":"signed-out","at":"${AT}"}\n`
      + `{"username":"ghost","userPoolId":"${POOL}","outcome":"failed","code":"UserNotFoundException","message":"User does not exist.","at":"${AT}"}\n`,
    );
    j.close();
    j.close();
    j.append({ username: 'late', userPoolId: POOL, outcome: 'signed-out', at: AT });
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('survives a crash mid-write: the partial line is ignored and the next run starts a fresh line', async () => {
    writeFileSync(path, `{"username":"alice","userPoolId":"${POOL}","outcome":"signed-out","at":"${AT}"}\n`);
    appendFileSync(path, '{"username":"bob","userPoolId":"us-ea'); // the process died here
    let index = await readJournal(path, POOL);
    expect([...index.signedOut]).toEqual(['alice']);
    expect(index.unreadable).toBe(1);

    const j = openJournal(path);
    j.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    j.close();
    index = await readJournal(path, POOL);
    expect([...index.signedOut]).toEqual(['alice', 'bob']);
    expect(index).toMatchObject({ records: 2, unreadable: 1 });
  });

  it('resumes a journal: the second run appends after the first', async () => {
    const first = openJournal(path);
    first.append({ username: 'alice', userPoolId: POOL, outcome: 'signed-out', at: AT });
    first.close();
    const second = openJournal(path);
    second.append({ username: 'bob', userPoolId: POOL, outcome: 'signed-out', at: AT });
    second.close();
    expect([...(await readJournal(path, POOL)).signedOut]).toEqual(['alice', 'bob']);
  });
});
