#!/usr/bin/env node
// Differential fuzzer for the output formatters: random JSON documents (every tricky character
// class, awkward keys, numbers of every shape, nesting), formatted by cogsignout's formatters and
// by the AWS CLI's own (scripts/formatter-oracle.py, one python process for the whole batch),
// compared byte for byte, output and error. A development tool: it needs the oracle.
//
//   node scripts/fuzz-formatters.mjs [--n 2000] [--seed 1] [--formats json,yaml,yaml-stream,text,table]
//                                    [--encoding default|utf-8|utf-8-sig|utf-16-le|ascii|latin-1|cp1252|<any codec>] [--surrogates 0.002]
//                                    [--show 5] [--save cases.json] [--record corpus.json]
//
// --save writes the differing documents with the oracle's outputs; --record writes hand-picked
// documents plus the random ones, all with the oracle's outputs (test/fixtures/formatter-corpus.json).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { seededRandom } from './fuzz-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const N = Number(args.n ?? 2000);
const SEED = Number(args.seed ?? 1);
const FORMATS = (args.formats ?? 'json,yaml,yaml-stream,text,table').split(',');
// stdout's encoding: default (no AWS_CLI_OUTPUT_ENCODING: utf-8, surrogateescape), or what
// AWS_CLI_OUTPUT_ENCODING names (strict): utf-8, utf-8-sig, utf-16-le, utf-16-be, ascii, latin-1
// or cp1252 (plain utf-16 writes a BOM only to a seekable stream, as the harness's is).
const ENCODING = args.encoding ?? 'default';
const SHOW = Number(args.show ?? 5);
// How often a random character is a lone surrogate (JSON can say "\ud800"; stdout cannot write it).
const SURROGATES = Number(args.surrogates ?? 0.002);
const ORACLE = process.env.AWS_CLI_SOURCE ?? '/work/shared/oracle/awscli-2.36.7';

// ---- cogsignout's formatters, bundled from source for this run ----
const dir = mkdtempSync(join(tmpdir(), 'fuzz-formatters-'));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  `export { formatOutputChunks, encodeChunks } from ${JSON.stringify(join(root, 'src/output/index.ts'))};
   export { parseJson } from ${JSON.stringify(join(root, 'src/python/json-parse.ts'))};
   export { PythonError } from ${JSON.stringify(join(root, 'src/python/builtins.ts'))};
   export { charWidth } from ${JSON.stringify(join(root, 'src/python/unicode.ts'))};
   import { outputLabel, useCharmaps } from ${JSON.stringify(join(root, 'src/util/codecs.ts'))};
   import * as charmaps from ${JSON.stringify(join(root, 'src/util/charmaps.ts'))};
   useCharmaps(charmaps);
   export const labelOf = async (name) => { const label = outputLabel(name); await charmaps.loadCjkTables([label]); return label; };`,
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'out.mjs'), logLevel: 'error' });
const m = await import(pathToFileURL(join(dir, 'out.mjs')).href);

// The oracle's stdout encodings and the labels cogsignout's codec table gives them (any other
// codec Python has by the name outputLabel gives it: cp437, shift_jis, …).
const LABELS = {
  default: 'utf-8', 'utf-8': 'utf-8', 'utf-8-sig': 'utf-8-sig', 'utf-16-le': 'utf-16le', 'utf-16-be': 'utf-16be',
  ascii: 'ascii', 'latin-1': 'latin1', cp1252: 'charmap:cp1252',
};

if (!(ENCODING in LABELS)) LABELS[ENCODING] = await m.labelOf(ENCODING);

function ours(fmt, doc, enc) {
  const written = m.formatOutputChunks(fmt, m.parseJson(doc), { title: 'Op', color: false, terminalWidth: 80, autoreset: false });
  const { bytes, error } = m.encodeChunks(written.chunks, LABELS[enc], enc === 'default' ? 'surrogateescape' : 'strict');
  const err = error ?? written.error;
  return { out: bytes.toString('latin1'), err: err ? `${err.pyType}: ${err.message}` : null };
}

// The table formatter measures characters with Python's unicodedata. cogsignout's table comes from a
// newer CPython (see src/python/unicode.ts: the official installer bundles its own Python) than the
// oracle's Debian 3.11, whose Unicode 14 also calls unassigned code points Fullwidth. Characters
// the two disagree on are left out of the documents: they measure the interpreter, not the CLI.
const pyWide = new Set(
  execFileSync('/usr/bin/python3', ['-c', `import unicodedata as u
print(' '.join(str(c) for c in range(0x110000) if not 0xd800 <= c <= 0xdfff and u.east_asian_width(chr(c)) in 'WFA'))`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
    .trim()
    .split(' ')
    .map(Number),
);
const versionSensitive = (cp) => cp >= 0xa1 && !(cp >= 0xd800 && cp <= 0xdfff) && pyWide.has(cp) !== (m.charWidth(cp) === 2);

// ---- random documents, as JSON text ----
const { rnd, int, pick } = seededRandom(SEED);

const WORDS = [
  '', ' ', 'x', 'yes', 'No', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', '~', 'true', 'False', 'TRUE', '123', '-1', '+1',
  '1_000', '0x1F', '0o17', '017', '0b101', '.5', '1e3', '1.', '1.5e-3', '.inf', '-.Inf', '.NaN', '12:30', '1:20:30.5',
  '2020-01-01', '2020-1-1 10:00:00', '2001-12-14t21:59:43.10-05:00', '<<', '=', '!', '&', '*', 'a: b', 'a:b', 'a:', ':',
  '- x', '-', '-x', '--', '---', '--- x', '...', '....', '? x', '?', '?x', ':x', '#x', 'a #b', 'a#b', "it's", "'q'",
  '"dq"', '[x]', '{y}', 'a,b', '!t', '&a', '*a', '%p', '@x', '`b', '|', '>', ' lead', 'trail ', '  two  ', 'line1\nline2',
  '\n', '\n\n', 'a\n', '\na', 'a\n\nb\n', 'a \nb', 'a\n b', 'tab\there', '\t', '\r', '\r\n', 'a\rb', '\x85', 'a\x85b',
  '\u2028', 'a\u2028b', 'a\u2029b', '\u2028\u2029', '\x07', '\x00', 'a\x00b', '\x1b[0m', '\x7f', '\x9f', '\ufeff', '\ufeffbom',
  '\u00a0', '\ufffe', '\uffff',  '\ufffd', '\ud7ff', '\ue000', 'é°×', '日本語', '😀', '😀 emoji',
  'ünïcødé ✓', '\\', 'back\\slash', 'a  b', 'a \\ b', 'k: v # c', 'http://x', '{"a": 1}',
];
const LONG = () => {
  const unit = pick(['word ', 'it\'s ', 'a: b ', 'x', 'xy ', ' ', '  ', 'é ', '日本 ', '😀 ', '\\ ', 'a\tb ', '"q" ', 'a\nb ', '\u2028 ', 'c\r ']);
  return unit.repeat(int(10, 60)) + pick(['', ' ', 'end', '\n']);
};

function randomChar() {
  const r = rnd();
  let cp;
  if (r < 0.55) cp = int(0x20, 0x7e);
  else if (r < 0.65) cp = pick([0, 7, 8, 9, 10, 11, 12, 13, 27, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0x2028, 0x2029, 0xfeff, 0xfffe]);
  else if (r < 0.8) cp = int(0xa0, 0x2fff);
  else if (r < 0.92) cp = pick([int(0x3000, 0xd7ff), int(0xe000, 0xfffd)]);
  else if (r < 1 - SURROGATES) cp = int(0x10000, 0x1faff);
  else cp = int(0xd800, 0xdfff);
  return versionSensitive(cp) ? randomChar() : String.fromCodePoint(cp);
}

const sane = (s) => Array.from(s, (ch) => (versionSensitive(ch.codePointAt(0)) ? 'x' : ch)).join('');

function randomString() {
  return sane(anyString());
}

function anyString() {
  const r = rnd();
  if (r < 0.45) return pick(WORDS);
  if (r < 0.6) return LONG();
  if (r < 0.7) return pick(WORDS) + pick(WORDS) + pick(WORDS);
  let s = '';
  const n = int(0, rnd() < 0.8 ? 12 : 140);
  for (let i = 0; i < n; i++) s += rnd() < 0.2 ? ' ' : randomChar();
  return s;
}

function randomKey() {
  const r = rnd();
  if (r < 0.5) return sane(pick(['a', 'b', 'B', 'Name', 'Code', 'Message', 'A1', 'x_y', '1', '10', '2', 'é', '日本', 'k😀']));
  if (r < 0.6) return pick(['k'.repeat(127), 'k'.repeat(128), 'k'.repeat(129), 'é'.repeat(64), 'é'.repeat(65), '日'.repeat(43), 'x'.repeat(300)]);
  return randomString();
}

const NUMBERS = ['0', '-0', '1', '-1', '42', '12345678901234567890', '-99999999999999999999999', '1.0', '-0.0', '0.1', '1.5',
  '1e3', '1E+16', '1e16', '1e-7', '123456.789', '1e308', '2.5e-320', '3.141592653589793', '100000000000000000000.0', '1e22'];

function value(depth) {
  const r = rnd();
  if (depth > 3 || r < 0.45) {
    const s = rnd();
    if (s < 0.7) return JSON.stringify(randomString());
    if (s < 0.9) return pick(NUMBERS);
    return pick(['true', 'false', 'null']);
  }
  if (r < 0.7) {
    const n = rnd() < 0.1 ? 0 : int(1, 5);
    return `[${Array.from({ length: n }, () => value(depth + 1)).join(', ')}]`;
  }
  const n = rnd() < 0.1 ? 0 : int(1, 5);
  const keys = new Set(Array.from({ length: n }, randomKey));
  return `{${[...keys].map((k) => `${JSON.stringify(k)}: ${value(depth + 1)}`).join(', ')}}`;
}

function documentFor(fmt) {
  const r = rnd();
  // Now and then a big one: libyaml hands its buffer over in pieces of about 16 KB.
  if (r < 0.03) return `[${Array.from({ length: int(200, 700) }, () => (rnd() < 0.8 ? JSON.stringify(randomString()) : value(2))).join(', ')}]`;
  // Text and table shapes: the table formatter wants dicts of scalars or lists of dicts.
  if (fmt === 'table' && r < 0.6) {
    const rows = Array.from({ length: int(1, 4) }, () => {
      const keys = new Set(Array.from({ length: int(1, 4) }, randomKey));
      return `{${[...keys].map((k) => `${JSON.stringify(k)}: ${rnd() < 0.8 ? JSON.stringify(randomString()) : value(2)}`).join(', ')}}`;
    });
    return rnd() < 0.5 ? `{"Items": [${rows.join(', ')}]}` : rows[0];
  }
  return value(0);
}

// ---- the run ----
// Hand-picked documents for the recorded corpus (--record): each YAML rule the emitter follows,
// the simple-key limit on both sides in bytes, and failures after some output in every format.
const s = JSON.stringify;
const HAND = [
  ...[
    s({ breaks: ['a\rb', 'a\r\nb', 'a\x85b', 'a\u2028b', 'a\u2029b', '\u2028', 'a\n', '\na', 'a\n\nb\n', 'a \nb', 'a\n b', 'x\ny: z'] }),
    s({ quotes: ["it's", "'q'", '"dq"', 'say "hi"', "it's: here", '\\', 'a\\nb', "'", '"', "''", 'a\'\n"b'] }),
    s({ escapes: ['\x00', '\x07bell', '\x1b[0m', '\x7f', '\x80', '\x9f', '\ufeffbom', '\ufffe', '\u00a0nbsp', 'tab\there', '\t'] }),
    s({ astral: ['😀', '😀 emoji', 'a😀b', '𝒳 y', '日本語', 'ünïcødé ✓', '\ud7ff\ue000\ufffd'] }),
    s({ plain: ['yes', 'No', 'on', 'null', 'Null', '~', '', ' ', 'true', 'TRUE', '123', '-1', '1_000', '0x1F', '0o17', '017', '1e3', '1.', '.inf', '.NaN', '12:30', '2020-01-01', '2001-12-14t21:59:43.10-05:00', '<<', '=', '!', '&a', '*a', '- x', '-x', '? x', '?x', ':x', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '[x]', 'a,b', '{y}', '---', '--- x', '...', '|', '>', '%p', '@x', '`b', ' lead', 'trail ', 'a  b'] }),
    s({ fold: ['word '.repeat(40), 'x'.repeat(200), `${'x'.repeat(90)} y`, 'a: b '.repeat(30), "it's ".repeat(30), 'a\tb '.repeat(30), 'é '.repeat(60), '😀 '.repeat(40), '  '.repeat(50) + 'x', 'x' + ' '.repeat(100) + 'y', `${'a '.repeat(45)}\n${'b '.repeat(45)}`] }),
    s({ ['k'.repeat(127)]: 1, ['k'.repeat(128)]: 2, ['k'.repeat(129)]: 3, ['é'.repeat(64)]: 4, ['é'.repeat(65)]: 5, ['日'.repeat(42)]: 6, ['日'.repeat(43)]: 7, ['😀'.repeat(32)]: 8, ['😀'.repeat(33)]: 9, 'two\nlines': 10, '': 11, 'a\u2028b': 12 }),
    s({ nested: [[], {}, [[]], [{}], { a: [] }, [1, [2, [3, []]]], { a: { b: { c: {} } } }, [{ a: 1, b: [1, 2] }]], numbers: [0, -1, 1.5, 1e16, 1e-7, 0.1, 1e308, 2.5e-320, -0.0] }),
    '[1, -0.0, 1.0, 1E+16, 123456.789, 12345678901234567890, -99999999999999999999999, true, false, null, "x"]',
    // Text output upper-cases the keys it prints: full case mappings, and none Python lacks.
    s({ 'ƛ': { a: 1 }, ß: { b: 2 }, ﬁ: { c: 3 }, 'ŉ': [1], 'ɤ': [2], 'é': { d: 4 } }),
    '"a: b"', '"日本"', '1e16', '-0.0', 'null', 'true', '12345678901234567890', '[]', '{}', '""', '"\u2028"',
  ].flatMap((doc) => ['yaml', 'yaml-stream', 'json', 'text', 'table'].map((fmt) => ({ fmt, doc, enc: 'default' }))),
  // Failures after some output.
  ...['json', 'yaml', 'yaml-stream', 'text', 'table'].flatMap((fmt) => [
    { fmt, doc: '[["ab", "c"], ["x\\ud800"], "z"]', enc: 'default' },
    { fmt, doc: '[["ab", "c"], ["x\\udcff\\udc80y"], "z"]', enc: 'default' },
    { fmt, doc: '[["ab", "c"], ["x\\udcff\\ud800y"], "z"]', enc: 'default' },
    { fmt, doc: '[["ab", "c"], ["x\\udcffy"], "z"]', enc: 'utf-8' },
    { fmt, doc: '[["ab", "\\u00e9"], ["x\\ud800\\udfff"], "z"]', enc: 'utf-16-le' },
    { fmt, doc: '{"a": "\\u00e9\\ud83d\\ude00", "b": ["x"]}', enc: 'utf-16-be' },
    { fmt, doc: '{"a": "\\u00e9", "b": ["x\\ud800"]}', enc: 'utf-8-sig' },
    { fmt, doc: '{"a": ["ab", "c"], "b": "x\\u00e9\\u00e8y", "c": "z"}', enc: 'ascii' },
    { fmt, doc: '{"a": ["ab", "c"], "b": "x\\u20ac\\u00e8y", "c": "z"}', enc: 'latin-1' },
    { fmt, doc: '{"a": ["ab", "c"], "b": "x\\u20ac\\u0100y", "c": "z"}', enc: 'cp1252' },
    { fmt, doc: '{"Items": [{"a": "x", "b": "y"}, {"a": "\\ud800\\udc00\\udfff"}]}', enc: 'default' },
    { fmt, doc: '[1, {"a": 2}, "after"]', enc: 'default' },
    { fmt, doc: '{"b": [{"x": 1}, 2], "a": "first"}', enc: 'default' },
    { fmt, doc: '[{"a": 1}, [12345678901234567890]]', enc: 'default' },
    { fmt, doc: '[{"a": 1}, [9223372036854775807]]', enc: 'default' },
    { fmt, doc: '[{"a": 1}, [-9223372036854775809]]', enc: 'default' },
  ]),
  // libyaml hands over ~16 KB at a time: a late failure keeps the pieces before it.
  ...[['yaml', 'default'], ['yaml-stream', 'ascii']].map(([fmt, enc]) => ({
    fmt, enc, doc: s({ a: [...Array.from({ length: 600 }, (_, i) => `item number ${i} with some words`), 'é at the end', enc === 'default' ? 'x\ud800' : 'x'] }),
  })),
];

// Table widths of version-sensitive characters measure the interpreter (see versionSensitive).
const hand = HAND.filter((c) => c.fmt !== 'table' || !Array.from(c.doc).some((ch) => versionSensitive(ch.codePointAt(0))));
const cases = args.record ? [...hand] : [];
for (let i = 0; i < N; i++) for (const fmt of FORMATS) cases.push({ fmt, doc: documentFor(fmt), enc: ENCODING });

const py = spawn('/usr/bin/python3', [join(root, 'scripts/formatter-oracle.py')], {
  env: { ...process.env, PYTHONPATH: ORACLE, PYTHONIOENCODING: 'utf-8' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
py.stdin.end(cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
let buf = '';
for await (const chunk of py.stdout) buf += chunk;
const theirs = buf.trimEnd().split('\n').map((l) => JSON.parse(l));

const stats = Object.fromEntries(FORMATS.map((f) => [f, { n: 0, same: 0, failed: 0, partial: 0 }]));
const diffs = [];
cases.forEach((c, i) => {
  const a = ours(c.fmt, c.doc, c.enc);
  const b = theirs[i];
  stats[c.fmt].n++;
  if (b.err !== null) stats[c.fmt].failed++;
  if (b.err !== null && b.out !== '') stats[c.fmt].partial++;
  // An error's message names a memory address on the python side: compare the types then.
  const sameErr = a.err === b.err || (a.err !== null && b.err !== null && a.err.split(':')[0] === b.err.split(':')[0] && / at 0x/.test(b.err));
  if (a.out === b.out && sameErr) stats[c.fmt].same++;
  else diffs.push({ ...c, ours: a, oracle: b });
});
for (const [f, s] of Object.entries(stats)) console.log(`${f.padEnd(12)} ${s.same}/${s.n} agree (${((100 * s.same) / s.n).toFixed(2)} %); the oracle failed ${s.failed}, ${s.partial} after some output`);
const around = (text, at) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
for (const d of diffs.slice(0, SHOW)) {
  let at = 0;
  while (at < d.ours.out.length && d.ours.out[at] === d.oracle.out[at]) at++;
  console.log(`\n--- ${d.fmt} ${d.doc.length > 400 ? `${d.doc.slice(0, 400)}…` : d.doc}`);
  if (d.ours.err !== d.oracle.err) console.log(`errors: oracle ${d.oracle.err} / ours ${d.ours.err}`);
  if (d.ours.out !== d.oracle.out) console.log(`at ${at}:\noracle: ${around(d.oracle.out, at)}\nours:   ${around(d.ours.out, at)}`);
}
if (args.record) {
  // Random documents join the corpus only when small: the fixture stays readable.
  const recorded = cases
    .map((c, i) => ({ ...c, out: theirs[i].out, err: theirs[i].err }))
    .filter((c, i) => i < hand.length || c.doc.length + c.out.length < 4000);
  const header = 'What the AWS CLI 2.36.7 formatters (scripts/formatter-oracle.py) wrote for each document: out is stdout\'s bytes as latin-1, err the exception that followed. Written by scripts/fuzz-formatters.mjs --record.';
  // One case a line, everything past ASCII escaped (LS, PS and C1 controls stay out of the file).
  const text = JSON.stringify({ about: header, cases: recorded })
    .replace(/\},\{"fmt"/g, '},\n{"fmt"')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(args.record, `${text}\n`);
  console.log(`recorded ${recorded.length} cases to ${args.record}`);
}
if (args.save) {
  writeFileSync(args.save, JSON.stringify(diffs.map(({ fmt, doc, enc, oracle }) => ({ fmt, doc, enc, ...oracle })), null, 1));
  console.log(`saved ${diffs.length} differing cases to ${args.save}`);
}
process.exitCode = diffs.length === 0 ? 0 : 1;
