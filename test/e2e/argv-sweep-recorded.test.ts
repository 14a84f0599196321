// AWS CLI 2.36.7 recordings of the command-line sweep (test/fixtures/argv-sweep-recordings.json):
// argparse's rules as the AWS CLI uses them — abbreviated command and global options and their
// ambiguous prefixes (with `=` too), values that start with `-` or look like options or negative
// numbers (`-1e5`, `-1,5`, `-a b`), empty, unicode and very long words, repeated options,
// options before the operation word, unknown and misspelled operation words, boolean globals
// given values, flags after `--`, the suggestions of invalid choices (`yaml-strem`); the
// operation's optional help positional, which drops an empty word (`… --username alice ''` runs;
// `'' x` is "Unknown options: x"; an alias's `''` too); and `help` after the service and after the
// operation with options, errors and files around it. An unknown command word close to a
// cognito-idp operation cogsignout lacks (`sign-out`: "Maybe you meant: sign-up") is left out:
// cogsignout suggests its own commands only (README, Differences).
// Replayed in process against the project's local endpoint: exact stdout, stderr and exit code,
// and the bodies the endpoint received. A help page differs from the AWS CLI's by design (README,
// "Differences"): for those the exit code and stderr are exact and stdout must be the page the
// recording shows (its title). The endpoint's answer fault answers 200 {} as the recording stub did.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, BIN, collect, runCli } from '../support/cli.js';
import { loadSweepFixture, type SweepCase } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture<SweepCase & { readonly page?: string }>('argv-sweep-recordings.json');

const endpoint = replayEndpoint();

describe('the command line and help: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env, answerEverySignOut);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: c.exitCode, stderr: c.stderr });
      if (c.compare === 'exact') expect(r.stdout).toBe(c.stdout);
      else expect(r.raw.stdout.startsWith(c.page ?? '\0')).toBe(true);
      expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
    });
  }
});

// Arguments that are not UTF-8 (only a process can be given them: `printf` in a shell makes the
// bytes). Python decodes them with surrogateescape, so byte 0xff is U+DCFF: the request sends it
// as JSON's "\udcff", an error message shows it as `\udcff`, stdout writes the byte itself.
// Recorded with the oracle by hand (record.mjs hands arguments as UTF-8 strings).
describe('arguments that are not UTF-8, as the AWS CLI 2.36.7 reads them', () => {
  /**
   * The CLI run from a fresh HOME holding `n<0xff>.txt` (`carol`), the shell line after the
   * endpoint's --endpoint-url and the pool.
   */
  async function withBytes(line: string): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
    const home = mkdtempSync(join(tmpdir(), 'cogso-argv-'));
    writeFileSync(Buffer.concat([Buffer.from(`${home}/n`), Buffer.from([0xff]), Buffer.from('.txt')]), 'carol');
    try {
      const child = spawn('/bin/sh', ['-c', `exec "$0" "$1" admin-user-global-sign-out --endpoint-url "$2" --user-pool-id "$3" ${line}`,
        process.execPath, BIN, endpoint.target().url, endpoint.target().poolId], { cwd: home, env: baseEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
      const r = await collect(child, 30_000);
      return { code: r.code, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  const usage = 'usage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n'
    + '  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n';

  it('sends the user name with the byte as a lone surrogate', async () => {
    const server = endpoint.server();
    server.clearFaults();
    answerEverySignOut(server);
    server.resetStats();
    const r = await withBytes(`--username "$(printf 'a\\377b')"`);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout.toString('latin1') }).toEqual({ code: 0, stderr: '', stdout: '' });
    const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => (q.body as { Username: string }).Username);
    expect(sent).toEqual(['a\udcffb']);
  });

  it('opens a file:// path with the byte in its name', async () => {
    const server = endpoint.server();
    server.clearFaults();
    answerEverySignOut(server);
    server.resetStats();
    const r = await withBytes(`--username "file://$(printf 'n\\377.txt')"`);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => (q.body as { Username: string }).Username);
    expect(sent).toEqual(['carol']);
  });

  it('names an unknown option with \\udcff', async () => {
    const r = await withBytes(`--username alice "$(printf -- '--\\377')"`);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 252, stderr: `\n${usage}\n\ncogsignout: [ERROR]: Unknown options: --\\udcff\n` });
  });

  it('writes the byte itself to stdout', async () => {
    const r = await withBytes(`--username x --output text --query "$(printf '\`["a\\377b", "\\303\\251"]\`')"`);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect([...r.stdout]).toEqual([0x61, 0xff, 0x62, 0x09, 0xc3, 0xa9, 0x0a]);
  });
});
