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

/** The pieces text.py writes, one per stream.write() (a row and its newline are two). */
export function writeText(value: PyValue, out: string[]): void {
  formatItem(value, out, undefined, undefined);
}

function formatItem(item: PyValue, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (item instanceof PyDict) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(pyStr(item), '\n');
}

function formatList(items: PyValue[], out: string[], identifier: string | undefined): void {
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
  if (identifier !== undefined) {
    const prefix = pyUpper(identifier);
    for (const item of items) out.push(`${prefix}\t${pyStr(item)}\n`);
  } else {
    out.push(items.map(pyStr).join('\t'), '\n');
  }
}

function formatDict(item: PyDict, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
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
