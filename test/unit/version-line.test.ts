// The --version line names the OS as node:os (uname) does: on Linux it is read from /proc
// instead, which must say exactly the same, in this process and in the built CLI.
import { readFileSync } from 'node:fs';
import { arch, release, type } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uname, versionLine } from '../../src/cli/version.js';
import { PROG } from '../../src/errors/errors.js';
import { REPO, runCli, spawnCli } from '../support/cli.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const expected = (execEnv = ''): string => `cogsignout/${VERSION} Node.js/${process.versions.node} ${type()}/${release()}${execEnv} node/${arch()}`;

describe('the version line', () => {
  const os = () => ({ type: type(), release: release() });

  it("is node:os's, in this process", () => {
    expect(versionLine(VERSION, {}, os)).toBe(expected());
    expect(versionLine(VERSION, { AWS_EXECUTION_ENV: 'CloudShell' }, os)).toBe(expected(' exec-env/CloudShell'));
  });

  it('names the program as the errors do (src/cli/version.ts cannot import PROG)', () => {
    expect(versionLine(VERSION, {}, os).split('/')[0]).toBe(PROG);
  });

  it.runIf(process.platform === 'linux')('asks node:os when /proc has no answer (missing or empty)', () => {
    const fallback = { type: 'Fallback', release: '0.0' };
    expect(uname(() => fallback)).toEqual(process.platform === 'linux' ? os() : fallback);
    expect(uname(() => fallback, () => { throw new Error('ENOENT'); })).toEqual(fallback);
    expect(uname(() => fallback, (name) => (name === 'ostype' ? '' : '9.9.9-test'))).toEqual(fallback);
    expect(uname(() => fallback, (name) => (name === 'ostype' ? 'Linux' : ''))).toEqual(fallback);
    expect(uname(() => fallback, (name) => (name === 'ostype' ? 'Linux' : '9.9.9-test'))).toEqual({ type: 'Linux', release: '9.9.9-test' });
  });

  it('is written as UTF-8 whatever AWS_CLI_OUTPUT_ENCODING says, as the AWS CLI 2.36.7 writes it', async () => {
    for (const args of [['--version'], ['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u', '--version']]) {
      const r = await runCli(args, { env: { AWS_CLI_OUTPUT_ENCODING: 'utf-16' } });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: `${expected()}\n`, stderr: '' });
    }
  });

  it("is node:os's, from the built CLI", async () => {
    const r = await spawnCli(['--version']);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: `${expected()}\n`, stderr: '' });
  });
});
