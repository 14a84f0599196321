// Python's truth value, == and ordering on the value model. JMESPath (jmespath.py) and the
// formatters lean on these, and Python's answers differ from JavaScript's: True == 1, 1 == 1.0,
// ints compare exactly with floats, strings order by code point, mixed types raise TypeError.
import { PythonError, pyClassName } from './builtins.js';
import { compareCodePoints } from './unicode.js';
import { PyDict, PyFloat, type PyValue } from './value.js';

type Num = { int: bigint } | { float: number };

function asNumber(v: PyValue): Num | undefined {
  if (typeof v === 'bigint') return { int: v };
  if (typeof v === 'boolean') return { int: v ? 1n : 0n };
  if (v instanceof PyFloat) return { float: v.value };
  return undefined;
}

function compareIntFloat(i: bigint, f: number): number {
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const floor = Math.floor(f);
  const b = BigInt(floor);
  if (i < b) return -1;
  if (i > b) return 1;
  return floor === f ? 0 : -1;
}

/** Three-way comparison of two Python numbers; NaN when either is a float NaN. */
function compareNum(a: Num, b: Num): number {
  if ('int' in a && 'int' in b) return a.int < b.int ? -1 : a.int > b.int ? 1 : 0;
  if ('float' in a && 'float' in b) {
    if (Number.isNaN(a.float) || Number.isNaN(b.float)) return NaN;
    return a.float < b.float ? -1 : a.float > b.float ? 1 : 0;
  }
  if ('int' in a && 'float' in b) return Number.isNaN(b.float) ? NaN : compareIntFloat(a.int, b.float);
  const fa = (a as { float: number }).float;
  return Number.isNaN(fa) ? NaN : -compareIntFloat((b as { int: bigint }).int, fa);
}

/** Python's bool(v). */
export function pyTruthy(v: PyValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof PyFloat) return v.value !== 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof PyDict) return v.size > 0;
  return true;
}

/** Python's `a == b`. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && compareNum(na, nb) === 0;
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  // Containers compare their items with an identity shortcut first (PyObject_RichCompareBool).
  const same = (x: PyValue, y: PyValue): boolean => x === y || pyEquals(x, y);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i] as PyValue));
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.size !== b.size) return false;
    for (const [k, x] of a) {
      if (!b.has(k) || !same(x, b.get(k) as PyValue)) return false;
    }
    return true;
  }
  return a === b;
}

export type OrderOp = '<' | '<=' | '>' | '>=';

/**
 * Python's ordering operators for numbers and strings (all the AWS CLI output ever orders);
 * anything else raises the TypeError Python raises.
 */
export function pyCompare(op: OrderOp, a: PyValue, b: PyValue): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  let c: number;
  if (na !== undefined && nb !== undefined) c = compareNum(na, nb);
  else if (typeof a === 'string' && typeof b === 'string') c = compareCodePoints(a, b);
  else {
    throw new PythonError('TypeError', `'${op}' not supported between instances of '${pyClassName(a)}' and '${pyClassName(b)}'`);
  }
  if (Number.isNaN(c)) return false;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * Python's sorted(items, key=...) (a stable merge sort that only asks `<`), so mixed types
 * fail the same way and equal keys keep their order.
 */
export function pySorted<T>(items: readonly T[], key: (item: T) => PyValue): T[] {
  const keyed = items.map((item, index) => ({ item, key: key(item), index }));
  const lt = (x: (typeof keyed)[number], y: (typeof keyed)[number]): boolean => pyCompare('<', x.key, y.key);
  const merge = (xs: typeof keyed): typeof keyed => {
    if (xs.length <= 1) return xs;
    const mid = xs.length >> 1;
    const left = merge(xs.slice(0, mid));
    const right = merge(xs.slice(mid));
    const out: typeof keyed = [];
    let i = 0;
    let j = 0;
    while (i < left.length && j < right.length) {
      // Take from the right only when it is strictly smaller: stability.
      if (lt(right[j] as (typeof keyed)[number], left[i] as (typeof keyed)[number])) out.push(right[j++] as (typeof keyed)[number]);
      else out.push(left[i++] as (typeof keyed)[number]);
    }
    while (i < left.length) out.push(left[i++] as (typeof keyed)[number]);
    while (j < right.length) out.push(right[j++] as (typeof keyed)[number]);
    return out;
  };
  return merge(keyed).map((k) => k.item);
}
