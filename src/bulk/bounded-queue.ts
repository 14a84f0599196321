// The hand-over between the producer (a file or ListUsers) and the workers: a FIFO that holds
// at most `capacity` items, so reading ahead (the next ListUsers page while this one is being
// signed out) never turns into reading everything.

export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private head = 0;
  private closed = false;
  /** Consumers waiting for an item (resolved with undefined once closed and empty). */
  private readonly takers: Array<(item: T | undefined) => void> = [];
  /** Producers waiting for room. */
  private readonly givers: Array<() => void> = [];

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Waits for room, then adds `item`. Resolves false (item not added) once the queue is closed. */
  async push(item: T): Promise<boolean> {
    while (!this.closed && this.size >= this.capacity) {
      await new Promise<void>((resolve) => this.givers.push(resolve));
    }
    if (this.closed) return false;
    const taker = this.takers.shift();
    if (taker) taker(item);
    else this.items.push(item);
    return true;
  }

  /** The next item, or undefined once the queue is closed and drained. */
  async pop(): Promise<T | undefined> {
    if (this.size > 0) {
      const item = this.items[this.head] as T;
      this.head += 1;
      // Compact now and then instead of shifting on every pop.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      this.givers.shift()?.();
      return item;
    }
    if (this.closed) return undefined;
    return new Promise<T | undefined>((resolve) => this.takers.push(resolve));
  }

  /** No more items will come: waiting consumers get undefined, waiting producers false. */
  close(): void {
    this.closed = true;
    for (const taker of this.takers.splice(0)) taker(undefined);
    for (const giver of this.givers.splice(0)) giver();
  }

  /** Drops whatever is queued (an interrupted run takes nothing more) and closes. */
  abandon(): void {
    this.items.length = 0;
    this.head = 0;
    this.close();
  }
}
