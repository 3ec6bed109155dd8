import { availableBatches } from './available-batches';

/** A source that yields what it is given, waiting for more until it is closed. */
function liveSource<T>() {
  const queued: T[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  let returned = false;
  async function* items(): AsyncGenerator<T> {
    try {
      for (;;) {
        while (queued.length > 0) yield queued.shift() as T;
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      returned = true;
    }
  }
  return {
    items: items(),
    push(...values: T[]) {
      queued.push(...values);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    get returned() {
      return returned;
    },
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('availableBatches', () => {
  it('given items available together, then yields them as one batch', async () => {
    const source = liveSource<number>();
    source.push(1, 2, 3);
    const batches = availableBatches(source.items, 10);
    expect((await batches.next()).value).toEqual([1, 2, 3]);
  });

  it('given items that arrive turns apart, then yields each without waiting for the next', async () => {
    const source = liveSource<number>();
    const batches = availableBatches(source.items, 10);
    const first = batches.next();
    source.push(1);
    expect((await first).value).toEqual([1]);
    const second = batches.next();
    await turn();
    source.push(2, 3);
    expect((await second).value).toEqual([2, 3]);
  });

  it('given the source ends after some items, then yields them and ends', async () => {
    const source = liveSource<number>();
    source.push(1, 2);
    source.close();
    const seen: number[][] = [];
    for await (const batch of availableBatches(source.items, 10)) seen.push(batch);
    expect(seen).toEqual([[1, 2]]);
  });

  it('given the consumer stops early, then the source is closed once it yields again', async () => {
    const source = liveSource<number>();
    source.push(1);
    for await (const batch of availableBatches(source.items, 10)) {
      expect(batch).toEqual([1]);
      break;
    }
    expect(source.returned).toBe(false);
    source.push(2);
    await turn();
    expect(source.returned).toBe(true);
  });

  it('given more items available at once than a batch holds, then yields them in batches of that size', async () => {
    const source = liveSource<number>();
    source.push(...Array.from({ length: 25 }, (_, n) => n));
    source.close();
    const sizes: number[] = [];
    for await (const batch of availableBatches(source.items, 10)) sizes.push(batch.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('given the source fails after some items, then yields them before its error', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      throw new Error('the store could not be read');
    }
    const batches = availableBatches(failing(), 10);
    expect((await batches.next()).value).toEqual([1, 2]);
    await expect(batches.next()).rejects.toThrow('the store could not be read');
  });
});
