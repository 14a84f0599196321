// The output pager and Ctrl-C, as functions: the pager gets the output; Ctrl-C ends it (SIGTERM,
// then SIGKILL for one that ignores it) and then the command (InterruptedError, 130); the
// Ctrl-C handler is given back whatever happens.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/context.js';
import { InterruptedError } from '../../src/errors/errors.js';
import { pagerCommand, runPager } from '../../src/output/pager.js';
import { compileQuery } from '../../src/output/query.js';
import { writeResult } from '../../src/output/result.js';
import { PythonError } from '../../src/python/builtins.js';
import { fakeIo } from '../help/support.js';

/** A fake Io.onInterrupt that records the taker and lets the test press Ctrl-C. */
function keyboard() {
  let handler: (() => void) | undefined;
  let released = 0;
  return {
    onInterrupt: (h: () => void) => { handler = h; return () => { released++; handler = undefined; }; },
    ctrlC: () => handler?.(),
    taken: () => handler !== undefined,
    released: () => released,
  };
}

const env = { PATH: process.env.PATH };

describe('runPager', () => {
  it('feeds the pager and resolves when it exits; the handler is given back', async () => {
    const k = keyboard();
    await expect(runPager(['sh', '-c', 'test "$(cat)" = "the output"'], 'the output', env, k.onInterrupt)).resolves.toBeUndefined();
    expect(k.released()).toBe(1);
  });

  it('Ctrl-C ends the pager, then the command with InterruptedError', async () => {
    const k = keyboard();
    const paged = runPager(['sh', '-c', 'exec sleep 30'], 'x', env, k.onInterrupt);
    while (!k.taken()) await new Promise((r) => setTimeout(r, 10));
    k.ctrlC();
    await expect(paged).rejects.toBeInstanceOf(InterruptedError);
    expect(await paged.then(() => 0, (e: InterruptedError) => e.exitCode)).toBe(130);
    expect(k.released()).toBe(1);
  });

  it('a pager that ignores SIGTERM is killed by the second Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-pager-'));
    const ready = join(dir, 'ready');
    try {
      const k = keyboard();
      const paged = runPager(['sh', '-c', 'trap "" TERM; : > "$0"; while :; do sleep 0.05; done', ready], 'x', env, k.onInterrupt);
      let settled = false;
      void paged.catch(() => {}).finally(() => { settled = true; });
      while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 10));
      k.ctrlC();
      // Still running a while after the SIGTERM it ignores.
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      k.ctrlC();
      await expect(paged).rejects.toBeInstanceOf(InterruptedError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// AWS CLI 2.36.7 on a terminal (recorded under `script`): AWS_PAGER="less '" makes a successful
// sign-out "aws: [ERROR]: No closing quotation", 255, with --output off, with nothing to print and
// before a --query that would fail (`abs(@)`); with --no-cli-pager, or off a terminal, it is not read.
describe('a pager setting that does not split', () => {
  const settings = { noCliPager: false, stdoutIsTTY: true, profilePager: undefined };
  it("is shlex.split's ValueError on a terminal, and not read elsewhere", () => {
    expect(() => pagerCommand({ ...settings, env: { AWS_PAGER: "less '" } })).toThrow(new PythonError('ValueError', 'No closing quotation'));
    expect(() => pagerCommand({ ...settings, env: { PAGER: 'less \\' } })).toThrow(new PythonError('ValueError', 'No escaped character'));
    expect(pagerCommand({ ...settings, stdoutIsTTY: false, env: { AWS_PAGER: "less '" } })).toBeUndefined();
    expect(pagerCommand({ ...settings, noCliPager: true, env: { AWS_PAGER: "less '" } })).toBeUndefined();
  });

  it('fails the result as the output stream opens: for --output off, an empty result and before the query', async () => {
    const ctx = (output: string, query?: string): CommandContext => ({
      io: fakeIo({ AWS_PAGER: "less '" }, { columns: 80 }),
      globals: { output, color: 'auto', noCliPager: false },
      settings: { quietProfileValue: () => undefined, envOrProfile: () => undefined },
      query: query === undefined ? undefined : compileQuery(query),
      colorama: { inits: 0 },
      stdoutBuffer: { held: undefined, reconfigured: false },
    } as unknown as CommandContext);
    for (const c of [ctx('off'), ctx('json'), ctx('text', 'abs(@)')]) {
      await expect(writeResult({}, c)).rejects.toThrow(new PythonError('ValueError', 'No closing quotation'));
      expect((c.io as ReturnType<typeof fakeIo>).out()).toBe('');
    }
  });
});
