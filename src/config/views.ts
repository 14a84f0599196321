// Read-only maps computed on demand. The config files' sections and profiles are handed out as
// ReadonlyMaps (what every reader of a profile expects), but a file at its size limit may hold
// 170,000 sections: one real Map each would cost far more than the file, so a view builds what
// is asked for, and only what is looked up by name is kept.

/** A ReadonlyMap from `get`, `has` and `entries`; the rest follows from them. */
export abstract class MapView<K, V> implements ReadonlyMap<K, V> {
  abstract get(key: K): V | undefined;
  abstract has(key: K): boolean;
  abstract entries(): MapIterator<[K, V]>;

  get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/**
 * Values named by `names`, built by `make` on demand (`make` keeps nothing itself). What `get`
 * builds is kept (a profile is looked up many times); what iteration builds is not, so walking
 * every profile (completion, the prompt's region list) holds one at a time.
 */
export class NamedViews<V> extends MapView<string, V> {
  private readonly kept = new Map<string, V>();

  constructor(
    private readonly names: () => Iterable<string>,
    private readonly contains: (name: string) => boolean,
    private readonly make: (name: string) => V,
    private readonly count: () => number,
  ) {
    super();
  }

  get(name: string): V | undefined {
    const kept = this.kept.get(name);
    if (kept !== undefined) return kept;
    if (!this.contains(name)) return undefined;
    const made = this.make(name);
    this.kept.set(name, made);
    return made;
  }

  has(name: string): boolean {
    return this.contains(name);
  }

  override get size(): number {
    return this.count();
  }

  override *keys(): MapIterator<string> {
    yield* this.names();
  }

  *entries(): MapIterator<[string, V]> {
    for (const name of this.names()) yield [name, this.kept.get(name) ?? this.make(name)];
  }
}
