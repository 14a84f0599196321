// The hand-over queue: first in first out, producers wait for room, and closing or abandoning it
// releases everyone waiting on either side.
import { describe, expect, it } from 'vitest';
import { BoundedQueue } from '../../src/bulk/bounded-queue.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('BoundedQueue', () => {
  it('hands items over in order and makes a producer wait for room', async () => {
    const q = new BoundedQueue<number>(2);
    expect(await q.push(1)).toBe(true);
    expect(await q.push(2)).toBe(true);
    let third = false;
    const pushing = q.push(3).then((ok) => { third = ok; });
    await tick();
    expect(third).toBe(false);
    expect(await q.pop()).toBe(1);
    await pushing;
    expect(third).toBe(true);
    expect([await q.pop(), await q.pop()]).toEqual([2, 3]);
  });

  it('a waiting consumer gets the next item directly, or undefined once closed', async () => {
    const q = new BoundedQueue<string>(1);
    const first = q.pop();
    const second = q.pop();
    await q.push('a');
    q.close();
    expect([await first, await second]).toEqual(['a', undefined]);
    expect(await q.push('late')).toBe(false);
  });

  it('close lets consumers drain what is queued; abandon drops it', async () => {
    const q = new BoundedQueue<number>(5);
    await q.push(1);
    await q.push(2);
    q.close();
    expect([await q.pop(), await q.pop(), await q.pop()]).toEqual([1, 2, undefined]);
    const r = new BoundedQueue<number>(1);
    await r.push(1);
    const blocked = r.push(2);
    r.abandon();
    expect(await blocked).toBe(false);
    expect(await r.pop()).toBeUndefined();
  });

  it('stays correct across many items (compaction)', async () => {
    const q = new BoundedQueue<number>(3000);
    for (let i = 0; i < 3000; i++) await q.push(i);
    const out: number[] = [];
    for (let i = 0; i < 2500; i++) out.push((await q.pop())!);
    for (let i = 3000; i < 4000; i++) await q.push(i);
    for (let i = 0; i < 1500; i++) out.push((await q.pop())!);
    expect(out).toEqual(Array.from({ length: 4000 }, (_, i) => i));
    expect(q.size).toBe(0);
  });
});
