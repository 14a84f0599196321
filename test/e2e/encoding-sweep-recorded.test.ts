// AWS CLI 2.36.7 recordings of the output-encoding and locale sweep
// (test/fixtures/encoding-sweep-recordings.json): AWS_CLI_OUTPUT_ENCODING with each --output and
// non-ASCII / unencodable --query results, errors of each kind under those encodings, skeletons,
// LANG / LC_ALL / LC_CTYPE / PYTHONUTF8 / PYTHONIOENCODING, and AWS_PAGER=cat; the sweep of
// code pages, UTF-32, CJK codecs and PYTHONIOENCODING's error handlers after it. Cases marked skip
// carry a note. Replayed in process (runCli) against the project's local endpoint: exact stdout,
// stderr and exit code, and the bodies the endpoint received. The recorder renames `aws` in UTF-8
// text only: in UTF-16 and UTF-32 text it is renamed here, on the decoded text; Python's
// addresses (its fatal errors' thread) are read as the comparer reads them.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { loadSweepFixture } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('encoding-sweep-recordings.json');

// Only `alice` is a user of the endpoint's pool: `no-such-user` gets its own UserNotFoundException,
// as the stub answered; every other sign-out is answered 200 {} as the stub did.
const endpoint = replayEndpoint({ users: ['alice'] });
const stubUser = (c: { args: readonly string[] }): string => c.args[c.args.indexOf('--username') + 1] ?? '';

/** The width and byte order of the UTF-16 or UTF-32 a case's stderr is in, if it is. */
function wideCodec(env: Record<string, string | null>): { width: 2 | 4; bigEndian: boolean } | undefined {
  const name = env.AWS_CLI_OUTPUT_ENCODING ?? env.PYTHONIOENCODING ?? '';
  const m = /^(?:utf-?(16|32)|u(16|32))(?:-?([lb]e))?$/i.exec(name.split(':')[0] as string);
  if (!m) return undefined;
  return { width: (m[1] ?? m[2]) === '16' ? 2 : 4, bigEndian: m[3]?.toLowerCase() === 'be' };
}

/**
 * The recorder's rename of the program's name (the conformance comparer's rule, `aws` after a
 * space, a quote or a bracket and before one or a colon) applied to recorded UTF-16/32 text. The
 * recording read the bytes as UTF-8: each ASCII character of the text kept its bytes, NULs
 * included, so the rule is matched on those, character by character.
 */
function renamedWide(text: string, codec: { width: 2 | 4; bigEndian: boolean } | undefined): string {
  if (codec === undefined) return text;
  const nul = '\0'.repeat(codec.width - 1);
  const wide = (ascii: string): string => [...ascii].map((ch) => (codec.bigEndian ? nul + ch : ch + nul)).join('');
  const one = (cls: string): string => (codec.bigEndian ? `${nul}[${cls}]` : `[${cls}]${nul}`);
  const before = one('\\s"\'(\\[`');
  const after = one('\\s:"\')\\]`');
  const hint = ['configure', 'login', 'sso login'].map((w) => wide(` ${w}`)).join('|');
  const rule = new RegExp(`(^|${before})${wide('aws')}(?=${after}|$)(?!${hint})`, 'g');
  return text.replace(rule, (_, pre: string) => `${pre}${wide('cogsignout')}`);
}

const addresses = (text: string): string => text.replace(/\b0x[0-9a-f]{6,16}\b/g, '<ADDR>');

describe('output encodings and locales: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env, stubUser(c) === 'no-such-user' ? undefined : answerEverySignOut);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(addresses(r.stderr)).toBe(renamedWide(c.stderr, wideCodec(c.env)));
      expect(r.stdout).toBe(c.stdout);
      expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
    });
  }
});
