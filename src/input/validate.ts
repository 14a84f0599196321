// botocore's client-side validation of the operation input: required members, unknown members,
// type (a str) and minimum length, each as the service model's shapes say (src/service/; only
// string members are modelled, hence the one type). Nothing else is checked before sending (no
// pattern, no maximum), exactly like the AWS CLI; the service checks the rest.
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import type { MemberModel } from '../service/model.js';
import { pyClassName, pyTypeName, strRepr } from '../python/builtins.js';
import { PyDict, PyObject, type PyValue } from '../python/value.js';
import { inputStr, REPR_LIMIT, ReprTooLongError } from '../python/bounded-repr.js';
import { jsonKey, keyValue, NON_STR_KEY, orderedDictItems } from './yaml-values.js';

/** str(value) for the message; a value too large to print (YAML aliases) is named instead. */
function shown(value: unknown): string {
  try {
    return inputStr(value);
  } catch (e) {
    if (!(e instanceof ReprTooLongError)) throw e;
    // The AWS CLI builds the whole text, gigabytes for an alias bomb, and dies.
    return `(not shown: longer than ${REPR_LIMIT} characters once its YAML aliases are expanded)`;
  }
}

/** Python's len() of a str: code points, counted without the array `[...value]` would build. */
function codePoints(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n -= 1; i += 1; }
    }
  }
  return n;
}

export function validateParameters(params: ReadonlyMap<string, unknown>, members: readonly MemberModel[]): void {
  // A YAML key that is not a str reaches the AWS CLI's client call as a keyword argument.
  for (const key of params.keys()) if (key.startsWith(NON_STR_KEY)) throw new GeneralError('keywords must be strings');
  const report: string[] = [];
  const names = members.map((m) => m.name);
  for (const m of members) {
    if (m.required && !params.has(m.name)) report.push(`Missing required parameter in input: "${m.name}"`);
  }
  const known: string[] = [];
  for (const key of params.keys()) {
    if (names.includes(key)) known.push(key);
    else report.push(`Unknown parameter in input: "${key}", must be one of: ${names.join(', ')}`);
  }
  for (const key of known) {
    const member = members.find((m) => m.name === key) as MemberModel;
    const value = params.get(key);
    if (typeof value !== 'string') {
      report.push(`Invalid type for parameter ${key}, value: ${shown(value)}, type: ${pyTypeName(value)}, valid types: <class 'str'>`);
    } else if (codePoints(value) < member.minLength) {
      report.push(`Invalid length for parameter ${key}, value: ${codePoints(value)}, valid min length: ${member.minLength}`);
    }
  }
  if (report.length > 0) throw new ParamValidationError(`Parameter validation failed:\n${report.join('\n')}`);
}

/**
 * botocore's `parameter_validation` (the profile's, in either file): any value but `true` (any
 * case) turns the validation off, and the input goes to the JSON serializer as it is.
 */
export function parameterValidation(raw: unknown): boolean {
  return raw === undefined || (typeof raw === 'string' && raw.toLowerCase() === 'true');
}

/**
 * With validation off, the input as botocore's serializer writes it, or what it fails on (255): a
 * member the model does not have (its KeyError, quoted), then, in order, a value json.dumps
 * cannot write (bytes, dates, a set) or a key it cannot (a tuple: yaml-input.ts jsonKey). A YAML !!omap is a dict to it and !!pairs a list of
 * tuples (lists in JSON). Missing members, other types and lengths are sent as they are.
 */
export function serializableInput(params: ReadonlyMap<string, unknown>, members: readonly MemberModel[]): Map<string, unknown> {
  for (const key of params.keys()) if (key.startsWith(NON_STR_KEY)) throw new GeneralError('keywords must be strings');
  for (const key of params.keys()) if (!members.some((m) => m.name === key)) throw new GeneralError(strRepr(key));
  const ready = (v: unknown): unknown => {
    const omap = orderedDictItems(v);
    if (omap !== undefined) return new PyDict(omap.map(([k, x]) => [jsonKey(k), ready(x) as PyValue]));
    if (v instanceof PyObject && v.qualifiedName === 'list') return (v.payload as Array<[string, unknown]>).map(([k, x]) => [keyValue(k), ready(x)]);
    if (v instanceof Uint8Array || v instanceof PyObject) throw new GeneralError(`Object of type ${pyClassName(v)} is not JSON serializable`);
    if (Array.isArray(v)) return v.map(ready);
    if (v instanceof PyDict) return new PyDict([...v].map(([k, x]) => [jsonKey(k), ready(x) as PyValue]));
    return v;
  };
  return new Map([...params].map(([k, v]) => [k, ready(v)]));
}
