import { AppendNotifier } from './append-notifier';
import { Position, StoredEvent, SubscribeOptions } from './event-store';

const PAGE = 500;

/**
 * Catch-up-then-live over any store that can read its global log by page: read pages until one
 * comes back short, then wait for the next append (or a poll, for writers in other processes).
 */
export async function* followAll(
  readPage: (from: Position | null, limit: number) => Promise<StoredEvent[]>,
  notifier: AppendNotifier,
  options: SubscribeOptions & { pollMs: number },
): AsyncGenerator<StoredEvent> {
  let from = options.from ?? null;
  while (!options.signal?.aborted) {
    const seen = notifier.current;
    const page = await readPage(from, PAGE);
    for (const event of page) {
      if (options.signal?.aborted) return;
      yield event;
      from = event.position;
    }
    if (page.length < PAGE) await notifier.waitForAppendAfter(seen, options.pollMs, options.signal);
  }
}
