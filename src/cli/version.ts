// The --version line, shaped like the AWS CLI's
// (`aws-cli/2.36.7 Python/3.11.2 Linux/6.1.0 exe/x86_64.debian.12`): tool, runtime, OS, machine.
import { arch, release, type } from 'node:os';
import type { Env } from '../config/files.js';
import { PROG } from '../errors/errors.js';

export function versionLine(version: string, env: Env): string {
  const execEnv = env.AWS_EXECUTION_ENV ? ` exec-env/${env.AWS_EXECUTION_ENV}` : '';
  return `${PROG}/${version} Node.js/${process.versions.node} ${type()}/${release()}${execEnv} node/${arch()}`;
}
