// sorted(some_set) when the set mixes strings with ints: the table formatter merges the keys of
// a list's items into a set() and sorts it, and a list item that is itself a list gives int
// "keys" (its own elements, used as indexes). Sorting then always fails, but WHICH comparison
// fails first, so whether Python says "'str' and 'int'" or "'int' and 'str'", depends on the
// set's iteration order, which for strings depends on the per-process random hash seed: the AWS
// CLI itself answers differently from run to run. This gives the answer it gives most often:
// CPython's set table (3.11, setobject.c) and list.sort's comparisons (listobject.c: count_run,
// binarysort) are replayed for a fixed series of random string hashes, and the most frequent
// error wins. Ints, bools and the empty string hash the same in every process.
import { PythonError } from './builtins.js';
import { pyCompare } from './ops.js';
import type { PyValue } from './value.js';

const MASK64 = (1n << 64n) - 1n;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const SAMPLES = 256;

/** hash() of an int or bool key as an unsigned 64-bit word (keys here are list indexes: small). */
function fixedHash(key: PyValue): bigint | undefined {
  if (typeof key === 'boolean') return key ? 1n : 0n;
  if (typeof key === 'bigint') return BigInt.asUintN(64, key === -1n ? -2n : key);
  if (key === '') return 0n;
  return undefined;
}

/** splitmix64: the series of "random" string hashes, the same on every run. */
function* hashes(): Generator<bigint> {
  let state = 0x9e3779b97f4a7c15n;
  for (;;) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    yield z ^ (z >> 31n);
  }
}

/** Where set_insert_clean / set_add_entry put a hash in a table of `slots` (all keys distinct). */
function insert(table: (number | undefined)[], hash: bigint, index: number): void {
  const mask = table.length - 1;
  let perturb = hash;
  let i = Number(hash & BigInt(mask));
  for (;;) {
    const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let j = 0; j <= probes; j++) {
      if (table[i + j] === undefined) {
        table[i + j] = index;
        return;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/** The set's iteration order for these distinct keys, added in this order, with these hashes. */
function iterationOrder(keyHashes: readonly bigint[]): number[] {
  let table: (number | undefined)[] = new Array(8);
  let used = 0;
  for (let k = 0; k < keyHashes.length; k++) {
    insert(table, keyHashes[k] as bigint, k);
    used++;
    if (used * 5 >= (table.length - 1) * 3) {
      // set_table_resize(so, used * 4): re-inserted in the old table's order.
      let size = 8;
      while (size <= used * 4) size <<= 1;
      const old = table;
      table = new Array(size);
      for (const index of old) if (index !== undefined) insert(table, keyHashes[index] as bigint, index);
    }
  }
  return table.filter((index): index is number => index !== undefined);
}

/** list.sort()'s comparisons in its order (a run, then binary insertion): the first failure. */
function firstSortError(items: readonly PyValue[]): string | undefined {
  const lt = (x: PyValue, y: PyValue): boolean => pyCompare('<', x, y);
  try {
    const a = [...items];
    if (a.length < 2) return undefined;
    let run = 2;
    if (lt(a[1] as PyValue, a[0] as PyValue)) {
      while (run < a.length && lt(a[run] as PyValue, a[run - 1] as PyValue)) run++;
      a.splice(0, run, ...a.slice(0, run).reverse());
    } else {
      while (run < a.length && !lt(a[run] as PyValue, a[run - 1] as PyValue)) run++;
    }
    for (let start = run; start < a.length; start++) {
      const pivot = a[start] as PyValue;
      let l = 0;
      let r = start;
      while (l < r) {
        const p = l + ((r - l) >> 1);
        if (lt(pivot, a[p] as PyValue)) r = p;
        else l = p + 1;
      }
      a.splice(start, 1);
      a.splice(l, 0, pivot);
    }
  } catch (e) {
    if (e instanceof PythonError) return e.message;
    throw e;
  }
  return undefined;
}

/**
 * Throws the TypeError sorted(set(keys)) raises most often when `keys` (distinct, in the order
 * they were added) mix strings with ints or bools; returns when they sort without one.
 */
export function checkSetSortable(keys: readonly PyValue[]): void {
  const strings = keys.filter((k) => typeof k === 'string').length;
  if (strings === 0 || strings === keys.length) return;
  const counts = new Map<string, number>();
  const random = hashes();
  for (let s = 0; s < SAMPLES; s++) {
    const keyHashes = keys.map((k) => fixedHash(k) ?? (random.next().value as bigint));
    const message = firstSortError(iterationOrder(keyHashes).map((i) => keys[i] as PyValue));
    if (message !== undefined) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [message, n] of counts) if (best === undefined || n > (counts.get(best) as number)) best = message;
  if (best !== undefined) throw new PythonError('TypeError', best);
}
