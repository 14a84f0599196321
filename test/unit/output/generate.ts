// A small seeded generator of model values for property tests (no dependency): nested lists
// and dicts with awkward keys, ints of any size, floats of every shape, strings that stress
// quoting, folding and escaping.
import { PyDict, PyFloat, type PyValue } from '../../../src/python/value.js';

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough to explore inputs reproducibly. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

const TRICKY = [
  '', ' ', 'x', 'yes', 'No', 'on', 'null', '~', 'true', 'False', '123', '-1', '1_000', '0x1F', '0o17', '.5', '1e3', '1.',
  '.inf', '.NaN', '2020-01-01', '2020-1-1 10:00:00', '<<', '=', 'a: b', 'a:b', 'a:', '- x', '-x', '? x', ':x', '#x', 'a #b',
  "it's", "'q'", '"dq"', '[x]', '{y}', 'a,b', '---', '...', '!t', '&a', '*a', '%p', '@x', '`b', '|', '>', ' lead', 'trail ',
  'line1\nline2', '\n', 'a\n\nb\n', 'tab\there', '\r\n', '\x07', '\ufeffbom', '\u00a0', 'é°×', '日本語', '😀 emoji', 'ünïcødé ✓',
  'word '.repeat(30), 'x'.repeat(120), "it's ".repeat(25), 'a\tb '.repeat(30), 'long line with: colon '.repeat(5),
];

const KEYS = ['a', 'b', 'B', 'Name', '', '1', '10', '2', 'é', '日本', 'k😀', 'a b', 'x: y', 'yes', 'null', 'k'.repeat(130), 'two\nlines'];

function randomChar(rng: Rng, yamlSafe: boolean): string {
  for (;;) {
    const r = rng();
    let cp: number;
    if (r < 0.6) cp = int(rng, 0x20, 0x7e);
    else if (r < 0.7) cp = int(rng, 0, 0x1f);
    else if (r < 0.85) cp = int(rng, 0xa0, 0x2fff);
    else if (r < 0.95) cp = int(rng, 0x3000, 0xfffd);
    else cp = int(rng, 0x10000, 0x1faff);
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (yamlSafe && (cp === 0x85 || cp === 0x2028 || cp === 0x2029)) continue;
    return String.fromCodePoint(cp);
  }
}

function randomString(rng: Rng, yamlSafe: boolean): string {
  if (rng() < 0.6) return pick(rng, TRICKY);
  let s = '';
  const n = int(rng, 0, rng() < 0.2 ? 120 : 12);
  for (let i = 0; i < n; i++) s += rng() < 0.15 ? ' ' : randomChar(rng, yamlSafe);
  return s;
}

function randomFloat(rng: Rng, finite: boolean): number {
  const r = rng();
  if (r < 0.1) return pick(rng, [0, -0, 1, 1.5, 0.1, 1e16, 1e-7, 1e22, 5e-324, 1.7976931348623157e308]);
  if (r < 0.15 && !finite) return pick(rng, [Infinity, -Infinity, NaN]);
  if (r < 0.5) return (rng() - 0.5) * 10 ** int(rng, -10, 30);
  return new Float64Array(new Uint32Array([int(rng, 0, 0xffffffff), int(rng, 0, 0x7fefffff)]).buffer)[0] as number;
}

export interface GenerateOptions {
  /** Ints only within 2^53 (for loaders that read numbers as JS numbers). */
  readonly safeInts?: boolean;
  /** No NaN/Infinity (JSON.parse cannot read them). */
  readonly finite?: boolean;
  /** No NEL/LS/PS characters (see the YAML round-trip test). */
  readonly yamlSafe?: boolean;
}

export function randomScalar(rng: Rng, opts: GenerateOptions = {}): PyValue {
  const r = rng();
  if (r < 0.08) return null;
  if (r < 0.16) return rng() < 0.5;
  if (r < 0.3) {
    if (!opts.safeInts && rng() < 0.2) return BigInt(`${rng() < 0.5 ? '-' : ''}${int(rng, 1, 9)}${'7'.repeat(int(rng, 15, 60))}`);
    return BigInt(int(rng, -100000, 100000));
  }
  if (r < 0.45) return new PyFloat(randomFloat(rng, opts.finite ?? false));
  return randomString(rng, opts.yamlSafe ?? false);
}

export function randomValue(rng: Rng, opts: GenerateOptions = {}, depth = 0): PyValue {
  const r = rng();
  if (depth >= 4 || r < 0.3) return randomScalar(rng, opts);
  if (r < 0.62) {
    const n = int(rng, 0, 4);
    const list: PyValue[] = [];
    for (let i = 0; i < n; i++) list.push(randomValue(rng, opts, depth + 1));
    return list;
  }
  const d = new PyDict();
  const n = int(rng, 0, 5);
  for (let i = 0; i < n; i++) d.set(rng() < 0.7 ? pick(rng, KEYS) : randomString(rng, opts.yamlSafe ?? false), randomValue(rng, opts, depth + 1));
  return d;
}
