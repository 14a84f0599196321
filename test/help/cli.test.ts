// Help and completion end to end: the built CLI as a child process. The recorded `help-*` cases
// must keep the AWS CLI's exit codes (help-flag is our deliberate difference: -h/--help show help).
import { describe, expect, it } from 'vitest';
import { BULK_PAGE, OPERATION_PAGE, TOP_PAGE } from '../../src/help/pages.js';
import { renderPage } from '../../src/help/show.js';
import { plainText } from '../../src/help/pager.js';
import { completionScript } from '../../src/completion/index.js';
import { BIN, runCli } from '../support/cli.js';
import { recorded } from '../support/recordings.js';
import { recordedOperationPage } from './support.js';

const PAGER = { PAGER: 'cat' };
/** A page as printed when stdout is not a terminal (as here): plain text, no pager. */
const piped = (page: Parameters<typeof renderPage>[0], columns = 80): string => plainText(renderPage(page, columns));

describe('recorded help cases', () => {
  for (const id of ['help-op', 'help-op-with-args', 'help-service']) {
    it(`${id}: exit ${recorded(id).exitCode}`, async () => {
      const c = recorded(id);
      const r = await runCli(c.args, { env: c.env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(c.exitCode);
    });
  }

  it('help-op prints the operation page: the AWS bytes up to our paragraph, as plain text when piped', async () => {
    const r = await runCli(recorded('help-op').args, { env: PAGER });
    expect(r.stdout).toBe(piped(OPERATION_PAGE));
    const upTo = recordedOperationPage().indexOf('S\bSY\bYN\bNO\bOP\bPS\bSI\bIS\bS');
    expect(renderPage(OPERATION_PAGE, 80).slice(0, upTo - 1)).toBe(recordedOperationPage().slice(0, upTo - 1));
    expect(r.stdout.startsWith(plainText(recordedOperationPage().slice(0, upTo - 1)))).toBe(true);
  });

  it('help-op-with-args prints the same page and sends nothing', async () => {
    const r = await runCli(recorded('help-op-with-args').args, { env: PAGER });
    expect(r.stdout).toBe(piped(OPERATION_PAGE));
  });

  it('help-flag: --help shows the operation page, exit 0 (the AWS CLI exits 252)', async () => {
    const r = await runCli(recorded('help-flag').args.map((a) => a.replace('http://127.0.0.1:<PORT>', 'http://127.0.0.1:9')), { env: PAGER });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: piped(OPERATION_PAGE) });
  });
});

describe('help pages', () => {
  it('cogsignout help shows the top page', async () => {
    expect(await runCli(['help'], { env: PAGER })).toMatchObject({ code: 0, stderr: '', stdout: piped(TOP_PAGE) });
  });

  it('are written as UTF-8 whatever AWS_CLI_OUTPUT_ENCODING says (the AWS CLI 2.36.7 renders help to sys.stdout as started)', async () => {
    const env = { ...PAGER, AWS_CLI_OUTPUT_ENCODING: 'utf-16' };
    expect(await runCli(['help'], { env })).toMatchObject({ code: 0, stderr: '', stdout: piped(TOP_PAGE) });
    expect(await runCli(['admin-user-global-sign-out', 'help'], { env })).toMatchObject({ code: 0, stderr: '', stdout: piped(OPERATION_PAGE) });
  });

  it.each([
    [['help', 'admin-user-global-sign-out'], OPERATION_PAGE],
    [['help', 'bulk-sign-out'], BULK_PAGE],
    [['help', 'whatever', 'else'], TOP_PAGE],
    [['--output', 'json', 'help'], TOP_PAGE],
  ])('cogsignout %j shows the page of the command after help, else the top page', async (args, page) => {
    expect(await runCli(args, { env: PAGER })).toMatchObject({ code: 0, stderr: '', stdout: piped(page) });
  });

  it('checks the global options before the help word, as the AWS CLI does', async () => {
    const r = await runCli(['--query', 'foo[', 'help'], { env: PAGER });
    expect(r.code).toBe(252);
    expect(r.stdout).toBe('');
  });

  it('cogsignout bulk-sign-out help shows the bulk-sign-out page', async () => {
    expect(await runCli(['bulk-sign-out', 'help'], { env: PAGER })).toMatchObject({ code: 0, stderr: '', stdout: piped(BULK_PAGE) });
  });

  it.each([
    [['-h'], TOP_PAGE],
    [['--help'], TOP_PAGE],
    [['admin-user-global-sign-out', '-h'], OPERATION_PAGE],
    [['bulk-sign-out', '--help'], BULK_PAGE],
  ])('%j exits 0 with the page of the command on the line', async (args, page) => {
    expect(await runCli(args, { env: PAGER })).toMatchObject({ code: 0, stderr: '', stdout: piped(page) });
  });

  it('needs no region or credentials', async () => {
    const r = await runCli(['admin-user-global-sign-out', 'help'], { env: { ...PAGER, AWS_REGION: null, AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null } });
    expect(r.code).toBe(0);
  });

  it('runs no pager when stdout is not a terminal, whatever MANPAGER and PAGER say (as man does)', async () => {
    const r = await runCli(['admin-user-global-sign-out', 'help'], { env: { PAGER: 'cat', MANPAGER: "sh -c 'echo paged; cat'" } });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: piped(OPERATION_PAGE) });
    expect(r.stdout).not.toContain('\b');
    const missing = await runCli(['admin-user-global-sign-out', 'help'], { env: { PAGER: 'no-such-pager-cogso' } });
    expect(missing).toMatchObject({ code: 0, stderr: '', stdout: piped(OPERATION_PAGE) });
  });

  it('cogsignout help | cat is plain text, with the default pager', async () => {
    const r = await runCli(['-c', '"$0" "$1" help | cat', process.execPath, BIN], { shell: true, env: { PAGER: null, MANPAGER: null } });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: piped(TOP_PAGE) });
    expect(r.stdout).toContain('\nNAME\n');
  });

  it('lays the page out for MANWIDTH', async () => {
    const r = await runCli(['admin-user-global-sign-out', 'help'], { env: { ...PAGER, MANWIDTH: '120' } });
    expect(r.stdout).toBe(piped(OPERATION_PAGE, 120));
    expect(r.stdout.split('\n')[0]).toHaveLength(117);
  });
});

describe('completion', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('completion %s prints the script', async (shell) => {
    expect(await runCli(['completion', shell])).toMatchObject({ code: 0, stderr: '', stdout: completionScript(shell) });
  });

  it('completion with an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(252);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Found invalid choice 'tcsh'");
  });

  it('__complete profiles lists the profiles of the config files, one a line', async () => {
    const r = await runCli(['__complete', 'profiles'], {
      files: { '.aws/config': '[default]\n[profile dev]\n', '.aws/credentials': '[ci]\naws_access_key_id = x\n' },
    });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'default\ndev\nci\n' });
  });

  it('__complete profiles reads AWS_CONFIG_FILE and stays quiet about a broken file', async () => {
    const ok = await runCli(['__complete', 'profiles'], { env: { AWS_CONFIG_FILE: '{{HOME}}/cfg' }, files: { cfg: '[profile elsewhere]\n' } });
    expect(ok).toMatchObject({ code: 0, stderr: '', stdout: 'elsewhere\n' });
    const broken = await runCli(['__complete', 'profiles'], { files: { '.aws/config': '[broken' } });
    expect(broken).toMatchObject({ code: 0, stderr: '', stdout: '' });
  });
});
