import { Decider, fold, Message, REDACTIONS_STREAM } from '@app/domain';
import { EventStore, StoredEvent } from './event-store';
import { perStore } from './per-store';
import { upcast } from './upcast';

/** A stream as a command needs it: its state folded up to `last`, and the keyed commands it has recorded. */
export interface FoldedStream<S> {
  readonly state: S;
  /** The newest event folded, which the next append chains onto; null for a stream with no events. */
  readonly last: StoredEvent | null;
  /**
   * The first revision each command sent with an idempotency key recorded, by command id. The store
   * is append-only, so an entry stays true for every later revision and one map serves them all.
   */
  readonly keyedCommands: ReadonlyMap<string, number>;
}

interface Entry<S> {
  readonly state: S;
  readonly last: StoredEvent | null;
  readonly keyedCommands: Map<string, number>;
  /** The redactions stream's last revision known before the fold began (-1 for none): one recorded since may change what it folded. */
  readonly redactions: number;
}

/** Streams kept folded per process when nothing else is said: the busiest streams, at a bounded memory cost. */
export const DEFAULT_CACHED_STREAMS = 1000;

/**
 * Events read and folded at a time. A long stream read whole would be held whole while it is
 * folded (an access stream of 100,000 people is about 400 MB of parsed events), more than the
 * api's heap limit allows; a page at a time, only the folded state and one page are held.
 */
export const FOLD_PAGE = 1000;

/**
 * Folded state per (stream, decider), so that a command reads and folds only the events recorded
 * since the last time, not the whole stream: without it a command's cost grows with its stream's
 * history. A cached state is never used unchecked: every read asks the store for the stream from
 * the cached revision on, and the cached event must come back first, unchanged, before the newer
 * events are folded onto it. Any other answer (a store replaced or rewritten under the cache) drops
 * the entry and folds the stream afresh. A writer in another process is seen the same way, and a
 * write that lands between the read and the append is refused by the append's expected revision.
 * A redaction (A7) rewrites an event's text in place but keeps its id and hash, so every read also
 * asks whether the redactions stream has grown since the entry was folded, by any process, and
 * folds afresh when it has: no state holds text that has been redacted.
 * Entries are evicted least recently used first once there are more than `capacity`.
 */
export class FoldedStateCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  /** Streams being folded from their start, by key. */
  private readonly folding = new Map<string, Promise<FoldedStream<unknown>>>();
  private readonly deciderIds = new WeakMap<object, number>();
  /** Per store, the redactions stream's last revision this cache has seen. */
  private readonly redactionsSeen = new WeakMap<EventStore, number>();
  private nextDeciderId = 0;

  constructor(private readonly capacity = DEFAULT_CACHED_STREAMS) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('A folded-state cache holds at least one stream.');
  }

  get size(): number {
    return this.entries.size;
  }

  async read<C extends Message, E extends Message, S>(
    store: EventStore,
    streamId: string,
    decider: Decider<C, E, S>,
  ): Promise<FoldedStream<S>> {
    const key = `${this.deciderId(decider)}:${streamId}`;
    const redactions = await this.redactionsOf(store);
    const cached = this.entries.get(key) as Entry<S> | undefined;
    if (cached?.last && cached.redactions >= redactions) {
      const first = await store.readStream(streamId, { fromRevision: cached.last.revision, limit: FOLD_PAGE });
      if (first.length > 0 && sameEvent(first[0], cached.last)) {
        return this.remember(key, await extendPaged(store, streamId, decider, cached, first.slice(1), first), false);
      }
    }
    // A long stream's first fold takes seconds and holds its state; requests arriving meanwhile
    // wait for it and then read only what is newer, rather than each folding the stream again.
    const inFlight = this.folding.get(key);
    if (inFlight) {
      await inFlight.catch(() => undefined);
      return this.read(store, streamId, decider);
    }
    const folded = this.foldAfresh(store, streamId, decider, key, redactions);
    this.folding.set(key, folded);
    try {
      return await folded;
    } finally {
      this.folding.delete(key);
    }
  }

  private async foldAfresh<C extends Message, E extends Message, S>(
    store: EventStore,
    streamId: string,
    decider: Decider<C, E, S>,
    key: string,
    redactions: number,
  ): Promise<FoldedStream<S>> {
    const first = await store.readStream(streamId, { limit: FOLD_PAGE });
    const fresh: Entry<S> = { state: decider.initialState, last: null, keyedCommands: new Map(), redactions };
    return this.remember(key, await extendPaged(store, streamId, decider, fresh, first, first), true);
  }

  /**
   * Keeps the newer of what is cached and what was just folded: two commands on one stream may
   * finish their reads in either order, and the older one must not wind the entry back. A stream
   * folded afresh always replaces the entry, which may describe a stream the store no longer holds.
   */
  private remember<S>(key: string, entry: Entry<S>, replace: boolean): FoldedStream<S> {
    const current = this.entries.get(key);
    this.entries.delete(key);
    const newer = !replace && current !== undefined && revisionOf(current) > revisionOf(entry);
    this.entries.set(key, newer ? current : entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /**
   * The redactions stream's last revision, read on from the last one this cache saw: usually an empty
   * read, as redactions are rare. Read before the stream it guards, so a redaction landing during a fold
   * leaves that fold marked older than it and folded afresh at the next read.
   */
  private async redactionsOf(store: EventStore): Promise<number> {
    let seen = this.redactionsSeen.get(store) ?? -1;
    for (;;) {
      const page = await store.readStream(REDACTIONS_STREAM, { fromRevision: seen + 1, limit: FOLD_PAGE });
      if (page.length > 0) seen = page[page.length - 1].revision;
      if (page.length < FOLD_PAGE) break;
    }
    this.redactionsSeen.set(store, Math.max(seen, this.redactionsSeen.get(store) ?? -1));
    return seen;
  }

  private deciderId(decider: object): number {
    let id = this.deciderIds.get(decider);
    if (id === undefined) {
      id = this.nextDeciderId++;
      this.deciderIds.set(decider, id);
    }
    return id;
  }
}

/** Folds `events` onto `from`, then the stream's later pages after `page` (the last page read), one at a time. */
async function extendPaged<C extends Message, E extends Message, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  from: Entry<S>,
  events: readonly StoredEvent[],
  page: readonly StoredEvent[],
): Promise<Entry<S>> {
  let entry = extend(decider, from, events);
  for (let last = page; last.length === FOLD_PAGE;) {
    last = await store.readStream(streamId, { fromRevision: last[last.length - 1].revision + 1, limit: FOLD_PAGE });
    entry = extend(decider, entry, last);
  }
  return entry;
}

function extend<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  from: Entry<S>,
  events: readonly StoredEvent[],
): Entry<S> {
  if (events.length === 0) return from;
  for (const event of events) {
    const causationId = event.metadata.causationId;
    if (event.metadata.idempotencyKey && typeof causationId === 'string' && !from.keyedCommands.has(causationId)) {
      from.keyedCommands.set(causationId, event.revision);
    }
  }
  return {
    state: fold(
      { initialState: from.state, evolve: (state: S, event: E) => decider.evolve(state, event) },
      events.map(upcast) as unknown as E[],
    ),
    last: events[events.length - 1],
    keyedCommands: from.keyedCommands,
    redactions: from.redactions,
  };
}

function revisionOf(entry: Entry<unknown>): number {
  return entry.last ? entry.last.revision : -1;
}

function sameEvent(stored: StoredEvent, cached: StoredEvent): boolean {
  return (
    stored.revision === cached.revision && stored.id === cached.id && stored.metadata.hash === cached.metadata.hash
  );
}

/** The process's cache for one store: every command and permission check on that store shares it. */
export const foldedStateCacheOf = perStore(() => new FoldedStateCache());
