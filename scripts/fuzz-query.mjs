#!/usr/bin/env node
// Differential fuzzer for --query: random JMESPath expressions (literals of every JSON shape,
// functions with right and wrong arities and types, projections, filters, slices, pipes,
// comparisons, multiselects, now and then broken by a stray character) and table-shaped lists
// that mix dicts with other values, compiled, applied to the operation's `{}` response and
// formatted by cogsignout (src/output/query.ts, src/output/index.ts) and by the AWS CLI's own
// code (scripts/query-oracle.py: jmespath.compile and awscli's formatters, one python process
// for the batch), compared byte for byte, output and error. A development tool: it needs the oracle.
//
//   node scripts/fuzz-query.mjs [--n 2000] [--seed 1] [--formats json,text,table,yaml,yaml-stream] [--color on] [--show 5]
//
// Not counted as differences: memory addresses (`&a` prints a Python object), and which
// comparison a table's mixed str/int key set fails at (the AWS CLI's answer changes from run to
// run with Python's string hashing; src/python/set-order.ts gives its most frequent one).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { seededRandom } from './fuzz-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const N = Number(args.n ?? 2000);
const FORMATS = (args.formats ?? 'json,text,table,yaml,yaml-stream').split(',');
const COLOR = args.color ?? 'off';
const SHOW = Number(args.show ?? 5);
const ORACLE = process.env.AWS_CLI_SOURCE ?? '/work/shared/oracle/awscli-2.36.7';
const TITLE = 'AdminUserGlobalSignOut';

// ---- cogsignout's query engine and formatters, bundled from source for this run ----
const dir = mkdtempSync(join(tmpdir(), 'fuzz-query-'));
writeFileSync(
  join(dir, 'entry.ts'),
  `export { formatOutputChunks, encodeChunks } from ${JSON.stringify(join(root, 'src/output/index.ts'))};
   export { compileQuery, applyQuery, QuerySyntaxError } from ${JSON.stringify(join(root, 'src/output/query.ts'))};
   export { PythonError } from ${JSON.stringify(join(root, 'src/python/builtins.ts'))};`,
);
await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'out.mjs'), logLevel: 'error' });
const m = await import(pathToFileURL(join(dir, 'out.mjs')).href);

function ours(expr, fmt, color) {
  let query;
  try {
    query = m.compileQuery(expr);
  } catch (e) {
    if (e instanceof m.QuerySyntaxError) return { out: '', err: e.message };
    throw e;
  }
  let result;
  try {
    result = m.applyQuery(query, {}, fmt);
  } catch (e) {
    if (e instanceof m.PythonError) return { out: '', err: `${e.pyType}: ${e.message}` };
    throw e;
  }
  const written = m.formatOutputChunks(fmt, result, { title: TITLE, color: color === 'on', terminalWidth: 80, autoreset: false });
  const { bytes, error } = m.encodeChunks(written.chunks, 'utf-8', 'surrogateescape');
  const err = error ?? written.error;
  return { out: bytes.toString('latin1'), err: err ? `${err.pyType}: ${err.message}` : null };
}

// ---- random expressions ----
const { rnd, int, pick, sample } = seededRandom(Number(args.seed ?? 1));

const SCALARS = ['1', '-1', '0', '1.0', '-0.0', '1.5', '1e400', '10000000000000000000000', '2.5e-3', 'null', 'true', 'false',
  '"a"', '"B"', '""', '"yes"', '"1e3"', '"~"', '"é"', '"日本"', '"😀"', '"a\\nb"', '"x y"', '"-"', '"null"', '"0"', '"a: b"'];
const KEYS = ['a', 'b', 'c', 'A', 'é', 'k k', '', 'n'];
function literal(depth = 0) {
  const r = rnd();
  if (depth > 3 || r < 0.45) return pick(SCALARS);
  if (r < 0.72) return `[${Array.from({ length: int(0, 4) }, () => literal(depth + 1)).join(',')}]`;
  return `{${sample(KEYS, int(0, 4)).map((k) => `${JSON.stringify(k)}:${literal(depth + 1)}`).join(',')}}`;
}
// Arity -1: any number of arguments; expref: the first argument is an &expression.
const FUNCTIONS = {
  abs: 1, avg: 1, ceil: 1, contains: 2, ends_with: 2, floor: 1, join: 2, keys: 1, length: 1, map: 2, max: 1, max_by: 2,
  merge: -1, min: 1, min_by: 2, not_null: -1, reverse: 1, sort: 1, sort_by: 2, starts_with: 2, sum: 1, to_array: 1,
  to_string: 1, to_number: 1, type: 1, values: 1,
};
const EXPREF_FIRST = new Set(['map']);
const EXPREF_SECOND = new Set(['sort_by', 'max_by', 'min_by']);
const IDENTIFIERS = ['a', 'b', 'c', 'foo', '"k k"', '"é"', 'n'];
function expression(depth = 0) {
  const r = rnd();
  if (depth > 3 || r < 0.3) {
    const c = rnd();
    if (c < 0.6) return `\`${literal()}\``;
    if (c < 0.75) return pick(IDENTIFIERS);
    if (c < 0.85) return `'${pick(['x', '1', '', 'é', 'a b'])}'`;
    return '@';
  }
  if (r < 0.45) {
    const name = pick(Object.keys(FUNCTIONS));
    let arity = FUNCTIONS[name] === -1 ? int(1, 3) : FUNCTIONS[name];
    if (rnd() < 0.05) arity += pick([-1, 1]);
    const ref = () => `&${pick(['a', 'b', '@', 'n'])}`;
    const fargs = Array.from({ length: Math.max(arity, 0) }, (_, i) =>
      (i === 0 && EXPREF_FIRST.has(name)) || (i === 1 && EXPREF_SECOND.has(name)) ? ref() : expression(depth + 1));
    return `${name}(${fargs.join(', ')})`;
  }
  if (r < 0.55) return expression(depth + 1) + pick(['[*]', '[]', '[0]', '[-1]', '[::-1]', '[1:]', '[:-1:2]', '.*', '[?@]', '[?a]', '[?@ > `0`]']);
  if (r < 0.63) return `${expression(depth + 1)}.${pick(['a', 'b', '[a, b]', '{x: a, y: @}', 'n'])}`;
  if (r < 0.7) return `${expression(depth + 1)} | ${expression(depth + 1)}`;
  if (r < 0.78) return expression(depth + 1) + pick([' || ', ' && ', ' == ', ' != ', ' < ', ' >= ']) + expression(depth + 1);
  if (r < 0.84) return `[${Array.from({ length: int(1, 3) }, () => expression(depth + 1)).join(', ')}]`;
  if (r < 0.9) return `{${sample(['a', 'b', 'c', '"q k"'], int(1, 3)).map((k) => `${k}: ${expression(depth + 1)}`).join(', ')}}`;
  if (r < 0.95) return `!${expression(depth + 1)}`;
  return `(${expression(depth + 1)})`;
}
function randomQuery() {
  let e = expression();
  // Most run over a document, so that identifiers, projections and filters find something.
  if (rnd() < 0.6) e = `\`{"a":${literal()},"b":[${literal()},${literal()}],"c":{"a":${literal()}}}\` | ${e}`;
  if (rnd() < 0.08) {
    const at = int(0, e.length);
    e = e.slice(0, at) + pick(['[', '(', ']', ')', '.', '|', '`', '"', '&', '!', ',', '{', '}', ' ', '*', '?']) + e.slice(at);
  }
  return e;
}
// The table's awkward inputs: a list of dicts mixed with scalars, strings and lists (whose
// elements the AWS CLI uses as keys).
function tableQuery() {
  const small = ['1', '0', '-1', '1.5', 'null', 'true', 'false', '""', '"a"', '"ab"', '"0"', '"é"'];
  const value = (d) => (d > 2 || rnd() < 0.4 ? pick(small) : rnd() < 0.5 ? `[${Array.from({ length: int(0, 3) }, () => value(d + 1)).join(',')}]` : dict(d + 1));
  const dict = (d) => `{${sample(['a', 'b', '', '0', '1', 'ab'], int(0, 3)).map((k) => `${JSON.stringify(k)}:${value(d + 1)}`).join(',')}}`;
  const items = [dict(1), ...Array.from({ length: int(0, 3) }, () => (rnd() < 0.5 ? dict(1) : value(1)))];
  const doc = `[${items.join(',')}]`;
  return `\`${rnd() < 0.3 ? `{"x":${doc}}` : doc}\``;
}

// ---- the run ----
const inputs = [];
for (let i = 0; i < N; i++) {
  const expr = rnd() < 0.8 ? randomQuery() : tableQuery();
  for (const fmt of FORMATS) inputs.push({ expr, fmt, color: fmt === 'table' ? COLOR : 'off' });
}
const py = spawn('/usr/bin/python3', [join(root, 'scripts/query-oracle.py')], {
  env: { ...process.env, PYTHONPATH: ORACLE, PYTHONIOENCODING: 'utf-8' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
py.stdin.end(`${inputs.map((i) => JSON.stringify(i)).join('\n')}\n`);
let text = '';
for await (const chunk of py.stdout) text += chunk;
const theirs = text.trim().split('\n').map((line) => JSON.parse(line));
if (theirs.length !== inputs.length) throw new Error(`the oracle answered ${theirs.length} of ${inputs.length}`);

const mask = (s) => s?.replace(/0x[0-9a-f]+/g, '0x?') ?? null;
const setOrder = (a, b) => [a, b].every((e) => e?.startsWith("TypeError: '<' not supported between instances of "));
const counts = Object.fromEntries(FORMATS.map((f) => [f, { same: 0, differ: 0, setOrder: 0 }]));
let shown = 0;
inputs.forEach((input, i) => {
  const want = theirs[i];
  const got = ours(input.expr, input.fmt, input.color);
  const c = counts[input.fmt];
  if (mask(want.out) === mask(got.out) && mask(want.err) === mask(got.err)) c.same++;
  else if (input.fmt === 'table' && want.out === got.out && setOrder(want.err, got.err)) c.setOrder++;
  else {
    c.differ++;
    if (shown++ < SHOW) console.log(`DIFF ${input.fmt} ${JSON.stringify(input.expr)}\n  aws:        ${JSON.stringify(want)}\n  cogsignout: ${JSON.stringify(got)}`);
  }
});
let failed = 0;
for (const [fmt, c] of Object.entries(counts)) {
  failed += c.differ;
  console.log(`${fmt.padEnd(12)} ${c.same} same, ${c.differ} differ${c.setOrder ? `, ${c.setOrder} mixed-key set orders` : ''}`);
}
process.exitCode = failed ? 1 : 0;
