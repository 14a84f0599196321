// The stream wiring main.ts hands the driver (src/cli/process-stream.ts), which the in-process
// test runner uses too: AWS_CLI_OUTPUT_ENCODING re-encodes both streams, a UTF-16 byte-order mark
// leads stdout only, once; and a run in this process writes the bytes the process writes.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processStream, type ByteSink } from '../../src/cli/process-stream.js';
import { BIN, baseEnv, runCli, spawnCli } from '../support/cli.js';

function sink(): ByteSink & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  return { chunks, write(data, callback) { chunks.push(Buffer.from(data)); callback?.(null); return true; } };
}

describe('processStream', () => {
  it('UTF-16: the byte-order mark once, on stdout only, not consumed by an empty write', async () => {
    const out = sink();
    const err = sink();
    const stdout = processStream(out, { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, true);
    const stderr = processStream(err, { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, false);
    stdout.write('');
    stdout.write('ab');
    await stdout.writeAll('c');
    stderr.write('ab');
    expect(Buffer.concat(out.chunks)).toEqual(Buffer.from([0xff, 0xfe, 0x61, 0, 0x62, 0, 0x63, 0]));
    expect(Buffer.concat(err.chunks)).toEqual(Buffer.from([0x61, 0, 0x62, 0]));
  });

  it('without the variable: the text as it is; bytes already encoded pass untouched', async () => {
    const out = sink();
    const stdout = processStream(out, {}, true);
    stdout.write('é');
    await stdout.writeAllBytes?.(Uint8Array.from([0xff]));
    expect(Buffer.concat(out.chunks)).toEqual(Buffer.from([0xc3, 0xa9, 0xff]));
  });
});

describe('in this process and as a process', () => {
  it('AWS_CLI_OUTPUT_ENCODING=utf-16: the same bytes on stdout and stderr', async () => {
    const env = { AWS_CLI_OUTPUT_ENCODING: 'utf-16' };
    const plain = await runCli(['--version']);
    const inProcess = await runCli(['--version'], { env });
    const spawned = await spawnCli(['--version'], { env });
    expect(inProcess.stdout).toBe(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plain.stdout, 'utf16le')]).toString('utf8'));
    expect({ code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr })
      .toEqual({ code: spawned.code, stdout: spawned.stdout, stderr: spawned.stderr });
    const error = await runCli(['bogus-op'], { env });
    expect(error).toMatchObject({ code: 252, stdout: '' });
    expect(error.stderr).toBe((await spawnCli(['bogus-op'], { env })).stderr);
  });
});

// Processes, each with a HOME of its own: side by side.
describe.concurrent('stdout and stderr redirected to files', () => {
  // main.ts writes to a file (or /dev/null) itself, as Node's stream for a file does, without
  // making that stream: the bytes and exit code must be those written through a pipe.
  const toFiles = (args: string, env?: Record<string, string>) => runCli(
    ['-c', `"$0" "$1" ${args} >"$HOME/out" 2>"$HOME/err"; code=$?; cat "$HOME/out"; cat "$HOME/err" >&2; exit $code`, process.execPath, BIN],
    { shell: true, ...(env ? { env } : {}) },
  );
  it.each([
    ['--version', undefined],
    ['--version', { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }],
    ['admin-user-global-sign-out --generate-cli-skeleton', undefined],
    ['bogus-op', undefined],
    ['admin-user-global-sign-out --user-pool-id x', { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }],
  ] as const)('%s (%o): the bytes a pipe gets', async (args, env) => {
    const [files, piped] = await Promise.all([toFiles(args, env), spawnCli(args.split(' '), env ? { env } : {})]);
    expect({ code: files.code, stdout: files.stdout, stderr: files.stderr }).toEqual({ code: piped.code, stdout: piped.stdout, stderr: piped.stderr });
    expect(files.stdout + files.stderr).not.toBe('');
  });

  it('/dev/null and a full device: the exit code a pipe gets', async () => {
    const r = await runCli(['-c', '"$0" "$1" --version >/dev/null || exit 9; "$0" "$1" --version >/dev/full || exit 8; "$0" "$1" bogus-op 2>/dev/null; echo "$?"', process.execPath, BIN], { shell: true });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '252\n', stderr: '' });
  });
});

describe('stdout and stderr a pipe or a socket', () => {
  // Written without making Node's stream (as for a file), but what a pipe left non-blocking by
  // another process cannot take at once (EAGAIN) goes to the stream: every byte, once, in order.
  it('a full non-blocking pipe: the bytes a blocking one gets, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-fifo-'));
    try {
      const fifo = join(dir, 'fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      // Far more than a pipe holds (64 KiB): three unknown options of 100 KB each, on stderr.
      const args = ['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u', ...['a', 'b', 'c'].map((c) => c.repeat(100_000))];
      const piped = await spawnCli(args);
      expect(piped.stderr.length).toBeGreaterThan(300_000);
      // Held open so that the writer may open without waiting; the reader starts once the writer is stuck.
      const held = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const writeEnd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      const reader = spawn('sh', ['-c', 'sleep 0.3; cat "$0" > "$1"', fifo, join(dir, 'got')], { stdio: 'ignore' });
      // Listened for from the start: the reader ends as soon as the writer does.
      const read = new Promise((resolve) => reader.on('close', resolve));
      const home = mkdtempSync(join(dir, 'home-'));
      const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(home), stdio: ['ignore', 'ignore', writeEnd] });
      closeSync(writeEnd);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      closeSync(held);
      await read;
      expect({ code, stderr: readFileSync(join(dir, 'got'), 'utf8') }).toEqual({ code: piped.code, stderr: piped.stderr });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

