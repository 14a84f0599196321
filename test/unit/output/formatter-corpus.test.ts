// Every formatter against what the AWS CLI 2.36.7's own formatters wrote for the same documents
// (test/fixtures/formatter-corpus.json, recorded by scripts/fuzz-formatters.mjs --record from the
// oracle): YAML through libyaml's rules, JSON, text and table, under several stdout encodings,
// including the output that reaches stdout before a formatter or encoding error and that error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeChunks, formatOutputChunks, parseJson, type OutputFormat } from '../../../src/output/index.js';
import { useCharmaps } from '../../../src/util/codecs.js';

// cp1252's encoder comes with the code pages' tables (the charmaps bundle), as a run naming it reads them.
useCharmaps(await import('../../../src/util/charmaps.js'));

interface RecordedCase {
  readonly fmt: OutputFormat;
  readonly doc: string;
  /** default: no AWS_CLI_OUTPUT_ENCODING (UTF-8, surrogateescape); else what it names (strict). */
  readonly enc: 'default' | 'utf-8' | 'utf-8-sig' | 'utf-16-le' | 'utf-16-be' | 'ascii' | 'latin-1' | 'cp1252';
  /** stdout's bytes, as latin-1. */
  readonly out: string;
  /** `Type: message` of the exception the formatter raised, or null. */
  readonly err: string | null;
}

const CORPUS = JSON.parse(readFileSync(new URL('../../fixtures/formatter-corpus.json', import.meta.url), 'utf8')) as {
  cases: RecordedCase[];
};
const LABELS = {
  default: 'utf-8', 'utf-8': 'utf-8', 'utf-8-sig': 'utf-8-sig', 'utf-16-le': 'utf-16le', 'utf-16-be': 'utf-16be',
  ascii: 'ascii', 'latin-1': 'latin1', cp1252: 'charmap:cp1252',
} as const;

function run(c: RecordedCase): { out: string; err: string | null } {
  const written = formatOutputChunks(c.fmt, parseJson(c.doc), { title: 'Op', color: false, terminalWidth: 80, autoreset: false });
  const { bytes, error } = encodeChunks(written.chunks, LABELS[c.enc], c.enc === 'default' ? 'surrogateescape' : 'strict');
  const err = error ?? written.error;
  return { out: bytes.toString('latin1'), err: err ? `${err.pyType}: ${err.message}` : null };
}

describe('formatters against the AWS CLI’s own, recorded', () => {
  it('the corpus covers every format, failures after output and each encoding', () => {
    const formats = new Set(CORPUS.cases.map((c) => c.fmt));
    expect([...formats].sort()).toEqual(['json', 'table', 'text', 'yaml', 'yaml-stream']);
    for (const fmt of formats) {
      expect(CORPUS.cases.some((c) => c.fmt === fmt && c.err !== null && c.out !== '')).toBe(true);
    }
    expect(new Set(CORPUS.cases.map((c) => c.enc)).size).toBe(8);
  });

  it.each(CORPUS.cases.map((c, i) => [i, c.fmt, c.enc, c] as const))('case %i (%s, %s)', (_, _fmt, _enc, c) => {
    expect(run(c)).toEqual({ out: c.out, err: c.err });
  });
});
