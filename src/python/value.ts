// The value model of everything the output side prints. The AWS CLI prints Python objects made
// by json.loads (the JMESPath literals of --query) and by botocore, so the model keeps what
// Python keeps and JavaScript loses:
//   - ints are exact and unbounded (bigint) and stay distinct from floats: `1.0` prints `1.0`;
//   - objects keep insertion order for every key (JS objects hoist integer-like keys);
//   - containers have identity (the YAML dumper writes anchors for a list or dict that occurs
//     twice, exactly like ruamel.yaml does for the same Python object).

/** A Python float. Boxed so that it stays distinguishable from an int of the same value. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python dict: string keys, insertion order, overwriting a key keeps its position. */
export class PyDict implements Iterable<[string, PyValue]> {
  private readonly map: Map<string, PyValue>;

  constructor(entries?: Iterable<readonly [string, PyValue]>) {
    this.map = new Map();
    if (entries) for (const [k, v] of entries) this.map.set(k, v);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): PyValue | undefined {
    return this.map.get(key);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  set(key: string, value: PyValue): this {
    this.map.set(key, value);
    return this;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<PyValue> {
    return this.map.values();
  }

  entries(): IterableIterator<[string, PyValue]> {
    return this.map.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, PyValue]> {
    return this.map.entries();
  }
}

/**
 * Any other Python object that can end up in output (a JMESPath expression reference is the
 * only one here). Printed the way Python prints an object without __repr__.
 */
export class PyObject {
  constructor(
    /** Dotted module path and class name, e.g. `jmespath.visitor._Expression`. */
    readonly qualifiedName: string,
    /** Whatever the producer needs to keep (e.g. the AST node of an expression reference). */
    readonly payload: unknown,
    /** Its str() and repr(), for objects that define them (a datetime.date from YAML input). */
    readonly text?: { readonly str: string; readonly repr: string },
  ) {}

  get className(): string {
    return this.qualifiedName.slice(this.qualifiedName.lastIndexOf('.') + 1);
  }
}

export type PyList = PyValue[];

export type PyValue = null | boolean | bigint | PyFloat | string | PyList | PyDict | PyObject;

export const isInt = (v: unknown): v is bigint => typeof v === 'bigint';
export const isFloat = (v: unknown): v is PyFloat => v instanceof PyFloat;
export const isList = (v: unknown): v is PyList => Array.isArray(v);
export const isDict = (v: unknown): v is PyDict => v instanceof PyDict;
/** Python's isinstance(v, (list, dict)): what the formatters call "not a scalar". */
export const isContainer = (v: unknown): v is PyList | PyDict => isList(v) || isDict(v);

export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

export function pyDict(entries: Iterable<readonly [string, PyValue]> = []): PyDict {
  return new PyDict(entries);
}

/**
 * Converts a plain JavaScript value into the model. JSON cannot say whether `1` was `1` or
 * `1.0` once it is a JS number, so integral numbers become ints and the others floats; use
 * parseJson() instead when the source text is at hand. Plain objects keep JS key order.
 */
export function fromJs(value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0) ? BigInt(value) : new PyFloat(value);
  }
  if (value instanceof PyFloat || value instanceof PyDict || value instanceof PyObject) return value;
  if (Array.isArray(value)) {
    // A list that is already in the model is kept as the same object (identity matters).
    const items = value.map(fromJs);
    return items.every((item, i) => item === value[i]) ? (value as PyValue[]) : items;
  }
  if (value instanceof Map) {
    const d = new PyDict();
    for (const [k, v] of value) d.set(String(k), fromJs(v));
    return d;
  }
  if (typeof value === 'object') {
    const d = new PyDict();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) d.set(k, fromJs(v));
    return d;
  }
  return String(value);
}

/**
 * The model as plain JavaScript (for comparisons with other JSON tools): ints become numbers
 * when exact and bigints otherwise, floats numbers, dicts plain objects (so integer-like keys
 * get JS order), other objects their qualified name.
 */
export function toJs(value: PyValue): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(toJs);
  if (value instanceof PyDict) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of value) o[k] = toJs(v);
    return o;
  }
  return value.qualifiedName;
}
