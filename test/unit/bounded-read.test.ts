// The one bounded read behind every local file the CLI is pointed at.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputTooLargeError, readBounded, sizeText } from '../../src/util/bounded-read.js';

const dir = mkdtempSync(join(tmpdir(), 'cogso-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tooLarge(path: string, limit: number): InputTooLargeError {
  try {
    readBounded(path, limit);
  } catch (e) {
    if (e instanceof InputTooLargeError) return e;
    throw e;
  }
  throw new Error(`${path} was read whole`);
}

describe('readBounded', () => {
  it('reads a regular file up to the limit exactly', () => {
    const path = join(dir, 'exact');
    writeFileSync(path, 'x'.repeat(100));
    expect(readBounded(path, 100).toString()).toBe('x'.repeat(100));
  });

  it('refuses a regular file one byte over, as a regular file', () => {
    const path = join(dir, 'over');
    writeFileSync(path, 'x'.repeat(101));
    expect(tooLarge(path, 100)).toMatchObject({ path, limit: 100, regularFile: true });
  });

  it('refuses /dev/zero and /dev/urandom once past the limit, as devices', () => {
    for (const device of ['/dev/zero', '/dev/urandom']) expect(tooLarge(device, 70_000)).toMatchObject({ path: device, limit: 70_000, regularFile: false });
  });

  it('reads /dev/null as empty', () => {
    expect(readBounded('/dev/null', 10).length).toBe(0);
  });

  it('passes open errors through as Node raises them', () => {
    expect(() => readBounded(join(dir, 'missing'), 10)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readBounded(dir, 10)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it('names sizes as the messages do', () => {
    expect([sizeText(1024 * 1024), sizeText(256 * 1024), sizeText(1000)]).toEqual(['1 MiB', '256 KiB', '1000 bytes']);
  });
});
