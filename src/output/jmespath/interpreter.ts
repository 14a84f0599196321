// jmespath.py's TreeInterpreter over the output value model: Python's truth and equality rules,
// jmespath.py's special cases (0/1 never equal booleans, ordering only for numbers and strings)
// and Python's list indexing and slicing. Values are returned by reference wherever jmespath.py
// returns the same object, which the YAML dumper's anchors depend on.
import { PythonError } from '../../python/builtins.js';
import { pyCompare, pyEquals, pyTruthy, type OrderOp } from '../../python/ops.js';
import { PyDict, PyFloat, PyObject, type PyValue } from '../../python/value.js';
import { callFunction } from './functions.js';
import type { Comparator, Node } from './parser.js';

export const EXPREF_CLASS = 'jmespath.visitor._Expression';

/** isinstance(x, Number) and not a bool. */
const isActualNumber = (v: PyValue): v is bigint | PyFloat => typeof v === 'bigint' || v instanceof PyFloat;

/** jmespath.py's notion of false: '', [], {}, None and False (0 is true). */
export function isFalse(v: PyValue): boolean {
  return v === '' || v === null || v === false || (Array.isArray(v) && v.length === 0) || (v instanceof PyDict && v.size === 0);
}

function isZeroOrOne(v: bigint | PyFloat): boolean {
  return typeof v === 'bigint' ? v === 0n || v === 1n : v.value === 0 || v.value === 1;
}

function jmesEquals(x: PyValue, y: PyValue): boolean {
  // 0 and 1 would equal False and True in Python; JMESPath keeps them apart.
  if (isActualNumber(x) && isZeroOrOne(x) && typeof y === 'boolean') return false;
  if (isActualNumber(y) && isZeroOrOne(y) && typeof x === 'boolean') return false;
  return pyEquals(x, y);
}

const ORDER_OPS: Readonly<Record<Exclude<Comparator, 'eq' | 'ne'>, OrderOp>> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

function toIndex(i: bigint, length: number): number | undefined {
  const k = i < 0n ? i + BigInt(length) : i;
  return k >= 0n && k < BigInt(length) ? Number(k) : undefined;
}

/** list[start:stop:step] with Python's clamping. */
export function pySlice<T>(list: readonly T[], start: bigint | null, stop: bigint | null, step: bigint | null): T[] {
  const st = step ?? 1n;
  if (st === 0n) throw new PythonError('ValueError', 'slice step cannot be zero');
  const len = BigInt(list.length);
  const lower = st < 0n ? -1n : 0n;
  const upper = st < 0n ? len - 1n : len;
  const clamp = (v: bigint | null, dflt: bigint): bigint => {
    if (v === null) return dflt;
    let x = v < 0n ? v + len : v;
    if (x < lower) x = lower;
    else if (x > upper) x = upper;
    return x;
  };
  const from = clamp(start, st < 0n ? upper : lower);
  const to = clamp(stop, st < 0n ? lower : upper);
  const out: T[] = [];
  if (st > 0n) for (let i = from; i < to; i += st) out.push(list[Number(i)] as T);
  else for (let i = from; i > to; i += st) out.push(list[Number(i)] as T);
  return out;
}

/**
 * Python's recursion limit as jmespath.py's TreeInterpreter meets it: each node costs two frames
 * (Visitor.visit and visit_<type>), a multiselect hash's pairs two more (visit_key_val_pair), a
 * function call goes a few frames deeper into Functions.call_function, and an expression
 * reference is visited from inside the function. `frames` starts at ParsedResult.search's depth.
 */
const RECURSION_LIMIT = 1000;
/** How much deeper than visit_function_expression Functions.call_function's Python frames go. */
const FUNCTION_CALL_REACH = 5;
/** From visit_function_expression to an &expression's Visitor.visit: call_function, _func_<name>, _Expression.visit (a key function, one more, is not counted). */
const EXPREF_VISIT_FRAMES = 3;
let frames = 0;

/** Evaluates with `baseFrames` Python frames already on the stack (see RECURSION_LIMIT). */
export function evaluateFrom(node: Node, value: PyValue, baseFrames: number): PyValue {
  const saved = frames;
  frames = baseFrames;
  try {
    return evaluate(node, value);
  } finally {
    frames = saved;
  }
}

function deeper<T>(n: number, message: string, run: () => T): T {
  frames += n;
  try {
    if (frames > RECURSION_LIMIT) throw new PythonError('RecursionError', message);
    return run();
  } finally {
    frames -= n;
  }
}

export function evaluate(node: Node, value: PyValue): PyValue {
  return deeper(2, 'maximum recursion depth exceeded', () => visit(node, value));
}

function visit(node: Node, value: PyValue): PyValue {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'field':
      return value instanceof PyDict ? (value.get(node.name) ?? null) : null;
    case 'subexpression':
    case 'index_expression': {
      let result = value;
      for (const child of node.children) result = evaluate(child, result);
      return result;
    }
    case 'index': {
      if (!Array.isArray(value)) return null;
      const i = toIndex(node.index, value.length);
      return i === undefined ? null : (value[i] as PyValue);
    }
    case 'slice':
      return Array.isArray(value) ? pySlice(value, node.start, node.stop, node.step) : null;
    case 'identity':
    case 'current':
      return value;
    case 'projection': {
      const base = evaluate(node.left, value);
      if (!Array.isArray(base)) return null;
      return collect(base, node.right);
    }
    case 'value_projection': {
      const base = evaluate(node.left, value);
      if (!(base instanceof PyDict)) return null;
      return collect([...base.values()], node.right);
    }
    case 'filter_projection': {
      const base = evaluate(node.left, value);
      if (!Array.isArray(base)) return null;
      const out: PyValue[] = [];
      for (const element of base) {
        if (isFalse(evaluate(node.condition, element))) continue;
        const current = evaluate(node.right, element);
        if (current !== null) out.push(current);
      }
      return out;
    }
    case 'flatten': {
      const base = evaluate(node.child, value);
      if (!Array.isArray(base)) return null;
      const out: PyValue[] = [];
      for (const element of base) {
        if (Array.isArray(element)) out.push(...element);
        else out.push(element);
      }
      return out;
    }
    case 'multi_select_list':
      return value === null ? null : node.children.map((child) => evaluate(child, value));
    case 'multi_select_dict': {
      if (value === null) return null;
      const out = new PyDict();
      for (const pair of node.pairs) out.set(pair.key, deeper(2, 'maximum recursion depth exceeded', () => evaluate(pair.node, value)));
      return out;
    }
    case 'comparator': {
      const left = evaluate(node.left, value);
      const right = evaluate(node.right, value);
      if (node.op === 'eq') return jmesEquals(left, right);
      if (node.op === 'ne') return !jmesEquals(left, right);
      const comparable = (v: PyValue): boolean => isActualNumber(v) || typeof v === 'string';
      if (!comparable(left) || !comparable(right)) return null;
      return pyCompare(ORDER_OPS[node.op], left, right);
    }
    case 'or': {
      const matched = evaluate(node.left, value);
      return isFalse(matched) ? evaluate(node.right, value) : matched;
    }
    case 'and': {
      const matched = evaluate(node.left, value);
      return isFalse(matched) ? matched : evaluate(node.right, value);
    }
    case 'not': {
      const result = evaluate(node.child, value);
      if (isActualNumber(result) && (typeof result === 'bigint' ? result === 0n : result.value === 0)) return false;
      return !pyTruthy(result);
    }
    case 'pipe':
      return evaluate(node.right, evaluate(node.left, value));
    case 'function': {
      const args = node.args.map((arg) => evaluate(arg, value));
      // Python frames first (call_function and the checks it makes), then a C call into Python.
      if (frames + FUNCTION_CALL_REACH > RECURSION_LIMIT) throw new PythonError('RecursionError', 'maximum recursion depth exceeded');
      if (frames + FUNCTION_CALL_REACH + 1 > RECURSION_LIMIT) {
        throw new PythonError('RecursionError', 'maximum recursion depth exceeded while calling a Python object');
      }
      return callFunction(node.name, args, (ref, element) =>
        deeper(EXPREF_VISIT_FRAMES, 'maximum recursion depth exceeded while calling a Python object', () => evaluate(exprefNode(ref), element)));
    }
    case 'expref':
      return new PyObject(EXPREF_CLASS, node.child);
  }
}

function collect(base: readonly PyValue[], right: Node): PyValue[] {
  const out: PyValue[] = [];
  for (const element of base) {
    const current = evaluate(right, element);
    if (current !== null) out.push(current);
  }
  return out;
}

function exprefNode(ref: PyObject): Node {
  return ref.payload as Node;
}
