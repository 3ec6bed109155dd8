import { StreamTurns } from './stream-turns';

describe('turns on a stream for commands that conflicted', () => {
  it('given a turn held, then the next waits until it is released, and turns on other streams do not', async () => {
    const turns = new StreamTurns();
    const order: string[] = [];
    const release = await turns.take('stream-1');
    const second = turns.take('stream-1').then((done) => {
      order.push('second');
      done();
    });
    await turns.take('stream-2').then((done) => {
      order.push('other stream');
      done();
    });
    order.push('first done');
    release();
    await second;
    expect(order).toEqual(['other stream', 'first done', 'second']);
    expect(turns.size).toBe(0);
  });

  it('given turns taken one after another, then they are held in the order they were taken', async () => {
    const turns = new StreamTurns();
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const done = await turns.take('stream-1');
        order.push(n);
        await new Promise((resolve) => setImmediate(resolve));
        done();
      }),
    );
    expect(order).toEqual([1, 2, 3, 4]);
    expect(turns.size).toBe(0);
  });

  it('given a holder that never lets go, then the next goes on without its turn after the longest wait', async () => {
    const turns = new StreamTurns(20);
    await turns.take('stream-1');
    const done = await turns.take('stream-1');
    done();
  });
});
