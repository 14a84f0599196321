// The built bundles' shape, checked on every CI run: the core (all that --version, help,
// skeletons and argument errors load) stays small and SDK-free, the network bundle stays within
// its budget, and both ship a code cache the building Node accepts. Budgets are set from the
// measurement (bench/startup.mjs) with ~20% headroom: growing past one is a decision to make.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const DIST = join(REPO, 'dist');
const CORE_BUDGET = 600 * 1024; // measured 2026-11-27: ~486 KiB
const NETWORK_BUDGET = 640 * 1024; // measured 2026-11-27: ~520 KiB

const cacheAccepted = (file: string): string => spawnSync(process.execPath, ['-e', `
  const fs = require('fs'), vm = require('vm'), { wrap } = require('module');
  const s = new vm.Script(wrap(fs.readFileSync(${JSON.stringify(file)}, 'utf8')), { filename: ${JSON.stringify(file)}, cachedData: fs.readFileSync(${JSON.stringify(`${file}.cache`)}) });
  console.log(s.cachedDataRejected ? 'rejected' : 'accepted')`], { encoding: 'utf8' }).stdout;

describe('bundles', () => {
  it(`the core stays under ${CORE_BUDGET / 1024} KiB and holds no AWS SDK code`, () => {
    const core = join(DIST, 'core.cjs');
    expect(statSync(core).size).toBeLessThanOrEqual(CORE_BUDGET);
    const text = readFileSync(core, 'utf8');
    expect(text).not.toContain('CognitoIdentityProviderClient');
    expect(text).not.toContain('SignatureV4');
    expect(text).toContain('require("./net.cjs")');
    expect(text).toContain('require("./credential-providers.cjs")');
  });

  it(`the network bundle stays under ${NETWORK_BUDGET / 1024} KiB`, () => {
    expect(statSync(join(DIST, 'net.cjs')).size).toBeLessThanOrEqual(NETWORK_BUDGET);
  });

  it('both are ASCII and end with a hash of their content, which names the users\' own caches', () => {
    for (const name of ['core.cjs', 'net.cjs']) {
      const text = readFileSync(join(DIST, name), 'utf8');
      const mark = /\n\/\/# cogsignout-build=([0-9a-f]{20})\n$/.exec(text);
      expect(mark, name).not.toBeNull();
      expect(createHash('sha256').update(text.slice(0, mark!.index)).digest('hex').slice(0, 20)).toBe(mark![1]);
      // ASCII only, so that V8 holds the source as one-byte text.
      expect(/[^\x00-\x7f]/.exec(text), name).toBeNull();
    }
  });

  it('both ship a code cache the building Node accepts, readable by every user', () => {
    expect(cacheAccepted(join(DIST, 'core.cjs'))).toBe('accepted\n');
    expect(cacheAccepted(join(DIST, 'net.cjs'))).toBe('accepted\n');
    for (const name of ['core.cjs.cache', 'net.cjs.cache']) expect(statSync(join(DIST, name)).mode & 0o444).toBe(0o444);
  });
});
