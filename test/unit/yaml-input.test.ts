// The --cli-input-yaml reader against ruamel.yaml itself (the AWS CLI's loader): 700 small
// generated documents (scalars of every YAML 1.1/1.2 type, tags, anchors, merges, block
// scalars, flows, tabs in every position) with ruamel's repr() of each, or its refusal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { loadYamlDocument } from '../../src/input/yaml-input.js';
import { inputRepr } from '../../src/python/bounded-repr.js';

const fixture = JSON.parse(readFileSync(join(REPO, 'test/fixtures/yaml-ruamel-results.json'), 'utf8')) as {
  cases: Array<{ doc: string; ruamel: string }>;
};

async function load(doc: string): Promise<string> {
  try {
    return `OK ${inputRepr(await loadYamlDocument(doc))}`;
  } catch {
    return 'ERR';
  }
}

describe('loadYamlDocument agrees with ruamel.yaml', () => {
  it(`on ${fixture.cases.length} documents, refusals included`, async () => {
    const wrong: Array<{ doc: string; ruamel: string; ours: string }> = [];
    for (const c of fixture.cases) {
      const ours = await load(c.doc);
      if (ours !== c.ruamel) wrong.push({ ...c, ours });
    }
    expect(wrong).toEqual([]);
    // Both kinds are present, so neither half can pass by accident.
    expect(fixture.cases.filter((c) => c.ruamel === 'ERR').length).toBeGreaterThan(100);
    expect(fixture.cases.filter((c) => c.ruamel.startsWith('OK')).length).toBeGreaterThan(300);
  });
});
