// AWS CLI 2.36.7 recordings of the parameter-values-from-files-and-URLs sweep
// (test/fixtures/paramfile-sweep-recordings.json): file:// for --username and --user-pool-id
// (relative, absolute, file:///, ~, $VAR, missing, a directory, chmod 000 met by a process
// without root's DAC capabilities, empty, newlines, CRLF and lone CR, a BOM, bytes that are not
// UTF-8, NUL, long content, a FIFO, symlinks dangling and looping, FILE:// and other cases of the
// prefix, file:// alone, spaces and %20, names with quotes, backslashes and unprintable
// characters in the OSError's repr); fileb:// on these string parameters (the bytes' repr in the
// type error) under each --cli-binary-format and profile cli_binary_format; http:// and https://
// values, sent as they are whatever cli_follow_urlparam says; --cli-input-json and
// --cli-input-yaml from file:// and fileb:// with the same edge cases (json.loads' and ruamel's
// detection of UTF-16 and UTF-32 in a fileb:// document) and file://, fileb:// and http:// values
// inside the document (not expanded); AWS_CLI_FILE_ENCODING's names (aliases, utf-16 and utf-32
// with and without a BOM, the Windows, DOS, Mac and EBCDIC code pages, unicode_escape and
// raw_unicode_escape, bytes-to-bytes codecs,
// `undefined`, unknown names); each --output and --cli-error-format on the error cases; file://
// on the global options (taken literally), repeated values, and the order of a file's error
// among the other errors of a command line.
// Left out: FIFOs as documents (the AWS CLI opens a document's file twice and waits on the second
// open for ever), codecs cogsignout does not know (utf-7, idna, punycode, gb2312: unknown
// encoding, 255, where the AWS CLI decodes), unicode_escape's \N{name}, and file:///dev/stdin
// (an in-process run would read the test runner's own stdin).
// A case whose env has PF_SETUP has its files made by `sh` (PF_SETUP in HOME) and runs in process;
// one that needs a process of its own (PF_PREFIX's capabilities, a FIFO and its writer) is the
// built CLI run by `sh` after it, under PF_PREFIX. Exact stdout, stderr and exit code, and the
// bodies sent.
import { describe, expect, it } from 'vitest';
import { loadSweepFixture } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('paramfile-sweep-recordings.json');

const endpoint = replayEndpoint({ closedPort: true });

const SETUP = 'eval "$PF_SETUP" || exit 99; exec $PF_PREFIX "$0" "$@"';

const CASES = FIXTURE.cases.filter((x) => x.compare !== 'skip');
const setUpOf = (c: (typeof CASES)[number]): string | undefined => c.env.PF_SETUP ?? undefined;
/** A case the built CLI runs as a process: capabilities dropped by PF_PREFIX, or a FIFO read while its writer writes. */
const isProcessCase = (c: (typeof CASES)[number]): boolean => (c.env.PF_PREFIX ?? '') !== '' || /\bmkfifo\b/.test(setUpOf(c) ?? '');
// The processes have an endpoint each, so that they run side by side (in-process runs take turns)
// and no request of one counts in another's.
const processEndpoints = new Map(CASES.filter(isProcessCase).map((c) => [c.id, replayEndpoint({ closedPort: true })]));

async function replay(on: typeof endpoint, c: (typeof CASES)[number]): Promise<void> {
  const setUp = setUpOf(c);
  const how = isProcessCase(c) ? { shellScript: SETUP } : setUp === undefined ? undefined : { homeSetUp: setUp };
  const r = await on.run(c, FIXTURE.defaults.env, answerEverySignOut, how);
  expect({ code: r.code }).toEqual({ code: c.exitCode });
  if (c.compare !== 'exact') return;
  expect(r.stderr).toBe(c.stderr);
  expect(r.stdout).toBe(c.stdout);
  expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
}

describe('parameter values from files and URLs: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of CASES.filter((x) => !isProcessCase(x))) it(c.id, () => replay(endpoint, c));
});

describe.concurrent('parameter files read by a process of its own (dropped capabilities, FIFOs): the built CLI, each case against an endpoint of its own', () => {
  it('the processes\' cases are recorded', () => {
    expect(processEndpoints.size).toBeGreaterThan(0);
  });
  for (const c of CASES.filter(isProcessCase)) it(c.id, () => replay(processEndpoints.get(c.id) as typeof endpoint, c));
});
