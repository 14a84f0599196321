// Runs a command in a real pseudo-terminal through util-linux's script(1), types into it and
// reads the screen back. script is used rather than a pty library because it is on every Debian
// machine (bsdutils) and needs no native build; where it is missing or is another script (BSD,
// busybox), the tests that need it are skipped with the reason.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { shellJoin } from '../../src/prompt/text.js';
import { VirtualTerminal } from './vt.js';

let probed: string | undefined | null = null;

/** Why pty tests cannot run here, or undefined when they can. */
export function ptyUnavailable(): string | undefined {
  if (probed !== null) return probed;
  const r = spawnSync('script', ['-qfec', 'test -t 0 && test -t 1', '/dev/null'], { stdio: ['pipe', 'ignore', 'ignore'], timeout: 10_000 });
  if (r.error) probed = `script(1) from util-linux is not available (${r.error.message})`;
  else if (r.status !== 0) probed = `script(1) here does not run a command in a pseudo-terminal with -qfec (exit ${r.status})`;
  else probed = undefined;
  return probed;
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export interface PtyRun {
  readonly code: number | null;
  /** Everything the terminal received (stdout only, unless stderr was not redirected). */
  readonly raw: string;
  /** The screen at the end, as a terminal would show it. */
  readonly screen: string;
}

export interface PtyOptions {
  readonly env: Record<string, string>;
  readonly cwd: string;
  /** The command's stderr goes to this file (so that stdout and stderr can be told apart). */
  readonly stderrFile?: string;
  /** Shell redirections/pipes appended after the command, e.g. '</dev/null' or '| cat'. */
  readonly shellSuffix?: string;
  readonly columns?: number;
  readonly rows?: number;
}

export class PtySession {
  private raw = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(argv: readonly string[], opts: PtyOptions) {
    const inner = [
      `stty cols ${opts.columns ?? 100} rows ${opts.rows ?? 40} 2>/dev/null;`,
      shellJoin(argv),
      opts.stderrFile ? `2>${shellJoin([opts.stderrFile])}` : '',
      opts.shellSuffix ?? '',
    ].join(' ');
    this.child = spawn('script', ['-qfec', inner, '/dev/null'], {
      cwd: opts.cwd,
      env: { ...opts.env, SHELL: '/bin/sh' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => { this.raw += d.toString('utf8'); });
    this.child.stderr?.on('data', (d: Buffer) => { this.raw += d.toString('utf8'); });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** What the terminal shows so far, without styling. */
  text(): string {
    return this.raw.replace(ANSI, '');
  }

  /** Waits until the terminal has shown `pattern` (the prompt is ready for keys). */
  async waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const seen = (): boolean => typeof pattern === 'string' ? this.text().includes(pattern) : pattern.test(this.text());
    while (!seen()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the terminal shows:\n${this.text()}`);
      await sleep(25);
    }
  }

  /**
   * Types each argument as one key press (or one paste), a little apart, as a person would. The
   * prompt decodes a chunk whole (src/prompt/keys.ts), so keys that arrive together under load
   * mean the same: the gap is no margin any result depends on.
   */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.child.stdin?.write(k);
      await sleep(20);
    }
  }

  /** Waits for the command to end; kills it after `timeoutMs` so that a hang fails the test. */
  async finish(timeoutMs = 15_000): Promise<PtyRun> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    this.child.stdin?.end();
    const raw = this.raw;
    // Drawn on demand: programs other than the prompt (a pager) send sequences it does not know.
    return {
      code, raw, get screen() {
        const vt = new VirtualTerminal();
        vt.write(raw);
        return vt.screen();
      },
    };
  }
}

export function readOr(path: string, fallback = ''): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
