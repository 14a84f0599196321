// AWS CLI 2.36.7 recordings of the --version sweep (test/fixtures/version-sweep-recordings.json):
// `--version` alone with each variable read before the version is printed set to a value that
// changes what the program does elsewhere, config, credentials and alias files that do not parse
// or hold bad values, a plugins section, and the line spelled otherwise. These are the lines
// bin/ may answer without the core (src/cli/version.ts): the core must give them the AWS CLI's
// answer, which the version bundle's is held equal to (test/unit/version-alone.test.ts).
// Replayed in process: exact stdout (the AWS CLI's version line as cogsignout's), stderr and exit
// code (only the code under --debug); and where the version bundle would answer the line without
// the core, its answer must be the recorded one too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir, type } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionAloneLine } from '../../src/cli/version.js';
import { REPO, runCli } from '../support/cli.js';
import { loadSweepFixture, prepareReplay, RECORDED_POOL } from '../support/recordings.js';

const FIXTURE = loadSweepFixture('version-sweep-recordings.json');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** The AWS CLI's version line as cogsignout writes it (its exec-env where the AWS CLI has it). */
const asOurs = (text: string): string => text.replace(
  /^aws-cli\/\S+ Python\/\S+ Linux\/<KERNEL>( exec-env\/\S+)? source\/\S+$/m,
  (_, execEnv: string | undefined) => `cogsignout/${VERSION} Node.js/${process.versions.node} ${type()}/${release()}${execEnv ?? ''} node/${process.arch}`,
);

/** Cases the version bundle answered (the last test holds that it answers most plain ones). */
let answered = 0;

describe('--version: AWS CLI 2.36.7 recordings replayed', () => {
  it('holds the lines that print the version and the ones a file stops', () => {
    expect(FIXTURE.cases.filter((c) => c.exitCode === 0 && c.stdout.startsWith('aws-cli/')).length).toBeGreaterThan(30);
    expect(FIXTURE.cases.filter((c) => c.exitCode === 255).length).toBeGreaterThanOrEqual(3);
    // And lines the version bundle answers alone (a variable it need not look at).
    expect(FIXTURE.cases.filter((c) => c.args.length === 1 && Object.keys(c.files).length === 0 && c.exitCode === 0).length).toBeGreaterThan(15);
  });

  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const { args, env, files } = prepareReplay(c, { url: '', port: 0, poolId: RECORDED_POOL }, FIXTURE.defaults.env);
      const r = await runCli(args, { env, files });
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      // (Python's fatal error names its thread by address.)
      expect(r.stderr.replace(/\b0x[0-9a-f]{6,16}\b/g, '<ADDR>')).toBe(c.stderr);
      expect(r.stdout).toBe(asOurs(c.stdout));
      if (args.length !== 1 || args[0] !== '--version') return;
      const home = mkdtempSync(join(tmpdir(), 'cogso-version-sweep-'));
      try {
        for (const [file, text] of Object.entries(files)) {
          mkdirSync(dirname(join(home, file)), { recursive: true });
          writeFileSync(join(home, file), text);
        }
        const set = Object.entries({ ...FIXTURE.defaults.env, ...env, HOME: home }).filter(([, v]) => v !== null);
        const alone = versionAloneLine(Object.fromEntries(set) as Record<string, string>, VERSION);
        if (alone !== undefined) {
          answered++;
          expect({ code: 0, stdout: alone, stderr: '' }).toEqual({ code: c.exitCode, stdout: asOurs(c.stdout), stderr: c.stderr });
        }
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  }

  it('had the version bundle answer the lines that need no core', () => {
    expect(answered).toBeGreaterThan(10);
  });
});
