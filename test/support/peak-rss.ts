// The CLI run with test/support/max-rss.cjs preloaded: its result and its peak resident set
// size, for the tests that bound memory (a memory bound is a fact about the input, unlike time).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, spawnCli, TEST_TMP, type RunOptions, type RunResult } from './cli.js';

export async function runMeasured(args: readonly string[], opts: RunOptions = {}): Promise<RunResult & { maxRss: number; maxRssMiB: number }> {
  const dir = mkdtempSync(join(TEST_TMP, 'cogso-rss-'));
  const file = join(dir, 'max-rss');
  try {
    const r = await spawnCli(args, {
      ...opts,
      env: { ...opts.env, NODE_OPTIONS: `--require ${join(REPO, 'test/support/max-rss.cjs')}`, COGSIGNOUT_TEST_MAX_RSS_FILE: file },
    });
    const maxRss = Number(readFileSync(file, 'utf8'));
    return { ...r, maxRss, maxRssMiB: maxRss / (1024 * 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
