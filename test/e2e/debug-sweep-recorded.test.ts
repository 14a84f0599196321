// AWS CLI 2.36.7 recordings of the --debug sweep (test/fixtures/debug-sweep-recordings.json):
// --debug next to each credential source (environment keys and tokens, the shared credentials
// file, the config file, either named by AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE, --profile
// with and without environment keys, AWS_PROFILE, a missing profile, --no-sign-request,
// credential_process that works, fails or answers garbage, half a key pair, no credentials,
// one-letter secrets), a config file that does not parse, user names that are words of the log
// (`x`, `DEBUG`, `botocore`) or not ASCII, proxies (refused, with a password, bypassed),
// regions and endpoints (--region, none, AWS_DEFAULT_REGION, a bad one, endpoint_url from the
// config, a services section, AWS_ENDPOINT_URL and the service's variable, FIPS and dual-stack
// settings, a bad URL, a refused port with and without retries, a URL with a password), every
// --output and --query, --cli-input-json / yaml (inline, file://, bad), file:// values, skeletons, argument
// errors, every stub error (retried ones too, in standard and legacy modes, max attempts from
// the environment and the config), --debug in other positions, --no-verify-ssl, timeouts,
// --no-paginate, --color and parameter_validation = false.
//
// The AWS CLI's log is not cogsignout's byte for byte: cogsignout writes the lines of the loggers
// that say what the run did (awscli.clidriver, awscli.arguments, botocore.credentials,
// botocore.configprovider, botocore.regions, botocore.endpoint, urllib3.connectionpool,
// botocore.parsers, botocore.retries.standard, awscli.formatter, ...), not the event hooks,
// plugin loading, model files or the signer's canonical request (the fixture leaves those out).
// Both logs are projected onto those lines and compared in order, with what differs by design
// made equal: the version line, the `cognito-idp` word, user names and --cli-input documents
// (README "Differences from the AWS CLI": never logged), URL passwords, the request's parameters
// and headers (the JS SDK's) and the answer's headers (another server's: only the spelling of the
// names both send is compared), retry delays (random), and tracebacks (JavaScript's). The error report after the log, stdout and the exit code are
// exact, and no secret of any case appears anywhere in the output.
// Replayed in process (runCli) against the local endpoint: the stub's users are its answer faults.
import { describe, expect, it } from 'vitest';
import { maskUrlPasswords } from '../../src/diagnostics/redact.js';
import { runCli } from '../support/cli.js';
import { loadSweepFixture, RECORDED_POOL } from '../support/recordings.js';
import { answerEverySignOut, RECORDED_KEYS, replayEndpoint } from '../support/replay.js';
import { MISSING_AUTH_ANSWER, stubAnswer } from '../support/stub-users.js';

const FIXTURE = loadSweepFixture('debug-sweep-recordings.json');

/** The secrets the cases give: none may ever be printed. */
const SECRETS = [
  'test-secret-access-key', 'test-session-token-value', 'shared-secret-key', 'shared-session-token', 'config-secret-key',
  'dev-secret-key', 'proc-secret-key', 'proc-session-token', 'pw-secret', 'proxy-pass',
];

const endpoint = replayEndpoint({
  closedPort: true,
  keys: [
    ...RECORDED_KEYS,
    { accessKeyId: 'AKIDTOKEN', secretAccessKey: 'test-secret-access-key', sessionToken: 'test-session-token-value' },
    { accessKeyId: 'AKIDSHORTTOKEN', secretAccessKey: 'test-secret-access-key', sessionToken: 'ab' },
    { accessKeyId: 'AKIDSHORT', secretAccessKey: 'x' },
    { accessKeyId: 'AKIDSHARED', secretAccessKey: 'shared-secret-key' },
    { accessKeyId: 'AKIDCONFIG', secretAccessKey: 'config-secret-key' },
    { accessKeyId: 'AKIDDEV', secretAccessKey: 'dev-secret-key' },
    { accessKeyId: 'AKIDPROC', secretAccessKey: 'proc-secret-key', sessionToken: 'proc-session-token' },
  ],
});

/** The loggers cogsignout writes; the AWS CLI's other records are left out of both sides. */
const LOGGERS = new Set([
  'awscli.clidriver', 'awscli.arguments', 'awscli.errorhandler', 'awscli.formatter', 'awscli.customizations.assumerole',
  'botocore.credentials', 'botocore.configprovider', 'botocore.args', 'botocore.endpoint', 'botocore.httpsession',
  'botocore.regions', 'botocore.parsers', 'botocore.retries.standard', 'botocore.retryhandler', 'botocore.utils', 'urllib3.connectionpool',
]);
const HEAD = /^<TIMESTAMP> - MainThread - (\S+) - \w+ - /;
const TRACE = /^Traceback \(most recent call last\):$|^[\w.]*(?:Error|Exception|Failure)(?:: |$)/;
const QUOTED = String.raw`'(?:[^'\\]|\\.)*'`;

/** Our stderr in the recording's terms (as the conformance recorder normalizes the AWS CLI's). */
function normalize(text: string): string {
  return text
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - /gm, '<TIMESTAMP> - ')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<UUID>');
}

/** One line of the log as compared: what differs by design made equal. */
function comparable(record: string): string {
  return maskUrlPasswords(record)
    .replace(/(CLI version: ).*/, '$1<VERSION>')
    .replace(/(Arguments entered to CLI: \[)'cognito-idp', /, '$1')
    .replace(new RegExp(`('--username', )${QUOTED}`), "$1'<redacted>'")
    .replace(new RegExp(`('--cli-input-(?:json|yaml)', )${QUOTED}`), "$1'<redacted>'")
    .replace(/Unpacked value of .* for parameter "username": .*/, 'Unpacked value of <redacted> for parameter "username": <redacted>')
    .replace(/(Making request for OperationModel\(name=\w+\) with params: )[\s\S]*/, '$1…')
    .replace(/(Sending http request: <AWSPreparedRequest stream_output=False, method=\w+, url=[^,]*)[\s\S]*/, '$1 …')
    .replace(/(Response headers: )[\s\S]*/, '$1…')
    .replace(/(delay of: )[0-9.e-]+/, '$1<SECONDS>')
    .replace(/(sleeping for )[0-9.e-]+( seconds)/, '$1<SECONDS>$2');
}

/** The log's records (tracebacks as a mark) and the error report after them. */
function project(stderr: string): { log: string[]; report: string } {
  const lines = stderr.replace(/\n$/, '').split('\n');
  let last = -1;
  lines.forEach((l, i) => { if (HEAD.test(l)) last = i; });
  if (last < 0) return { log: [], report: stderr };
  const rest = lines.slice(last + 1).join('\n');
  let cut = rest.lastIndexOf('\ncogsignout: [ERROR]');
  if (cut < 0) {
    cut = rest.length;
    for (const k of ['\nusage: ', '\ncogsignout: error', '\nNote: ']) { const i = rest.indexOf(k); if (i >= 0 && i < cut) cut = i; }
  }
  const records: Array<{ logger: string; text: string }> = [];
  let inTrace = false;
  const between = rest.slice(0, cut);
  for (const line of [...lines.slice(0, last + 1), ...(between === '' ? [] : between.split('\n'))]) {
    const m = HEAD.exec(line);
    if (m) { records.push({ logger: m[1] as string, text: line }); inTrace = false; continue; }
    if (TRACE.test(line)) { if (!inTrace) records.push({ logger: 'traceback', text: '<traceback>' }); inTrace = true; continue; }
    const current = records[records.length - 1];
    if (!inTrace && current !== undefined) current.text += `\n${line}`;
  }
  const log = records
    .filter((r) => r.logger === 'traceback' || LOGGERS.has(r.logger))
    .filter((r) => !/ - awscli\.clidriver - DEBUG - OrderedDict\(/.test(r.text) && !/ - botocore\.httpsession - DEBUG - Certificate path: /.test(r.text))
    .map((r) => comparable(r.text));
  return { log, report: rest.slice(cut) };
}

/**
 * The names of each `Response headers:` line, in order. The local endpoint sends other headers
 * than the recording's stub (its own request ID, no Keep-Alive), but a name both send must be
 * spelled as it was sent: urllib3's HTTPHeaderDict keeps the server's case.
 */
function responseHeaderNames(stderr: string): string[][] {
  return [...stderr.matchAll(/ - botocore\.parsers - DEBUG - Response headers: \{(.*)\}$/gm)]
    .map((m) => [...(m[1] as string).matchAll(/(?:^|, )'([^']+)': /g)].map((n) => n[1] as string));
}

function sameSpelling(ours: string[][], recorded: string[][]): Array<[string, string]> {
  const differ: Array<[string, string]> = [];
  ours.forEach((names, i) => {
    for (const name of names) {
      const theirs = recorded[i]?.find((n) => n.toLowerCase() === name.toLowerCase());
      if (theirs !== undefined && theirs !== name) differ.push([name, theirs]);
    }
  });
  return differ;
}

const userOf = (args: readonly string[]): string => {
  const i = args.indexOf('--username');
  if (i >= 0) return args[i + 1] ?? '';
  return /Username"?:\s*"?([\w-]+)/.exec(args.join(' '))?.[1] ?? '';
};

describe('--debug with every other feature: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env, (s) => {
        const user = userOf(c.args);
        const stub = c.args.includes('--no-sign-request') && user !== 'anonymous-ok' ? { answer: MISSING_AUTH_ANSWER } : stubAnswer(user, RECORDED_POOL);
        if (stub) s.injectFault({ operation: 'AdminUserGlobalSignOut', username: user, kind: 'answer', answer: stub.answer, ...(stub.times ? { times: stub.times } : {}) });
        answerEverySignOut(s);
      });
      const expected = project(c.stderr);
      const actual = project(normalize(r.stderr));
      expect({ code: r.code, stdout: r.stdout, report: actual.report }).toEqual({ code: c.exitCode, stdout: c.stdout, report: expected.report });
      expect(actual.log).toEqual(expected.log);
      expect(sameSpelling(responseHeaderNames(r.stderr), responseHeaderNames(c.stderr))).toEqual([]);
      expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
      for (const secret of SECRETS) expect(`${r.raw.stdout}${r.raw.stderr}`).not.toContain(secret);
    });
  }
});

describe('--debug and an endpoint URL with a password', () => {
  it("the request's URL keeps the user-info as botocore's does, its password masked, whatever characters it holds", async () => {
    const { port, poolId } = endpoint.target();
    const infos = [['ops:pw-secret@', 'ops:<redacted>@'], ["op's:pw'secret@", undefined], ['ops:pw"secret<x>@', undefined], ['ops:pw secret@', undefined]] as const;
    for (const [info, shown] of infos) {
      for (const debug of [['--debug'], []]) {
        // The endpoint answers, and a refused port fails: the error message quotes the URL.
        for (const at of [port, endpoint.target().closedPort]) {
          const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', `http://${info}127.0.0.1:${at}`, '--user-pool-id', poolId, '--username', 'alice', ...debug],
            { env: { ...FIXTURE.defaults.env, AWS_MAX_ATTEMPTS: '1' } });
          expect(`${r.stdout}${r.stderr}`).not.toMatch(/pw.?secret/);
        }
      }
      const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', `http://${info}127.0.0.1:${port}`, '--user-pool-id', poolId, '--username', 'alice', '--debug'],
        { env: { ...FIXTURE.defaults.env, AWS_MAX_ATTEMPTS: '1' } });
      const sending = /Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=([^,]*),/.exec(r.stderr)?.[1];
      if (shown !== undefined) expect(sending).toBe(`http://${shown}127.0.0.1:${port}/`);
    }
  });
});
