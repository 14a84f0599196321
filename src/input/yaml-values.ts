// What a --cli-input-yaml document leaves behind, as the rest of the program reads it: the
// errors the reader raises, how keys that are not str are kept (js-yaml stores every key as a
// string) and print, json.dumps' view of them, and !!omap's pairs. The reader itself
// (yaml-input.ts, with js-yaml) is a bundle of its own, read only for that option; this part is
// what validation and the input's checks need on every run that has a document, and the one
// place the keys' printed forms live (the reader fills keyTexts, validation reads it).
import { GeneralError } from '../errors/errors.js';
import { PyFloat, PyObject, type PyValue } from '../python/value.js';
import { inputRepr } from '../python/bounded-repr.js';

/** Anything ruamel rejects with a YAMLError: the AWS CLI says "Invalid YAML received.". */
export class YamlSyntaxError extends Error {
  override readonly name = 'YamlSyntaxError';
}

/**
 * Aliases are shared, but two things copy what an alias names: a merge key copies the pairs of
 * its maps into the map holding it, and a sequence used as a key becomes a tuple. Thousands of
 * maps each merging one big anchored map cost Python (and would cost us) gigabytes; past this
 * many copied entries the document is refused (YamlExpansionError).
 */
export const YAML_MAX_COPIED = 100_000;

export class YamlExpansionError extends Error {
  override readonly name = 'YamlExpansionError';
}

/** What the document may hold: the value model plus bytes (Python's bytes from !!binary). */
export type InputValue = PyValue | Uint8Array;

/** Prefix of a key that is not a str (js-yaml stores every key as a string). */
export const NON_STR_KEY = '\u0000yaml:';

export const ORDERED_DICT = 'ruamel.yaml.compat.ordereddict';

/**
 * How each key prints: Python keeps the first of equal keys (`n: 1` then `false: 2` in YAML 1.1
 * is one key, printed False); kept per canonical key, reset for each document. Only keys count:
 * a value `1.0` before a key `1` leaves the key printing 1.
 */
export const keyTexts = new Map<string, string>();

/** A !!omap's pairs (a dict's items, keys as this module keeps them), or undefined for any other value. */
export function orderedDictItems(value: unknown): ReadonlyArray<readonly [string, InputValue]> | undefined {
  return value instanceof PyObject && value.qualifiedName === ORDERED_DICT ? value.payload as Array<[string, InputValue]> : undefined;
}

/**
 * A dict key as json.dumps writes it (parameter validation off): an int or a float as str()
 * gives it (nan and inf as JSON's NaN and Infinity), true, false, null; any other key (a tuple,
 * bytes, a date) is its TypeError.
 */
export function jsonKey(key: string): string {
  if (!key.startsWith(NON_STR_KEY)) return key;
  const body = key.slice(NON_STR_KEY.length);
  if (body === 'None') return 'null';
  if (body.startsWith('n')) {
    const repr = keyRepr(key);
    const words: Readonly<Record<string, string>> = { True: 'true', False: 'false', nan: 'NaN', inf: 'Infinity', '-inf': '-Infinity' };
    return words[repr] ?? repr;
  }
  const type = body.startsWith('t') ? 'tuple' : body.startsWith('b') ? 'bytes'
    : body.startsWith('d') ? (/^d\d{4}-\d\d-\d\d$/.test(body) ? 'datetime.date' : 'datetime.datetime') : 'object';
  throw new GeneralError(`keys must be str, int, float, bool or None, not ${type}`);
}

/**
 * A key as the value it was (a !!pairs item's first element, which json.dumps writes as a
 * value): a str, None, a bool, an int or a float; any other is what json.dumps cannot write.
 */
export function keyValue(key: string): PyValue {
  if (!key.startsWith(NON_STR_KEY)) return key;
  const body = key.slice(NON_STR_KEY.length);
  if (body === 'None') return null;
  if (body.startsWith('n')) {
    const repr = keyRepr(key);
    if (repr === 'True' || repr === 'False') return repr === 'True';
    if (/^-?[0-9]+$/.test(repr)) return BigInt(repr);
    return new PyFloat(repr === 'nan' ? NaN : repr === 'inf' ? Infinity : repr === '-inf' ? -Infinity : Number(repr));
  }
  const type = body.startsWith('t') ? 'tuple' : body.startsWith('b') ? 'bytes'
    : body.startsWith('d') ? (/^d\d{4}-\d\d-\d\d$/.test(body) ? 'date' : 'datetime') : 'object';
  throw new GeneralError(`Object of type ${type} is not JSON serializable`);
}

/** repr() of a dict key as js-yaml stored it. */
export function keyRepr(key: string): string {
  if (!key.startsWith(NON_STR_KEY)) return inputRepr(key);
  const known = keyTexts.get(key);
  if (known !== undefined) return known;
  const body = key.slice(NON_STR_KEY.length);
  if (body === 'None') return 'None';
  if (body.startsWith('nan')) return 'nan';
  if (body.startsWith('n')) return body.slice(1);
  if (body.startsWith('d') || body.startsWith('t')) return body.slice(1);
  return body;
}
