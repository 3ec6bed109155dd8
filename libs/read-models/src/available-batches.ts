const NEXT_TURN = Symbol('next turn');

function nextTurn(): Promise<typeof NEXT_TURN> {
  return new Promise((resolve) => setImmediate(() => resolve(NEXT_TURN)));
}

/**
 * Groups a live subscription's items into the batches it makes available at once: every item it
 * yields before the event loop turns goes in one batch, so nothing ever waits for a batch to fill.
 * A page the store read whole (the appends of one group commit, or a burst from another process)
 * comes out as one batch; an item that needs another read or another append comes in the next.
 */
export async function* availableBatches<T>(source: AsyncIterable<T>): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let ended = false;
  try {
    while (!ended) {
      const first = await next;
      if (first.done) return;
      const batch = [first.value];
      for (;;) {
        next = iterator.next();
        const result = await Promise.race([next, nextTurn()]);
        if (result === NEXT_TURN) break;
        if (result.done) {
          ended = true;
          break;
        }
        batch.push(result.value);
      }
      yield batch;
    }
  } finally {
    // Not awaited: a read still pending would hold the caller until the source yields again.
    if (!ended) iterator.return?.().catch(() => undefined);
  }
}
