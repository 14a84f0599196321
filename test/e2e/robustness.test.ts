// Inputs and situations that must end in the CLI's own message and exit code, never in a crash
// or a leak: odd error bodies, stderr gone, very long command lines, bulk input that is a pipe,
// a directory or not UTF-8.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, baseEnv, runCli } from '../support/cli.js';
import { countUsernames } from '../../src/bulk/user-sources.js';

let odd: Server;
let oddUrl: string;
beforeAll(async () => {
  // Answers every request with an InvalidParameterException whose modeled reasonCode is a
  // structure no table can lay out, and which quotes the username back, as the service does.
  odd = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      const user = (JSON.parse(body) as { Username: string }).Username;
      res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InvalidParameterException', message: `Value '${user}' at 'username' failed`, reasonCode: [{ a: 1 }, ['b', 'c']] }));
    });
  });
  await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
  oddUrl = `http://127.0.0.1:${(odd.address() as { port: number }).port}`;
});
afterAll(() => { odd.close(); });

const call = (user: string, extra: string[] = []) => ['admin-user-global-sign-out', '--endpoint-url', oddUrl, '--user-pool-id', 'us-east-1_X', '--username', user, ...extra];

describe('error output that cannot be rendered as asked', () => {
  const basic = "\ncogsignout: [ERROR]: An error occurred (InvalidParameterException) when calling the AdminUserGlobalSignOut operation: Value 'alice' at 'username' failed\n";
  // What the AWS CLI writes (asked of the oracle with the same answer): the table fails before
  // writing anything; text output has written the scalar row when the list of a dict and a list
  // stops it. Then the basic line.
  const written: Record<string, string> = {
    table: '',
    text: "InvalidParameterException\tValue 'alice' at 'username' failed\tValue 'alice' at 'username' failed\n",
  };
  for (const format of ['table', 'text']) {
    it(`--cli-error-format ${format}: what was written, the basic error line, exit 254, no crash`, async () => {
      const r = await runCli(call('alice', ['--cli-error-format', format]));
      expect(r.code).toBe(254);
      expect(r.stderr).toBe(`${written[format]}${basic}`);
    });
  }
});

describe('--debug and a username the service quotes back', () => {
  it('the username appears in no debug line', async () => {
    const r = await runCli(call('secret user name', ['--debug']));
    expect(r.code).toBe(254);
    const [debugPart] = r.stderr.split('\ncogsignout: [ERROR]:');
    expect(debugPart).toContain('Response body:');
    expect(debugPart).not.toContain('secret user name');
  });
});

describe('the process', () => {
  // The AWS CLI 2.36.7 exits 120 here: the message it could not write makes Python's flush of
  // stderr fail as it shuts down (src/main.ts).
  it('stderr closed by its reader: no crash, and the AWS CLI\'s exit code for it, 120', () => {
    const b = spawnSync('/bin/bash', ['-c', `"$0" "$1" admin-user-global-sign-out --user-pool-id '' --username u 2>&1 >/dev/null | (exec 0<&-; sleep 0.2); echo "\${PIPESTATUS[0]}"`, process.execPath, BIN], { encoding: 'utf8', env: baseEnv(mkdtempSync(join(tmpdir(), 'cogso-'))) });
    expect({ code: b.stdout.trim(), stderr: b.stderr }).toEqual({ code: '120', stderr: '' });
  });

  it('a very long command line is the usual Unknown options error, quickly', async () => {
    const many = Array.from({ length: 20_000 }, () => '--x');
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u', ...many], { timeoutMs: 10_000 });
    expect(r.code).toBe(252);
    expect(r.stderr.endsWith(`Unknown options: ${many.join(', ')}\n`)).toBe(true);
  });
});

describe('bulk-sign-out input', () => {
  it('a pipe is never read twice (the progress count skips non-regular files)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-fifo-'));
    const fifo = join(dir, 'users');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('/bin/sh', ['-c', `printf 'a\\nb\\n' > ${fifo}`]);
    expect(await countUsernames(fifo)).toBeUndefined();
    // Drain the pipe so the writer ends.
    spawnSync('/bin/sh', ['-c', `cat ${fifo} > /dev/null`]);
    await new Promise((resolve) => writer.on('close', resolve));
  });

  it('a directory is an argument error up front', async () => {
    const r = await runCli(['bulk-sign-out', '--user-pool-id', 'us-east-1_X', '--usernames-file', '{{HOME}}', '--dry-run']);
    expect(r.code).toBe(252);
    expect(r.stderr).toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Unable to read --usernames-file: [Errno 21] Is a directory: '<TMP>/home'\n");
  });

  it('bytes that are not UTF-8 stop the run with an argument error', async () => {
    // A NUL is text: the input is accepted, and the dry run goes on to its check of the pool
    // (here against a closed port, so it stops there: 255, and no argument error).
    const r = await runCli(['bulk-sign-out', '--user-pool-id', 'us-east-1_X', '--usernames-file', '-', '--dry-run', '--endpoint-url', 'http://127.0.0.1:9'], { stdin: 'alice\n\u0000', env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r.code).toBe(255);
    expect(r.stderr).toContain('cogsignout: [ERROR]: Could not connect to the endpoint URL: "http://127.0.0.1:9/"');
    const bad = spawnSync('/bin/sh', ['-c', `printf 'al\\377ice\\n' | "$0" "$1" bulk-sign-out --user-pool-id us-east-1_X --usernames-file - --dry-run`, process.execPath, BIN], { encoding: 'utf8', env: baseEnv(mkdtempSync(join(tmpdir(), 'cogso-'))) });
    expect(bad.status).toBe(252);
    expect(bad.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ParamValidation): --usernames-file: line 1 is not UTF-8 text\n');
  });
});
