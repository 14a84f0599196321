// Output on its way to the user: the pager (only on a terminal), colors on a terminal, and a
// reader that goes away early (`| head`).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { BIN, baseEnv, spawnCli } from '../support/cli.js';
import { runInPty } from '../support/pty.js';

let server: LocalCognito;
let pool: string;
beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('output');
  server.seedUsers(pool, [{ username: 'alice' }]);
});
afterAll(async () => { await server.close(); });

const call = (extra: string[]) => ['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice', ...extra];

// Each test its own terminal or pipe against the shared endpoint (none counts its requests): side by side.
describe.concurrent('pager (stdout a terminal)', () => {
  it('pipes output through AWS_PAGER, with LESS=FRX added', async () => {
    const r = await runInPty(call(['--query', '`[1,2]`']), { AWS_PAGER: 'sh -c "echo LESS=$LESS; sed s/^/paged:/"' });
    expect(r.code).toBe(0);
    expect(r.output).toBe('LESS=FRX\npaged:[\npaged:    1,\npaged:    2\npaged:]\n');
  });

  it('PAGER when AWS_PAGER is unset, and a LESS of the user is kept', async () => {
    const r = await runInPty(call(['--query', '`"x"`']), { AWS_PAGER: null, PAGER: 'sh -c "echo LESS=$LESS; cat"', LESS: 'R' });
    expect(r.output).toBe('LESS=R\n"x"\n');
  });

  it('--no-cli-pager and an empty AWS_PAGER write directly', async () => {
    expect((await runInPty(call(['--query', '`"x"`', '--no-cli-pager']), { AWS_PAGER: 'sed s/^/paged:/' })).output).toBe('"x"\n');
    expect((await runInPty(call(['--query', '`"x"`']), { AWS_PAGER: '' })).output).toBe('"x"\n');
  });

  it('an empty result never starts the pager', async () => {
    const r = await runInPty(call([]), { AWS_PAGER: 'sh -c "echo started"' });
    expect(r).toEqual({ code: 0, output: '' });
  });

  it('a pager that does not exist is the Pager error, exit 253', async () => {
    const r = await runInPty(call(['--query', '`[1]`']), { AWS_PAGER: 'nonexistentpager' });
    expect(r.code).toBe(253);
    expect(r.output).toBe('\ncogsignout: [ERROR]: An error occurred (Pager): Unable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: \'nonexistentpager\'\n\nLearn more about configuring the output pager by running "cogsignout help config-vars".\n');
  });

  it('color auto colors tables on a terminal', async () => {
    const r = await runInPty(call(['--output', 'table', '--query', '`{"a":"x"}`', '--no-cli-pager']));
    expect(r.output).toContain('\x1b[1m\x1b[34mx\x1b[0m');
  });
});

describe.concurrent('a reader that stops early', () => {
  // Far more than a pipe holds, so the writer is still writing when the reader leaves.
  const big = `\`[${Array.from({ length: 15000 }, (_, i) => i).join(',')}]\` | [@, @, @, @, @, @, @, @]`;
  const headC1 = (output: string) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...call(['--output', output, '--query', big])], { env: baseEnv(mkdtempSync(`${tmpdir()}/cogso-pipe-`)) });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });

  it('text output: the AWS CLI\'s broken-pipe error, exit 255', async () => {
    expect(await headC1('text')).toEqual({ code: 255, stderr: '\ncogsignout: [ERROR]: [Errno 32] Broken pipe\n' });
  });

  it('json output: silent, exit 0, no stack trace', async () => {
    expect(await headC1('json')).toEqual({ code: 0, stderr: '' });
  });

  // A shell's `| head -c1`: stdout a pipe (a FIFO), which the program writes directly (the cases
  // above are a socket); the AWS CLI 2.36.7 answers both the same. The shell keeps the program's
  // exit code, which the pipeline's would hide (head's).
  const shellHeadC1 = (output: string) => spawnCli(
    ['-c', '{ "$0" "$@"; echo "$?" >"$HOME/code"; } | head -c1; exit "$(cat "$HOME/code")"', process.execPath, BIN, ...call(['--output', output, '--query', big])],
    { shell: true },
  ).then((r) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr }));

  it('text output through a shell pipe: the same broken-pipe error, exit 255', async () => {
    expect(await shellHeadC1('text')).toEqual({ code: 255, stdout: '0', stderr: '\ncogsignout: [ERROR]: [Errno 32] Broken pipe\n' });
  });

  it('json output through a shell pipe: silent, exit 0', async () => {
    expect(await shellHeadC1('json')).toEqual({ code: 0, stdout: '[', stderr: '' });
  });
});
