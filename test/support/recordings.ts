// The AWS CLI 2.36.7 recordings (copied from the conformance suite into test/fixtures): what the
// real CLI printed and sent for each case, with `aws` already renamed to `cogsignout` in the file.
// The hints that name the AWS CLI's own commands ("aws configure", "aws login", "aws sso login")
// are given back their `aws` here, as the conformance comparer keeps them: cogsignout has no such
// commands and points at the AWS CLI, whose files it reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

export interface RecordedRequest {
  readonly url: string;
  readonly body: Record<string, unknown> | null;
  readonly accessKeyId: string | null;
  readonly region: string | null;
  readonly securityToken: string | null;
}


interface Fixture {
  readonly defaults: { readonly env: Record<string, string> };
  readonly cases: RecordedCase[];
}

const fixture = JSON.parse(readFileSync(join(REPO, 'test/fixtures/aws-cli-2.36.7-recordings.json'), 'utf8')) as Fixture;

/** The pool ID the recordings were made with, which a replay puts its own pool's in place of. */
export const RECORDED_POOL = 'us-east-1_Example';

/** A case of a family sweep's fixture (test/fixtures/<family>-recordings.json), as record.mjs writes it. */
export interface SweepCase {
  readonly id: string;
  readonly args: string[];
  readonly env: Record<string, string | null>;
  readonly files: Record<string, string>;
  readonly endpoint: boolean;
  readonly compare: 'exact' | 'exit-code-only' | 'skip';
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: Array<{ body: unknown; accessKeyId: string | null; region: string | null; securityToken?: string | null }>;
}

/** A case of the public conformance set: a sweep's case with its description and whole requests. */
export interface RecordedCase extends Omit<SweepCase, 'requests'> {
  readonly description: string;
  readonly requests: RecordedRequest[];
}

/** A family sweep's fixture: the recorder's default environment and its cases. */
export function loadSweepFixture<C extends SweepCase = SweepCase>(name: string): { readonly defaults: { readonly env: Record<string, string> }; readonly cases: C[] } {
  return JSON.parse(readFileSync(join(REPO, 'test/fixtures', name), 'utf8')) as { defaults: { env: Record<string, string> }; cases: C[] };
}

export const RECORDING_DEFAULT_ENV = fixture.defaults.env;

/** The fixture's renamed text with the AWS CLI's own commands named as the AWS CLI names them. */
export function keepAwsCommands(text: string): string {
  return text.replace(/(^|[\s"'(\[`])cogsignout (?=(?:configure|login|sso login)\b)/gm, '$1aws ');
}

const cases: RecordedCase[] = fixture.cases.map((c) => ({ ...c, stdout: keepAwsCommands(c.stdout), stderr: keepAwsCommands(c.stderr) }));

export function recorded(id: string): RecordedCase {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`no recording ${id}`);
  return c;
}

/** Where a replay runs: the local endpoint, its pool, and a port where nothing listens. */
export interface ReplayTarget {
  readonly url: string;
  readonly port: number;
  readonly poolId: string;
  readonly closedPort?: number;
}

export interface Replay {
  readonly args: string[];
  readonly env: Record<string, string | null>;
  readonly files: Record<string, string>;
}

/**
 * A recorded case's argv, environment and files with the local endpoint put in: {{ENDPOINT}},
 * {{PORT}}, {{CLOSED_PORT}} and the recordings' pool ID replaced, and, for a case recorded
 * against the stub, --endpoint-url added after the command (or at the end when the argv does not
 * start with it). The environment is `defaults`, then `extra`, then the case's own.
 */
export function prepareReplay(
  c: { readonly args: readonly string[]; readonly env: Readonly<Record<string, string | null>>; readonly files?: Readonly<Record<string, string>>; readonly endpoint?: boolean },
  target: ReplayTarget,
  defaults: Readonly<Record<string, string | null>> = RECORDING_DEFAULT_ENV,
  extra: Readonly<Record<string, string>> = {},
): Replay {
  const vars = (s: string): string => {
    let out = s.replaceAll('{{ENDPOINT}}', target.url).replaceAll('{{PORT}}', String(target.port));
    if (target.closedPort !== undefined) out = out.replaceAll('{{CLOSED_PORT}}', String(target.closedPort));
    return out.replaceAll(RECORDED_POOL, target.poolId);
  };
  let args = c.args.map(vars);
  if (c.endpoint ?? true) args = args[0] === 'admin-user-global-sign-out'
    ? [args[0], '--endpoint-url', target.url, ...args.slice(1)] : [...args, '--endpoint-url', target.url];
  const env: Record<string, string | null> = { ...defaults, ...extra };
  for (const [k, v] of Object.entries(c.env)) env[k] = v === null ? null : vars(v);
  const files = Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [k, vars(v)]));
  return { args, env, files };
}

/** `host:port` of 127.0.0.1, localhost or [::1] as `host:<placeholder>` (only the whole port: 1 is no part of 12345). */
export function maskPort(text: string, port: number, placeholder: string): string {
  return text.replace(new RegExp(`(127\\.0\\.0\\.1|localhost|\\[::1\\]):${port}(?!\\d)`, 'g'), `$1:${placeholder}`);
}

/**
 * What a replay printed, in the recording's terms (prepareReplay's substitutions undone): the
 * endpoint's port as <PORT>, the closed one as <CLOSED_PORT>, the pool as recorded, and `tmp`
 * (the run's temporary directory, when the recording names its files) as <TMP>.
 */
export function asRecorded(text: string, target: ReplayTarget, tmp?: string): string {
  let out = maskPort(tmp === undefined ? text : text.replaceAll(tmp, '<TMP>'), target.port, '<PORT>');
  if (target.closedPort !== undefined) out = maskPort(out, target.closedPort, '<CLOSED_PORT>');
  return out.replaceAll(target.poolId, RECORDED_POOL);
}
