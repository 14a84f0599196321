// AWS CLI 2.36.7 recordings of how errors are shown (test/fixtures/error-display-recordings.json):
// every kind of error (service answers, parameter validation, usage, configuration, credentials,
// connection) in every --cli-error-format, from the flag, AWS_CLI_ERROR_FORMAT or the profile's
// cli_error_format (invalid values too), next to --output, --query and --color; exit codes with
// them. Replayed against the built CLI and the project's local endpoint: exact stdout, stderr and
// exit code, and the requests the endpoint received. The conformance stub's special users are
// the endpoint's `answer` faults, with the stub's own bodies; the `el-` cases were recorded
// against the local endpoint itself (messages that echo an odd pool ID, unknown keys, bad
// signatures), the `ea-` cases against a server that sent the case's `answer` (modeled fields
// such as reasonCode, codes the operation does not list, odd codes, empty 4xx and 5xx bodies).
// The `ec-` cases: an error after a colored table formatter was made (colorama's resets on
// stderr). Then what the recordings showed beyond them: --debug's lines about the error format,
// on a terminal (spawned) the resets colorama writes to stdout at exit, and exit 120 when stderr
// cannot be written.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import type { FaultAnswer } from '../../local-cognito/faults.js';
import { BIN, baseEnv, runCli } from '../support/cli.js';
import { refusedPort } from '../support/network.js';
import { runInPty } from '../support/pty.js';
import { asRecorded, loadSweepFixture, prepareReplay, type SweepCase } from '../support/recordings.js';

interface ErrorDisplayCase extends SweepCase {
  /** `ea-` cases: what the recording's server answered (the local endpoint's `answer` fault here). */
  readonly answer?: FaultAnswer;
}

const FIXTURE = loadSweepFixture<ErrorDisplayCase>('error-display-recordings.json');

/** Where the local endpoint listened when the `el-` cases were recorded. */
const RECORDED_LOCAL_ENDPOINT = 'http://127.0.0.1:47393';
/** Where the server of the `ea-` cases' answers listened. */
const RECORDED_ANSWER_ENDPOINT = 'http://127.0.0.1:47394';
/**
 * The conformance stub's error answers (stub-server.mjs), by user name. no-such-pool's message
 * names the pool the recording asked for (a table is as wide as its message).
 */
const stubError = (status: number, type: string, message: string | undefined, extra: { body?: Record<string, unknown>; bodyType?: string; headerType?: string } = {}): FaultAnswer => ({
  status,
  body: JSON.stringify({ __type: extra.bodyType ?? type, ...(message === undefined ? {} : { message }), ...extra.body }),
  headers: { 'x-amzn-ErrorType': extra.headerType ?? type, 'x-amzn-ErrorMessage': message ?? '' },
});
const STUB_ANSWERS: Record<string, FaultAnswer> = {
  'not-authorized': stubError(400, 'NotAuthorizedException', 'User is disabled.'),
  'no-such-pool': stubError(400, 'ResourceNotFoundException', 'User pool us-east-1_Example does not exist.'),
  throttled: stubError(400, 'TooManyRequestsException', 'Rate exceeded'),
  'bad-param': stubError(400, 'InvalidParameterException',
    "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"),
  'internal-error': stubError(500, 'InternalErrorException', 'Internal server error.'),
  'not-enabled': stubError(400, 'OperationNotEnabledException', 'This operation is not enabled for the user pool.'),
  'prefixed-type': stubError(400, 'UserNotFoundException', 'User does not exist.', {
    bodyType: 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException',
    headerType: 'UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/',
  }),
  'no-message': stubError(400, 'UserNotFoundException', undefined),
  'capital-message': stubError(400, 'UserNotFoundException', undefined, { body: { Message: 'User does not exist.' } }),
};

let server: LocalCognito;
let poolId: string;
let closedPort: number;

beforeAll(async () => {
  server = await startLocalCognito({ keys: [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }, TEST_CREDENTIALS] });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, [{ username: 'alice' }]);
  closedPort = await refusedPort();
});

afterAll(async () => {
  await server.close();
});

describe('error display: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  it('has its fixture', () => {
    expect(FIXTURE.cases.length).toBeGreaterThan(40);
  });
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const local = c.args.includes(RECORDED_LOCAL_ENDPOINT) || c.answer !== undefined;
      const recorded = { ...c, args: c.args.map((a) => a.replaceAll(RECORDED_LOCAL_ENDPOINT, server.url).replaceAll(RECORDED_ANSWER_ENDPOINT, server.url)) };
      const { args, env, files } = prepareReplay(recorded, { url: server.url, port: server.port, poolId, closedPort }, FIXTURE.defaults.env);
      server.clearFaults();
      const user = c.args[c.args.indexOf('--username') + 1] ?? '';
      const answer = c.answer ?? (local ? undefined : STUB_ANSWERS[user]);
      if (answer) server.injectFault({ username: user, kind: 'answer', answer });
      server.resetStats();

      const r = await runCli(args, { env, files });
      const tmp = dirname(r.home);
      const norm = (s: string): string => asRecorded(s, { url: server.url, port: server.port, poolId, closedPort }, tmp);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(norm(r.stderr)).toBe(c.stderr);
      expect(norm(r.stdout)).toBe(c.stdout);
      // The `el-` and `ea-` cases' requests went to servers the recorder does not log.
      if (local) return;
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => ({
        body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
        // A faulted request is answered before the endpoint checks who signed it.
        accessKeyId: answer ? null : q.accessKeyId ?? null,
        region: answer ? null : q.signed ? q.region ?? null : null,
      }));
      expect(sent).toEqual(c.requests.map((q) => (answer ? { ...q, accessKeyId: null, region: null } : q)));
    });
  }
});

/** stderr from the line after the traceback's last frame on, timestamps masked. */
function afterTraceback(stderr: string): string {
  const lines = stderr.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && !/^ {4}at /.test(lines[last] as string)) last--;
  return lines.slice(last + 1).join('\n').replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - /gm, '<TIMESTAMP> - ');
}

describe('--debug: what the AWS CLI 2.36.7 logs as it reports an error', () => {
  const signOut = (user: string): string[] => ['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', poolId, '--username', user, '--debug'];
  const warning = "<TIMESTAMP> - MainThread - awscli.errorhandler - WARNING - Invalid cli_error_format: 'bogus'. Using 'enhanced' format.\n";

  it('an error format from the environment that names none: a warning after the traceback, then the enhanced message', async () => {
    const r = await runCli(signOut('nobody'), { env: { ...FIXTURE.defaults.env, AWS_CLI_ERROR_FORMAT: 'BOGUS' } });
    expect({ code: r.code, tail: afterTraceback(r.stderr) }).toEqual({
      code: 254, tail: `${warning}\ncogsignout: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n`,
    });
  });

  it('one from the profile, for a parameter validation error', async () => {
    const r = await runCli(signOut(''), { env: FIXTURE.defaults.env, files: { '.aws/config': '[default]\ncli_error_format = bogus\n' } });
    expect({ code: r.code, tail: afterTraceback(r.stderr) }).toEqual({
      code: 252, tail: `${warning}\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter Username, value: 0, valid min length: 1\n`,
    });
  });

  it('a format that cannot be looked up (an unknown profile): the AWS CLI\'s debug line, then the legacy message', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', poolId, '--profile', 'nope', '--debug'], { env: FIXTURE.defaults.env });
    expect({ code: r.code, tail: afterTraceback(r.stderr).split('\n').slice(0, 3) }).toEqual({
      code: 252, tail: ['<TIMESTAMP> - MainThread - awscli.errorhandler - DEBUG - Failed to display structured error: The config profile (nope) could not be found', '', 'cogsignout: [ERROR]: the following arguments are required: --username'],
    });
  });

  it('no warning for an empty value, a valid one, or an error the AWS CLI never formats (an unknown profile)', async () => {
    for (const [env, files, code] of [
      [{ AWS_CLI_ERROR_FORMAT: '' }, {}, 254],
      [{ AWS_CLI_ERROR_FORMAT: 'Legacy' }, {}, 254],
      [{ AWS_PROFILE: 'nope', AWS_CLI_ERROR_FORMAT: 'bogus' }, {}, 255],
    ] as const) {
      const r = await runCli(signOut('nobody'), { env: { ...FIXTURE.defaults.env, ...env }, files });
      expect({ code: r.code, warned: r.stderr.includes('WARNING - Invalid cli_error_format') }).toEqual({ code, warned: false });
    }
  });
});

// (Each run a terminal or a process of its own: side by side.)
describe.concurrent('colorama at exit: what the AWS CLI 2.36.7 wrote to a terminal after a colored table', () => {
  const signOut = (user: string, ...extra: string[]): string[] => ['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', poolId, '--username', user, ...extra];
  const env = { ...FIXTURE.defaults.env, AWS_PAGER: '' };
  const table = (cell: (s: string) => string): string => '---------------------------------------------------------------------------\n'
    + '|                                  error                                  |\n'
    + '+-----------------------+------------------------+------------------------+\n'
    + '|         Code          |        Message         |        message         |\n'
    + '+-----------------------+------------------------+------------------------+\n'
    + `|  ${cell('UserNotFoundException')}|  ${cell('User does not exist.')}  |  ${cell('User does not exist.')}  |\n`
    + '+-----------------------+------------------------+------------------------+\n';
  const colored = (s: string): string => `\x1b[1m\x1b[34m${s}\x1b[0m`;

  it('an error table colored for the terminal is followed by a reset', async () => {
    const r = await runInPty(signOut('nobody', '--cli-error-format', 'table'), env);
    expect(r).toEqual({ code: 254, output: `${table(colored)}\x1b[0m` });
  });

  it('a table output format on a terminal leaves the reset even when nothing is printed', async () => {
    expect(await runInPty(signOut('alice', '--output', 'table'), env)).toEqual({ code: 0, output: '\x1b[0m' });
  });

  it('the Pager error after a colored output table: stderr wrapped (a reset after every write), then one reset at exit, or two after a second colored table', async () => {
    const paged = signOut('alice', '--query', '`[1]`', '--output', 'table');
    const pager = { ...FIXTURE.defaults.env, AWS_PAGER: 'nonexistentpager' };
    const [json, table] = await Promise.all([runInPty([...paged, '--cli-error-format', 'json'], pager), runInPty([...paged, '--cli-error-format', 'table'], pager)]);
    expect(json).toEqual({
      code: 253,
      output: '{\x1b[0m\n    \x1b[0m"Code"\x1b[0m: \x1b[0m"Pager"\x1b[0m,\n    \x1b[0m"Message"\x1b[0m: \x1b[0m"Unable to redirect output to pager. Received the following error when opening pager:\\n[Errno 2] No such file or directory: \'nonexistentpager\'\\n\\nLearn more about configuring the output pager by running \\"cogsignout help config-vars\\"."\x1b[0m\n\x1b[0m}\x1b[0m\n\x1b[0m\x1b[0m',
    });
    expect({ code: table.code, end: table.output.slice(-23) }).toEqual({ code: 253, end: '-+\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m\x1b[0m' });
  });

  it('no colored table, no reset', async () => {
    const [plain, json] = await Promise.all([runInPty(signOut('nobody', '--cli-error-format', 'table', '--color', 'off'), env), runInPty(signOut('alice', '--output', 'json'), env)]);
    expect(plain).toEqual({ code: 254, output: table((s) => s) });
    expect(json).toEqual({ code: 0, output: '' });
  });
});

describe.skipIf(!existsSync('/dev/full'))('stderr that cannot be written (/dev/full): exit 120, as Python exits when its stderr fails to flush (AWS CLI 2.36.7)', { concurrent: true }, () => {
  /** The built CLI with stderr on /dev/full: its exit code. */
  const withFullStderr = async (args: string[]): Promise<number | null> => {
    const home = mkdtempSync(join(tmpdir(), 'cogso-full-'));
    const full = openSync('/dev/full', 'w');
    try {
      return await new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(home), stdio: ['ignore', 'ignore', full] });
        child.on('error', reject);
        child.on('close', (code) => resolve(code));
      });
    } finally {
      closeSync(full);
      rmSync(home, { recursive: true, force: true });
    }
  };
  const signOut = (user: string, ...extra: string[]): string[] => ['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', poolId, '--username', user, ...extra];

  it('an error message that cannot be written: 120, not the error\'s own code', async () => {
    expect(await Promise.all([withFullStderr(['admin-user-global-sign-out', '--user-pool-id', poolId]), withFullStderr(signOut('nobody', '--cli-error-format', 'table'))])).toEqual([120, 120]);
  });

  it('a success writes nothing to stderr (0), unless --debug logs there (120)', async () => {
    expect(await Promise.all([withFullStderr(signOut('alice')), withFullStderr(signOut('alice', '--debug'))])).toEqual([0, 120]);
  });
});
