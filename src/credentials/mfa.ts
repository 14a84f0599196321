// The MFA code an assume-role profile with mfa_serial asks for, read as Python's getpass reads
// it: from the terminal without echo, else (no terminal) from standard input after a warning.
// Where getpass then fails with an empty message, the user is told what was missing.
import { readSync } from 'node:fs';
import { GeneralError } from '../errors/errors.js';

function readLine(fd: number, raw: boolean): string | undefined {
  const buf = Buffer.alloc(1);
  const bytes: number[] = [];
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, 1, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : undefined;
    }
    if (n === 0) return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : undefined;
    const c = buf[0] as number;
    if (c === 0x0a || (raw && c === 0x0d)) return Buffer.from(bytes).toString('utf8');
    if (raw && c === 0x03) throw new GeneralError('');
    bytes.push(c);
  }
}

export async function readMfaCode(serial: string): Promise<string> {
  const prompt = `Enter MFA code for ${serial}: `;
  const stdin = process.stdin;
  let line: string | undefined;
  if (stdin.isTTY) {
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    try {
      line = readLine(0, true);
    } finally {
      stdin.setRawMode(false);
      process.stderr.write('\n');
    }
  } else {
    process.stderr.write(`Warning: Password input may be echoed.\n${prompt}`);
    line = readLine(0, false);
  }
  if (line === undefined) {
    throw new GeneralError(`No MFA code was entered for ${serial}: standard input is not a terminal and has no more input.`);
  }
  return line.replace(/\r$/, '');
}
