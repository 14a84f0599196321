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

export interface RecordedCase {
  readonly id: string;
  readonly description: string;
  readonly args: string[];
  readonly env: Record<string, string | null>;
  readonly files: Record<string, string>;
  readonly endpoint: boolean;
  readonly compare: 'exact' | 'exit-code-only' | 'skip';
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: RecordedRequest[];
}

interface Fixture {
  readonly defaults: { readonly env: Record<string, string> };
  readonly cases: RecordedCase[];
}

const fixture = JSON.parse(readFileSync(join(REPO, 'test/fixtures/aws-cli-2.36.7-recordings.json'), 'utf8')) as Fixture;

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
