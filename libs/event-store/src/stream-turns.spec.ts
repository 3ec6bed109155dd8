import { StreamTurns } from './stream-turns';

/** Whether `promise` has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('turns on a stream for commands that conflicted', () => {
  afterEach(() => jest.useRealTimers());

  it('given a turn held, then the next waits until it is let go, and turns on other streams do not', async () => {
    const turns = new StreamTurns();
    const release = await turns.take('stream-1');
    const second = turns.take('stream-1');
    const otherStream = turns.take('stream-2');
    expect(await settled(otherStream)).toBe(true);
    expect(await settled(second)).toBe(false);
    release();
    expect(await settled(second)).toBe(true);
    (await second)();
    (await otherStream)();
    expect(turns.size).toBe(0);
  });

  it('given many commands taking turns, then one holds the turn at a time, in the order they came', async () => {
    const turns = new StreamTurns();
    const order: number[] = [];
    let holding = 0;
    let mostAtOnce = 0;
    await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const done = await turns.take('stream-1');
        holding += 1;
        mostAtOnce = Math.max(mostAtOnce, holding);
        order.push(n);
        for (let step = 0; step < 3; step += 1) await new Promise((resolve) => setImmediate(resolve));
        holding -= 1;
        done();
      }),
    );
    expect(mostAtOnce).toBe(1);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(turns.size).toBe(0);
  });

  it('given a holder that keeps its turn longer than the limit, then the next goes on without it', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const turns = new StreamTurns(100);
    await turns.take('stream-1');
    const next = turns.take('stream-1');
    await jest.advanceTimersByTimeAsync(99);
    expect(await settled(next)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await settled(next)).toBe(true);
  });

  it('given a queue longer than the limit, then each waits for the holder before it, however long the queue', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const turns = new StreamTurns(100);
    const first = await turns.take('stream-1');
    const second = turns.take('stream-1');
    const third = turns.take('stream-1');
    await jest.advanceTimersByTimeAsync(90);
    first();
    expect(await settled(second)).toBe(true);
    await jest.advanceTimersByTimeAsync(90);
    // 180 ms since the third came, 90 since the second's turn began: the second still holds it.
    expect(await settled(third)).toBe(false);
    (await second)();
    expect(await settled(third)).toBe(true);
    (await third)();
    expect(turns.size).toBe(0);
  });
});
