const NEXT_TURN = Symbol('next turn');

function nextTurn(): Promise<typeof NEXT_TURN> {
  return new Promise((resolve) => setImmediate(() => resolve(NEXT_TURN)));
}

/**
 * Groups a live subscription's items into the batches it makes available at once: the items it
 * yields before the event loop turns go in one batch, up to `maxSize`, so nothing ever waits for a
 * batch to fill. The appends of one group commit come out together; so can a backlog the source
 * reads page after page without the loop turning (a burst another process wrote), which is why
 * a batch stops at `maxSize`. Items gathered before the source fails are yielded before its error.
 */
export async function* availableBatches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let ended = false;
  try {
    while (!ended) {
      const first = await next;
      if (first.done) return;
      const batch = [first.value];
      let failure: { error: unknown } | null = null;
      while (batch.length < maxSize) {
        next = iterator.next();
        try {
          const result = await Promise.race([next, nextTurn()]);
          if (result === NEXT_TURN) break;
          if (result.done) {
            ended = true;
            break;
          }
          batch.push(result.value);
        } catch (error) {
          failure = { error };
          ended = true;
          break;
        }
      }
      if (batch.length === maxSize) next = iterator.next();
      yield batch;
      if (failure) throw failure.error;
    }
  } finally {
    // Not awaited: a read still pending would hold the caller until the source yields again.
    if (!ended) iterator.return?.().catch(() => undefined);
  }
}
