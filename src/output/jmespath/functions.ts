// jmespath.py's built-in functions: signatures, type checks (whose messages name Python types in
// some places and JMESPath types in others, exactly as jmespath.py does) and Python semantics
// (sum() and int/float results, code point strings, stable sorts, dict.update()).
import { dumpJson } from '../../python/json-dump.js';
import { PythonError, pyClassName, pyRepr, pyStr } from '../../python/builtins.js';
import { pyCompare, pyEquals, pySorted } from '../../python/ops.js';
import { decimalValue, isPyWhitespace, pyLen } from '../../python/unicode.js';
import { PyDict, PyFloat, PyObject, type PyValue } from '../../python/value.js';

type Invoke = (expref: PyObject, element: PyValue) => PyValue;

interface ArgSpec {
  readonly types: readonly string[];
  readonly variadic?: boolean;
}

type Impl = (args: PyValue[], invoke: Invoke) => PyValue;

const TYPES_MAP: Readonly<Record<string, string>> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  unicode: 'string',
  str: 'string',
  float: 'number',
  int: 'number',
  long: 'number',
  OrderedDict: 'object',
  _Projection: 'array',
  _Expression: 'expref',
};

const REVERSE_TYPES_MAP: Readonly<Record<string, readonly string[]>> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};

const jmesType = (pyName: string): string => TYPES_MAP[pyName] ?? 'unknown';

function typeError(fn: string, value: PyValue, received: string, expected: readonly string[]): PythonError {
  return new PythonError(
    'JMESPathTypeError',
    `In function ${fn}(), invalid type for value: ${pyStr(value)}, expected one of: ${pyRepr([...expected])}, received: "${received}"`,
  );
}

function checkType(fn: string, current: PyValue, types: readonly string[]): void {
  const allowed: string[] = [];
  const subtypes: Array<readonly string[]> = [];
  for (const t of types) {
    const dash = t.indexOf('-');
    if (dash >= 0) {
      subtypes.push(REVERSE_TYPES_MAP[t.slice(dash + 1)] ?? []);
      allowed.push(...(REVERSE_TYPES_MAP[t.slice(0, dash)] ?? []));
    } else allowed.push(...(REVERSE_TYPES_MAP[t] ?? []));
  }
  const actual = pyClassName(current);
  if (!allowed.includes(actual)) throw typeError(fn, current, jmesType(actual), types);
  if (subtypes.length === 0 || !Array.isArray(current)) return;
  // Element errors report the Python type name, not the JMESPath one (jmespath.py does so).
  if (subtypes.length === 1) {
    const only = subtypes[0] as readonly string[];
    for (const element of current) {
      const name = pyClassName(element);
      if (!only.includes(name)) throw typeError(fn, element, name, types);
    }
    return;
  }
  if (current.length === 0) return;
  const first = pyClassName(current[0] as PyValue);
  const chosen = subtypes.find((s) => s.includes(first));
  if (chosen === undefined) throw typeError(fn, current[0] as PyValue, first, types);
  for (const element of current) {
    const name = pyClassName(element);
    if (!chosen.includes(name)) throw typeError(fn, element, name, types);
  }
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');

function checkArguments(fn: string, args: readonly PyValue[], signature: readonly ArgSpec[]): void {
  const last = signature[signature.length - 1];
  if (last?.variadic) {
    if (args.length < signature.length) {
      throw new PythonError(
        'VariadictArityError',
        `Expected at least ${signature.length} ${plural(signature.length)} for function ${fn}(), received ${args.length}`,
      );
    }
  } else if (args.length !== signature.length) {
    throw new PythonError('ArityError', `Expected ${signature.length} ${plural(signature.length)} for function ${fn}(), received ${args.length}`);
  }
  signature.forEach((spec, i) => {
    if (spec.types.length > 0) checkType(fn, args[i] as PyValue, spec.types);
  });
}

// ---- Python arithmetic on the model ----

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function intToFloat(i: bigint): number {
  const f = Number(i);
  if (!Number.isFinite(f)) throw new PythonError('OverflowError', 'int too large to convert to float');
  return f;
}

/**
 * sum(): exact while the items are ints, then floats with CPython 3.12+'s compensated
 * (Neumaier) summation, which the official AWS CLI build's Python uses.
 */
function pySum(items: readonly PyValue[]): PyValue {
  let i = 0;
  let intResult = 0n;
  for (; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'bigint') break;
    intResult += item;
  }
  if (i === items.length) return intResult;
  let f = intToFloat(intResult) + (items[i] as PyFloat).value;
  let c = 0;
  for (i++; i < items.length; i++) {
    const item = items[i] as PyValue;
    if (item instanceof PyFloat) {
      const x = item.value;
      const t = f + x;
      if (Math.abs(f) >= Math.abs(x)) c += f - t + x;
      else c += x - t + f;
      f = t;
    } else if (typeof item === 'bigint' && item >= LONG_MIN && item <= LONG_MAX) {
      f += Number(item);
    } else {
      // An int past C long: CPython leaves the compensated loop and adds generically.
      f += intToFloat(item as bigint);
    }
  }
  if (c !== 0 && Number.isFinite(c)) f += c;
  return new PyFloat(f);
}

/** int / int as Python's true division: correctly rounded. */
function intTrueDiv(a: bigint, b: bigint): number {
  const limit = 2n ** 53n;
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  if (abs(a) <= limit && abs(b) <= limit) return Number(a) / Number(b);
  const negative = a < 0n !== b < 0n;
  const n = abs(a);
  const d = abs(b);
  // Scale so the quotient has at least 66 significant bits, keep a sticky bit for the
  // remainder, and let the BigInt-to-Number conversion do the single rounding.
  const shift = Math.max(0, 66 - (n.toString(2).length - d.toString(2).length));
  let q = (n << BigInt(shift)) / d;
  if ((n << BigInt(shift)) % d !== 0n) q = q * 2n + 1n;
  else q *= 2n;
  const result = Number(q) / 2 ** (shift + 1);
  if (!Number.isFinite(result)) throw new PythonError('OverflowError', 'integer division result too large for a float');
  return negative ? -result : result;
}

function floatToInt(x: number, fn: 'ceil' | 'floor'): bigint {
  if (Number.isNaN(x)) throw new PythonError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new PythonError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(fn === 'ceil' ? Math.ceil(x) : Math.floor(x));
}

/** Python's int(str) in base 10: whitespace, sign, underscores between digits, any Nd digit. */
export function pyIntFromString(s: string): bigint | undefined {
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && isPyWhitespace(chars[a] as string)) a++;
  while (b > a && isPyWhitespace(chars[b - 1] as string)) b--;
  let sign = '';
  if (chars[a] === '+' || chars[a] === '-') sign = chars[a++] === '-' ? '-' : '';
  let digits = '';
  let prevUnderscore = true;
  for (let i = a; i < b; i++) {
    const ch = chars[i] as string;
    if (ch === '_') {
      if (prevUnderscore) return undefined;
      prevUnderscore = true;
      continue;
    }
    const d = decimalValue(ch);
    if (d < 0) return undefined;
    digits += String(d);
    prevUnderscore = false;
  }
  if (digits === '' || prevUnderscore) return undefined;
  if (digits.length > 4300) {
    // CPython's int-from-string limit is a ValueError; to_number() then tries float().
    return undefined;
  }
  return BigInt(sign + digits);
}

/** Python's float(str). */
export function pyFloatFromString(s: string): number | undefined {
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && isPyWhitespace(chars[a] as string)) a++;
  while (b > a && isPyWhitespace(chars[b - 1] as string)) b--;
  let t = '';
  for (let i = a; i < b; i++) {
    const ch = chars[i] as string;
    const d = decimalValue(ch);
    t += d >= 0 ? String(d) : ch;
  }
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (special) {
    const sign = special[1] === '-' ? -1 : 1;
    return (special[2] as string).toLowerCase() === 'nan' ? NaN : sign * Infinity;
  }
  const digits = '[0-9](?:_?[0-9])*';
  const re = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`);
  if (!re.test(t)) return undefined;
  return Number(t.replace(/_/g, ''));
}

/** dict.update(arg) for whatever merge() lets through after its first argument. */
function dictUpdate(target: PyDict, arg: PyValue): void {
  if (arg instanceof PyDict) {
    for (const [k, v] of arg) target.set(k, v);
    return;
  }
  const asSequence = (v: PyValue): PyValue[] | undefined => {
    if (typeof v === 'string') return Array.from(v);
    if (Array.isArray(v)) return v;
    if (v instanceof PyDict) return [...v.keys()];
    return undefined;
  };
  const items = asSequence(arg);
  if (items === undefined) throw new PythonError('TypeError', `'${pyClassName(arg)}' object is not iterable`);
  items.forEach((item, n) => {
    const pair = asSequence(item);
    if (pair === undefined) {
      throw new PythonError('TypeError', `cannot convert dictionary update sequence element #${n} to a sequence`);
    }
    if (pair.length !== 2) {
      throw new PythonError('ValueError', `dictionary update sequence element #${n} has length ${pair.length}; 2 is required`);
    }
    const [key, value] = pair as [PyValue, PyValue];
    if (Array.isArray(key) || key instanceof PyDict) throw new PythonError('TypeError', `unhashable type: '${pyClassName(key)}'`);
    // The model only has string keys; a non-string key is kept under its JSON spelling, which
    // is what json output would show for it.
    target.set(typeof key === 'string' ? key : dumpJson(key, { ensureAscii: false }), value);
  });
}

/** max()/min() with a key: keys are computed as the scan reaches them, like CPython. */
function maxOrMin(items: readonly PyValue[], key: (x: PyValue) => PyValue, op: '>' | '<'): PyValue {
  if (items.length === 0) return null;
  let best = items[0] as PyValue;
  let bestKey = key(best);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as PyValue;
    const k = key(item);
    if (pyCompare(op, k, bestKey)) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

function keyFunction(fn: string, invoke: Invoke, expref: PyObject, allowed: readonly string[]): (x: PyValue) => PyValue {
  return (x) => {
    const result = invoke(expref, x);
    const type = jmesType(pyClassName(result));
    if (!allowed.includes(type)) throw typeError(fn, result, type, allowed);
    return result;
  };
}

interface FunctionDef {
  readonly signature: readonly ArgSpec[];
  readonly impl: Impl;
}

const t = (...types: string[]): ArgSpec => ({ types });

const FUNCTIONS: Readonly<Record<string, FunctionDef>> = {
  abs: {
    signature: [t('number')],
    impl: ([x]) => (typeof x === 'bigint' ? (x < 0n ? -x : x) : new PyFloat(Math.abs((x as PyFloat).value))),
  },
  avg: {
    signature: [t('array-number')],
    impl: ([arr]) => {
      const items = arr as PyValue[];
      if (items.length === 0) return null;
      const total = pySum(items);
      return new PyFloat(typeof total === 'bigint' ? intTrueDiv(total, BigInt(items.length)) : (total as PyFloat).value / items.length);
    },
  },
  ceil: {
    signature: [t('number')],
    impl: ([x]) => (typeof x === 'bigint' ? x : floatToInt((x as PyFloat).value, 'ceil')),
  },
  contains: {
    signature: [t('array', 'string'), t()],
    impl: ([subject, search]) => {
      if (typeof subject === 'string') {
        if (typeof search !== 'string') {
          throw new PythonError('TypeError', `'in <string>' requires string as left operand, not ${pyClassName(search)}`);
        }
        return subject.includes(search);
      }
      return (subject as PyValue[]).some((x) => x === search || pyEquals(x, search as PyValue));
    },
  },
  ends_with: {
    signature: [t('string'), t('string')],
    impl: ([s, suffix]) => (s as string).endsWith(suffix as string),
  },
  floor: {
    signature: [t('number')],
    impl: ([x]) => (typeof x === 'bigint' ? x : floatToInt((x as PyFloat).value, 'floor')),
  },
  join: {
    signature: [t('string'), t('array-string')],
    impl: ([sep, arr]) => (arr as string[]).join(sep as string),
  },
  keys: {
    signature: [t('object')],
    impl: ([d]) => [...(d as PyDict).keys()],
  },
  length: {
    signature: [t('string', 'array', 'object')],
    impl: ([x]) => BigInt(typeof x === 'string' ? pyLen(x) : x instanceof PyDict ? x.size : (x as PyValue[]).length),
  },
  map: {
    signature: [t('expref'), t('array')],
    impl: ([ref, arr], invoke) => (arr as PyValue[]).map((element) => invoke(ref as PyObject, element)),
  },
  max: {
    signature: [t('array-number', 'array-string')],
    impl: ([arr]) => maxOrMin(arr as PyValue[], (x) => x, '>'),
  },
  max_by: {
    signature: [t('array'), t('expref')],
    impl: ([arr, ref], invoke) => {
      const key = keyFunction('max_by', invoke, ref as PyObject, ['number', 'string']);
      return maxOrMin(arr as PyValue[], key, '>');
    },
  },
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    impl: (args) => {
      const merged = new PyDict();
      for (const arg of args) dictUpdate(merged, arg);
      return merged;
    },
  },
  min: {
    signature: [t('array-number', 'array-string')],
    impl: ([arr]) => maxOrMin(arr as PyValue[], (x) => x, '<'),
  },
  min_by: {
    signature: [t('array'), t('expref')],
    impl: ([arr, ref], invoke) => {
      const key = keyFunction('min_by', invoke, ref as PyObject, ['number', 'string']);
      return maxOrMin(arr as PyValue[], key, '<');
    },
  },
  not_null: {
    signature: [{ types: [], variadic: true }],
    impl: (args) => args.find((a) => a !== null) ?? null,
  },
  reverse: {
    signature: [t('array', 'string')],
    impl: ([x]) => (typeof x === 'string' ? Array.from(x).reverse().join('') : [...(x as PyValue[])].reverse()),
  },
  sort: {
    signature: [t('array-string', 'array-number')],
    impl: ([arr]) => pySorted(arr as PyValue[], (x) => x),
  },
  sort_by: {
    signature: [t('array'), t('expref')],
    impl: ([arr, ref], invoke) => {
      const items = arr as PyValue[];
      if (items.length === 0) return arr as PyValue[];
      const required = jmesType(pyClassName(invoke(ref as PyObject, items[0] as PyValue)));
      if (required !== 'number' && required !== 'string') throw typeError('sort_by', items[0] as PyValue, required, ['string', 'number']);
      return pySorted(items, keyFunction('sort_by', invoke, ref as PyObject, [required]));
    },
  },
  starts_with: {
    signature: [t('string'), t('string')],
    impl: ([s, prefix]) => (s as string).startsWith(prefix as string),
  },
  sum: {
    signature: [t('array-number')],
    impl: ([arr]) => pySum(arr as PyValue[]),
  },
  to_array: {
    signature: [t()],
    impl: ([x]) => (Array.isArray(x) ? x : [x as PyValue]),
  },
  to_number: {
    signature: [t()],
    impl: ([x]) => {
      if (typeof x === 'bigint' || x instanceof PyFloat) return x;
      if (x instanceof PyObject) {
        throw new PythonError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${x.className}'`);
      }
      if (typeof x !== 'string') return null;
      const i = pyIntFromString(x);
      if (i !== undefined) return i;
      const f = pyFloatFromString(x);
      return f === undefined ? null : new PyFloat(f);
    },
  },
  to_string: {
    signature: [t()],
    impl: ([x]) => (typeof x === 'string' ? x : dumpJson(x as PyValue, { ensureAscii: true, separators: [',', ':'], defaultStr: true })),
  },
  type: {
    signature: [t()],
    impl: ([x]) => {
      if (typeof x === 'string') return 'string';
      if (typeof x === 'boolean') return 'boolean';
      if (Array.isArray(x)) return 'array';
      if (x instanceof PyDict) return 'object';
      if (typeof x === 'bigint' || x instanceof PyFloat) return 'number';
      if (x === null) return 'null';
      // An expression reference: jmespath.py's type() has no branch for it and returns None.
      return null;
    },
  },
  values: {
    signature: [t('object')],
    impl: ([d]) => [...(d as PyDict).values()],
  },
};

/** Calls a JMESPath function the way jmespath.py's Functions.call_function does. */
export function callFunction(name: string, args: PyValue[], invoke: Invoke): PyValue {
  const def = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (def === undefined) throw new PythonError('UnknownFunctionError', `Unknown function: ${name}()`);
  checkArguments(name, args, def.signature);
  return def.impl(args, invoke);
}
