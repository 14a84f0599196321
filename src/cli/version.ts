// The --version line, shaped like the AWS CLI's
// (`aws-cli/2.36.7 Python/3.11.2 Linux/6.1.0 exe/x86_64.debian.12`): tool, runtime, OS, machine.
import { readFileSync } from 'node:fs';
import { release, type } from 'node:os';
import type { Env } from '../config/files.js';
import { PROG } from '../errors/errors.js';

/**
 * uname(2)'s system name and release, which node:os's type() and release() return. On Linux the
 * kernel's own files hold the same two strings (of the caller's UTS namespace, as uname's), read
 * without loading node:os (~0.3 ms of a --version on Node 22); elsewhere, or without /proc, node:os.
 */
export function uname(read: (name: string) => string = readKernelFile): { type: string; release: string } {
  if (process.platform === 'linux') {
    try {
      const found = { type: read('ostype'), release: read('osrelease') };
      // An empty answer is no answer (a /proc that is not the kernel's): ask uname.
      if (found.type !== '' && found.release !== '') return found;
    } catch { /* no /proc: ask uname */ }
  }
  return { type: type(), release: release() };
}

// UTF-8, as Python's os.uname() and node:os decode uname's strings.
const readKernelFile = (name: string): string => readFileSync(`/proc/sys/kernel/${name}`, 'utf8').replace(/\n$/, '');

export function versionLine(version: string, env: Env): string {
  const execEnv = env.AWS_EXECUTION_ENV ? ` exec-env/${env.AWS_EXECUTION_ENV}` : '';
  const os = uname();
  // os.arch() is process.arch.
  return `${PROG}/${version} Node.js/${process.versions.node} ${os.type}/${os.release}${execEnv} node/${process.arch}`;
}
