// The help commands and the help pager, as functions (the CLI end to end is in cli.test.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/context.js';
import { GeneralError } from '../../src/errors/errors.js';
import { PythonError } from '../../src/python/builtins.js';
import { findOnPath, helpPagerCommand, plainText, sendToPager, shellSplit } from '../../src/help/pager.js';
import { shellSplitError } from '../../src/util/shlex.js';
import { BULK_PAGE, OPERATION_PAGE, TOP_PAGE } from '../../src/help/pages.js';
import { Settings } from '../../src/config/settings.js';
import { helpColumns, renderPage, showBulkHelp, showHelpCommand, showHelpFlag, showOperationHelp, showTopHelp } from '../../src/help/show.js';
import { fakeIo } from './support.js';

/** The help pager off: the page is written to the fake stdout. */
const DIRECT = { MANPAGER: '' };

describe('shellSplit (Python shlex.split)', () => {
  it.each([
    ['less -R', ['less', '-R']],
    ['  less   -R  ', ['less', '-R']],
    ["sh -c 'cat > out'", ['sh', '-c', 'cat > out']],
    ['a "b c" d', ['a', 'b c', 'd']],
    ['a "b \\" \\\\ \\x"', ['a', 'b " \\ \\x']],
    ['a\\ b c', ['a b', 'c']],
    ["x'y'z \"\"", ['xyz', '']],
    ['', []],
  ])('%j', (input, expected) => {
    expect(shellSplit(input)).toEqual(expected);
  });

  it('rejects an unclosed quote or a trailing backslash', () => {
    expect(shellSplit("less 'x")).toBeUndefined();
    expect(shellSplit('less \\')).toBeUndefined();
  });

  // Python 3.11's shlex.split on each: its ValueError's text, or none.
  it.each([
    ['a\\', 'No escaped character'],
    ['"a\\', 'No escaped character'],
    ["'a\\", 'No closing quotation'],
    ['"a\\\\', 'No closing quotation'],
    ['a\\\\\\', 'No escaped character'],
    ['"\\"', 'No closing quotation'],
    ['x\\ ', undefined],
    ['a "b c" d', undefined],
  ])('its error for %j', (input, expected) => {
    expect(shellSplitError(input)).toBe(expected);
  });
});

describe('the help pager', () => {
  it('is MANPAGER, else PAGER, else less -R', () => {
    expect(helpPagerCommand({ MANPAGER: 'most -s', PAGER: 'more' })).toEqual(['most', '-s']);
    expect(helpPagerCommand({ PAGER: 'more' })).toEqual(['more']);
    expect(helpPagerCommand({})).toEqual(['less', '-R']);
    expect(helpPagerCommand({ MANPAGER: '', PAGER: 'more' })).toBeUndefined();
  });

  it("is shlex.split's ValueError when it cannot be split, as in the AWS CLI (recorded on a terminal)", () => {
    expect(() => helpPagerCommand({ PAGER: "less '" })).toThrow(new PythonError('ValueError', 'No closing quotation'));
    expect(() => helpPagerCommand({ MANPAGER: 'a\\', PAGER: 'cat' })).toThrow(new PythonError('ValueError', 'No escaped character'));
  });

  it('is looked up on PATH, or taken as a path when it has a slash', () => {
    expect(findOnPath('sh', { PATH: process.env.PATH })).toMatch(/\/sh$/);
    expect(findOnPath('/bin/sh', { PATH: '' })).toBe('/bin/sh');
    expect(findOnPath('no-such-pager-cogso', { PATH: process.env.PATH })).toBeUndefined();
    expect(findOnPath('sh', { PATH: '/nonexistent' })).toBeUndefined();
  });

  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cogso-pager-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  const TTY = { columns: 80 };
  const BOLD_PAGE = 'N\bNA\bAM\bME\bE\n       _\bx y\n';

  it('gets the page on its stdin, overstrikes and all, run without a shell from the split command', async () => {
    const file = join(dir, 'paged');
    const io = fakeIo({ PAGER: `sh -c 'cat > "$0"' ${file}` }, TTY);
    await sendToPager(io, BOLD_PAGE);
    expect(readFileSync(file, 'utf8')).toBe(BOLD_PAGE);
    expect(io.out()).toBe('');
  });

  it('goes through MANPAGER before PAGER', async () => {
    const file = join(dir, 'paged');
    const io = fakeIo({ PAGER: 'cat', MANPAGER: `sh -c 'sed -n 1p > "$0"' ${file}` }, TTY);
    await sendToPager(io, 'one\ntwo\n');
    expect(readFileSync(file, 'utf8')).toBe('one\n');
    expect(io.out()).toBe('');
  });

  it('prints the page as plain text and one more newline when the pager is not on PATH, as the AWS CLI does', async () => {
    const io = fakeIo({ MANPAGER: 'no-such-pager-cogso -R' }, TTY);
    await sendToPager(io, BOLD_PAGE);
    expect(io.out()).toBe('NAME\n       x y\n\n');
  });

  it('fails as Popen does, with nothing printed, when the pager is there but cannot be run (AWS CLI 2.36.7 on a terminal)', async () => {
    // Recorded under `script` (a pty): PAGER=<a directory> and PAGER=<a file without x> give
    // "aws: [ERROR]: [Errno 13] Permission denied: '<it>'", 255.
    const noexec = join(dir, 'not-executable');
    writeFileSync(noexec, '#!/bin/sh\ncat\n');
    for (const pager of [dir, noexec]) {
      const io = fakeIo({ PAGER: pager }, TTY);
      await expect(sendToPager(io, BOLD_PAGE)).rejects.toThrow(new GeneralError(`[Errno 13] Permission denied: '${pager}'`));
      expect(io.out()).toBe('');
    }
    // Found as the AWS CLI finds it: any file there, the name joined to each PATH entry.
    expect(findOnPath('not-executable', { PATH: `/nonexistent:${dir}` })).toBe(noexec);
    expect(findOnPath('not-executable', { PATH: '' }, dir)).toBe('not-executable');
  });

  it('prints the page as plain text when the pager setting is empty', async () => {
    const io = fakeIo(DIRECT, TTY);
    await sendToPager(io, BOLD_PAGE);
    expect(io.out()).toBe('NAME\n       x y\n');
  });

  it('runs no pager and prints plain text when stdout is not a terminal, as man does', async () => {
    const file = join(dir, 'paged');
    const io = fakeIo({ PAGER: `sh -c 'cat > "$0"' ${file}` });
    await sendToPager(io, BOLD_PAGE);
    expect(io.out()).toBe('NAME\n       x y\n');
    expect(existsSync(file)).toBe(false);
  });

  it('does not mind a pager that quits without reading', async () => {
    const io = fakeIo({ PAGER: 'true' }, TTY);
    await sendToPager(io, 'x'.repeat(1 << 20));
    expect(io.out()).toBe('');
  });

  it('leaves the Ctrl-C handlers as they were', async () => {
    const before = process.rawListeners('SIGINT').length;
    await sendToPager(fakeIo({ PAGER: 'true' }, TTY), 'page');
    expect(process.rawListeners('SIGINT')).toHaveLength(before);
  });

  it('takes Ctrl-C over through the Io while the pager runs, and gives it back', async () => {
    const taken: string[] = [];
    const io = { ...fakeIo({ PAGER: 'true' }, TTY), onInterrupt: () => { taken.push('taken'); return () => { taken.push('released'); }; } };
    await sendToPager(io, 'page');
    expect(taken).toEqual(['taken', 'released']);
  });
});

describe('page width', () => {
  it('is 80 columns when stdout is not a terminal, else the terminal\'s, and MANWIDTH wins', () => {
    expect(helpColumns(fakeIo())).toBe(80);
    expect(helpColumns(fakeIo({}, { columns: 132 }))).toBe(132);
    expect(helpColumns(fakeIo({ MANWIDTH: '100' }, { columns: 132 }))).toBe(100);
    expect(helpColumns(fakeIo({ MANWIDTH: 'wide' }))).toBe(80);
  });
});

describe('the help commands', () => {
  it('shows the operation page, sized to the terminal', async () => {
    const io = fakeIo(DIRECT, { columns: 120 });
    // The operation help needs the I/O and the settings (for cli_help_output) of its context.
    const settings = new Settings(io.env, undefined);
    expect(await showOperationHelp({ io, settings } as unknown as CommandContext)).toBe(0);
    expect(io.out()).toBe(plainText(renderPage(OPERATION_PAGE, 120)));
  });

  it('shows the top and bulk-sign-out pages', async () => {
    const top = fakeIo(DIRECT);
    expect(await showTopHelp(top)).toBe(0);
    expect(top.out()).toBe(plainText(renderPage(TOP_PAGE, 80)));
    const bulk = fakeIo(DIRECT);
    expect(await showBulkHelp(bulk)).toBe(0);
    expect(bulk.out()).toBe(plainText(renderPage(BULK_PAGE, 80)));
  });

  it.each([
    [[], TOP_PAGE],
    [['bulk-sign-out'], BULK_PAGE],
    [['admin-user-global-sign-out', 'extra'], OPERATION_PAGE],
    [['nonsense'], TOP_PAGE],
  ])('help %j shows the page of the command after it, else the top page', async (args, page) => {
    const io = fakeIo(DIRECT);
    expect(await showHelpCommand(io, args)).toBe(0);
    expect(io.out()).toBe(plainText(renderPage(page, 80)));
  });

  it.each([
    [['admin-user-global-sign-out', '--user-pool-id', 'p', '--help'], OPERATION_PAGE],
    [['-h', 'bulk-sign-out'], BULK_PAGE],
    [['--output', 'json', '-h'], TOP_PAGE],
    [['--help'], TOP_PAGE],
  ])('-h/--help in %j shows the page of the command on the line', async (argv, page) => {
    const io = fakeIo(DIRECT);
    expect(await showHelpFlag(io, argv)).toBe(0);
    expect(io.out()).toBe(plainText(renderPage(page, 80)));
  });
});
