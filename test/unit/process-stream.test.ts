// The stream wiring main.ts hands the driver (src/cli/process-stream.ts), which the in-process
// test runner uses too: AWS_CLI_OUTPUT_ENCODING re-encodes both streams once the AWS CLI has
// reconfigured them, a UTF-16 byte-order mark leads a file still at its start (never a pipe); and a
// run in this process writes the bytes the process writes.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOrStream, processStream, type ByteSink } from '../../src/cli/process-stream.js';
import { BIN, runCli, spawnCli } from '../support/cli.js';

function sink(): ByteSink & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  return { chunks, write(data, callback) { chunks.push(Buffer.from(data)); callback?.(null); return true; } };
}

describe('processStream', () => {
  it('UTF-16: no byte-order mark on a pipe; on a file still at its start, one, with the first write', async () => {
    const out = sink();
    const err = sink();
    const stdout = processStream(out, { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, true);
    const stderr = processStream(err, { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, false);
    stdout.reconfigure?.();
    stderr.reconfigure?.();
    stdout.write('');
    stdout.write('ab');
    await stdout.writeAll('c');
    stderr.write('ab');
    expect(Buffer.concat(out.chunks)).toEqual(Buffer.from([0x61, 0, 0x62, 0, 0x63, 0]));
    expect(Buffer.concat(err.chunks)).toEqual(Buffer.from([0x61, 0, 0x62, 0]));
    // A file: the stream writes to the fd itself, and Python's tell() is the fd's offset.
    const dir = mkdtempSync(join(tmpdir(), 'cogso-bom-'));
    try {
      const fd = openSync(join(dir, 'out'), 'w+');
      const file = processStream(fileOrStream(fd, () => sink(), () => false), { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, false, fd);
      file.reconfigure?.();
      expect(file.atFileStart).toBe(true);
      file.write('a');
      file.write('b');
      expect(file.atFileStart).toBe(false);
      closeSync(fd);
      expect(readFileSync(join(dir, 'out'))).toEqual(Buffer.from([0xff, 0xfe, 0x61, 0, 0x62, 0]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('before the AWS CLI reconfigures a stream (the --debug log): the codec Python started it with', () => {
    const err = sink();
    const stderr = processStream(err, { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, false);
    stderr.write('a');
    stderr.reconfigure?.();
    stderr.write('b');
    expect(Buffer.concat(err.chunks)).toEqual(Buffer.from([0x61, 0x62, 0]));
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
  it('--debug under AWS_CLI_OUTPUT_ENCODING=utf-16: the log is UTF-8 until the handler reconfigures stderr, as the AWS CLI 2.36.7 writes it', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', 'x', '--debug', '--region', 'us-east-1'], { env: { AWS_CLI_OUTPUT_ENCODING: 'utf-16' } });
    expect(r.code).toBe(252);
    expect(r.stderr).toMatch(/^\S+ \S+ - MainThread - awscli\.clidriver - DEBUG - CLI version: /);
    expect(r.stderr.endsWith(Buffer.from('<subcommand> help\n', 'utf16le').toString('utf8'))).toBe(true);
  });

  it('AWS_CLI_OUTPUT_ENCODING=utf-16: the same bytes on stdout and stderr', async () => {
    const env = { AWS_CLI_OUTPUT_ENCODING: 'utf-16' };
    // A formatter's output (the --version line is written as UTF-8 whatever the variable says).
    const args = ['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u', '--generate-cli-skeleton', 'output', '--region', 'us-east-1', '--query', '`"caf\u00e9"`'];
    const plain = await runCli(args);
    expect(plain.stdout).toBe('"caf\u00e9"\n');
    const inProcess = await runCli(args, { env });
    const spawned = await spawnCli(args, { env });
    expect(inProcess.stdout).toBe(Buffer.from(plain.stdout, 'utf16le').toString('utf8'));
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
  ] as const)('%s (%o): the bytes a pipe gets (and a UTF-16 file its BOM first, as Python writes it)', async (args, env) => {
    const [files, piped] = await Promise.all([toFiles(args, env), spawnCli(args.split(' '), env ? { env } : {})]);
    // FF FE, as the runner reads the bytes (UTF-8, each a replacement character).
    const bom = env !== undefined && piped.stderr !== '' ? '\ufffd\ufffd' : '';
    expect({ code: files.code, stdout: files.stdout, stderr: files.stderr }).toEqual({ code: piped.code, stdout: piped.stdout, stderr: `${bom}${piped.stderr}` });
    expect(files.stdout + files.stderr).not.toBe('');
  });

  // A full device is Python's failed flush at exit, as AWS CLI 2.36.7 (test/e2e/stdout-refused-recorded.test.ts).
  it('/dev/null and a full device: the exit code a pipe gets', async () => {
    const r = await runCli(['-c', '"$0" "$1" --version >/dev/null || exit 9; "$0" "$1" --version >/dev/full 2>/dev/null; [ "$?" = 120 ] || exit 8; "$0" "$1" bogus-op 2>/dev/null; echo "$?"', process.execPath, BIN], { shell: true });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '252\n', stderr: '' });
  });
});

describe('stdout and stderr a pipe or a socket', () => {
  // Written without making Node's stream (as for a file), but what a pipe left non-blocking by
  // another process cannot take at once (EAGAIN) goes to the stream: every byte, once, in order.
  // In this process: a spawned one cannot be handed a non-blocking pipe (libuv makes a child's
  // fds 0-2 blocking), so fileOrStream writes a FIFO opened here, both ends non-blocking.
  interface Fifo { readonly read: number; readonly write: number }
  const withFifo = async (body: (fifo: Fifo) => Promise<void>): Promise<void> => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-fifo-'));
    const path = join(dir, 'fifo');
    const fds: number[] = [];
    try {
      expect(spawnSync('mkfifo', [path]).status).toBe(0);
      // The read end first: a non-blocking write end opens only where a reader is.
      fds.push(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
      fds.push(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      await body({ read: fds[0] as number, write: fds[1] as number });
    } finally {
      for (const fd of fds) closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // Everything the pipe holds now (the write end stays open: an empty pipe is EAGAIN, not its end).
  const drain = (fd: number): Buffer => {
    const got: Buffer[] = [];
    const buf = Buffer.alloc(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break;
        throw e;
      }
      if (n === 0) break;
      got.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(got);
  };
  // The stream, recording what it is handed, in order, and how often it was asked for (its
  // callback called as a stream's is, later).
  const recording = () => {
    const writes: Buffer[] = [];
    let asked = 0;
    const stream: ByteSink = { write(data, callback) { writes.push(Buffer.from(data)); if (callback) process.nextTick(callback); return true; } };
    return { writes, asked: () => asked, stream: () => { asked += 1; return stream; } };
  };
  const sinkOn = (fd: number, rec: ReturnType<typeof recording>): ByteSink => {
    const s = fileOrStream(fd, rec.stream, () => false);
    expect(typeof s).toBe('object');
    return s as ByteSink;
  };
  const written = (s: ByteSink, data: string | Uint8Array) => new Promise<void>((resolve, reject) => {
    s.write(data, (err) => (err ? reject(err) : resolve()));
  });
  // Far more than any pipe holds (64 KiB here, up to 1 MiB elsewhere); three-byte characters, so
  // that where the pipe filled need not be a character's end: the rest is counted in bytes.
  const text = '€'.repeat(700_001);
  const bytes = Buffer.from(text);

  it.each([['a string', text], ['bytes', bytes]] as const)('%s the pipe cannot take whole: what it took, then exactly the rest through the stream, once', async (_, data) => {
    await withFifo(async ({ read, write }) => {
      const rec = recording();
      const s = sinkOn(write, rec);
      await written(s, data);
      const direct = drain(read);
      expect(direct.length).toBeGreaterThan(0);
      expect(direct.length).toBeLessThan(bytes.length);
      expect(direct.equals(bytes.subarray(0, direct.length))).toBe(true);
      expect(rec.writes).toHaveLength(1);
      expect((rec.writes[0] as Buffer).equals(bytes.subarray(direct.length))).toBe(true);
      expect(Buffer.concat([direct, ...rec.writes]).equals(bytes)).toBe(true);
    });
  });

  it('after the stream took over, later writes go to it too, in order, even where the pipe has room again', async () => {
    await withFifo(async ({ read, write }) => {
      const rec = recording();
      const s = sinkOn(write, rec);
      s.write(bytes);
      const direct = drain(read);
      await written(s, 'tail');
      s.write(Buffer.from('end'));
      expect(drain(read)).toEqual(Buffer.alloc(0));
      expect(rec.asked()).toBe(3);
      expect(rec.writes.map((w) => w.length)).toEqual([bytes.length - direct.length, 4, 3]);
      expect(Buffer.concat([direct, ...rec.writes]).equals(Buffer.concat([bytes, Buffer.from('tailend')]))).toBe(true);
    });
  });

  it('a pipe already full: nothing written to it, the whole write through the stream', async () => {
    await withFifo(async ({ read, write }) => {
      const fill = Buffer.alloc(1 << 16, 'x');
      let filled = 0;
      try { for (;;) filled += writeSync(write, fill); } catch (e) { expect((e as NodeJS.ErrnoException).code).toBe('EAGAIN'); }
      const rec = recording();
      await written(sinkOn(write, rec), 'abc');
      expect(filled).toBeGreaterThan(0);
      expect(drain(read).toString()).toBe('x'.repeat(filled));
      expect(rec.writes).toEqual([Buffer.from('abc')]);
    });
  });

  it('a pipe with room: written directly, the stream never made, the callback called', async () => {
    await withFifo(async ({ read, write }) => {
      const rec = recording();
      const s = sinkOn(write, rec);
      await written(s, 'é-');
      await written(s, Buffer.from([0xff]));
      expect({ pipe: drain(read), asked: rec.asked() }).toEqual({ pipe: Buffer.from([0xc3, 0xa9, 0x2d, 0xff]), asked: 0 });
    });
  });

  it('a shell pipe (a FIFO, blocking): every byte, in order', async () => {
    // Far more than a pipe holds (64 KiB): three unknown options of 100 KB each, on stderr.
    const [a, b, c] = ['a', 'b', 'c'].map((ch) => ch.repeat(100_000));
    const args = ['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u', a, b, c] as string[];
    const fifo = await runCli(['-c', '{ "$0" "$@" 2>&1 >/dev/null; echo "$?" >"$HOME/code"; } | cat >&2; exit "$(cat "$HOME/code")"', process.execPath, BIN, ...args], { shell: true });
    expect({ code: fifo.code, stdout: fifo.stdout, stderr: fifo.stderr }).toEqual({
      code: 252,
      stdout: '',
      stderr: '\nusage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n'
        + '  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n\n\n'
        + `cogsignout: [ERROR]: Unknown options: ${b}, ${c}, ${a}\n`,
    });
  });
});
