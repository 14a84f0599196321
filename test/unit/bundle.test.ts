// The built bundle's shape, checked on every CI run: what --version, help, skeletons and
// argument errors load stays small and SDK-free, and the network bundle stays within its
// budget. Budgets are set from the measurement (see bench/startup.mjs) with ~20% headroom;
// growing past one is a decision to make, not an accident.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const DIST = join(REPO, 'dist');
const STARTUP_BUDGET = 72 * 1024; // measured 2026-11-27: ~56 KiB
const NETWORK_BUDGET = 640 * 1024; // measured 2026-11-27: ~520 KiB

/** Files an ES module loads before running: its static imports, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^import\s*(?:[^'"]*?from\s*)?["'](\.[^"']+)["'];?$/gm)) {
    staticClosure(join(dirname(file), m[1] as string), seen);
  }
  return seen;
}

describe('bundle', () => {
  const startup = staticClosure(join(DIST, 'cogsignout.mjs'));
  const startupBytes = [...startup].reduce((n, f) => n + statSync(f).size, 0);

  it(`start-up code stays under ${STARTUP_BUDGET / 1024} KiB`, () => {
    expect(startup.size).toBeGreaterThan(1);
    expect(startupBytes).toBeLessThanOrEqual(STARTUP_BUDGET);
  });

  it('start-up code contains neither the AWS SDK nor commander', () => {
    for (const f of startup) {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toContain('CognitoIdentityProviderClient');
      expect(text).not.toContain('@smithy');
      expect(text).not.toMatch(/class Command extends/);
    }
  });

  it(`the network bundle stays under ${NETWORK_BUDGET / 1024} KiB and ships its code cache`, () => {
    expect(statSync(join(DIST, 'net.cjs')).size).toBeLessThanOrEqual(NETWORK_BUDGET);
    expect(statSync(join(DIST, 'net.cjs.cache')).size).toBeGreaterThan(0);
  });
});
