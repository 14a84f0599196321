// `--output text`: the AWS CLI's tab-separated rendering. Scalars print as Python's str();
// a dict prints its scalar values (sorted by key) on one line, prefixed by the upper-cased key
// it was found under, then its list/dict members recursively; a list of dicts shares one
// column set (the sorted union of scalar keys, '' where missing).
import { PythonError, pyClassName, pyStr } from '../python/builtins.js';
import { collect } from './stream.js';
import { compareCodePoints, pyUpper } from '../python/unicode.js';
import { PyDict, isContainer, type PyValue } from '../python/value.js';

export function formatText(value: PyValue): string {
  const { chunks, error } = collect((out) => writeText(value, out));
  if (error) throw error;
  return chunks.join('');
}

/**
 * Python's recursion limit as text.py meets it under the AWS CLI: the frames on the stack when
 * _format_text first runs, and one per _format_text, _format_list and _format_dict call, whose
 * helpers (a generator expression, _partition_dict) go one deeper. Past it, what was written
 * stays written and RecursionError follows (recorded: test/fixtures/query-sweep-recordings.json).
 */
const TEXT_BASE_FRAMES = 16;
const RECURSION_LIMIT = 1000;
let frames = TEXT_BASE_FRAMES;

function enter(reach: number): void {
  if (++frames + reach > RECURSION_LIMIT) throw new PythonError('RecursionError', 'maximum recursion depth exceeded');
}

/** The pieces text.py writes, one per stream.write() (a row and its newline are two). */
export function writeText(value: PyValue, out: string[]): void {
  frames = TEXT_BASE_FRAMES;
  formatItem(value, out, undefined, undefined);
}

function formatItem(item: PyValue, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  enter(0);
  if (item instanceof PyDict) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else {
    strCheck(item, 1);
    out.push(pyStr(item), '\n');
  }
  frames--;
}

/** str() of anything but a str checks the recursion limit itself, `reach` frames down. */
function strCheck(item: PyValue, reach: number): void {
  if (typeof item !== 'string' && frames + reach > RECURSION_LIMIT) {
    throw new PythonError('RecursionError', 'maximum recursion depth exceeded while getting the str of an object');
  }
}

function formatList(items: PyValue[], out: string[], identifier: string | undefined): void {
  enter(items.length === 0 ? 0 : 1);
  formatListItems(items, out, identifier);
  frames--;
}

function formatListItems(items: PyValue[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some((el) => el instanceof PyDict)) {
    const keys = allScalarKeys(items);
    for (const element of items) formatItem(element, out, identifier, keys);
  } else if (items.some((el) => Array.isArray(el))) {
    const scalars = items.filter((el) => !isContainer(el));
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const el of items) if (isContainer(el)) formatItem(el, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(items: PyValue[], out: string[], identifier: string | undefined): void {
  enter(identifier === undefined ? 1 : 0);
  if (identifier !== undefined) {
    const prefix = pyUpper(identifier);
    for (const item of items) {
      strCheck(item, 1);
      out.push(`${prefix}\t${pyStr(item)}\n`);
    }
  } else {
    // A list comprehension (a frame) calls str() on each item.
    for (const item of items) strCheck(item, 2);
    out.push(items.map(pyStr).join('\t'), '\n');
  }
  frames--;
}

function formatDict(item: PyDict, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  enter(1);
  formatDictItems(item, out, identifier, scalarKeys);
  frames--;
}

function formatDictItems(item: PyDict, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nonScalars: Array<[string, PyValue]> = [];
  if (scalarKeys === undefined) {
    for (const key of [...item.keys()].sort(compareCodePoints)) {
      const value = item.get(key) as PyValue;
      if (isContainer(value)) nonScalars.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(pyStr(item.has(key) ? (item.get(key) as PyValue) : ''));
    const rest = [...item.keys()].filter((k) => !scalarKeys.includes(k)).sort(compareCodePoints);
    for (const key of rest) nonScalars.push([key, item.get(key) as PyValue]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(pyUpper(identifier));
    out.push(scalars.join('\t'), '\n');
  }
  for (const [key, value] of nonScalars) formatItem(value, out, key, undefined);
}

/** The sorted scalar keys over every element; like the AWS CLI, a non-dict element fails here. */
function allScalarKeys(items: PyValue[]): string[] {
  const seen = new Set<string>();
  for (const element of items) {
    if (!(element instanceof PyDict)) {
      throw new PythonError('AttributeError', `'${pyClassName(element)}' object has no attribute 'items'`);
    }
    for (const [key, value] of element) if (!isContainer(value)) seen.add(key);
  }
  return [...seen].sort(compareCodePoints);
}
