import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as ServerWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  AppendResult as ServerAppendResult,
  Direction,
  Position as ServerPosition,
  ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  ANY,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  STREAM_EXISTS,
  SubscribeOptions,
  WrongExpectedVersionError,
} from '../event-store';
import {
  isAfter,
  isSystemEvent,
  retriedAppendIn,
  toStreamState,
  toServerPosition,
  toEventData,
  toPortPosition,
  toStoredEvent,
} from './eventstoredb-mapping';
import { textRedactionIn } from '../sealed-text';
import { sleep } from '../sleep';
import { toKurrentConnectionString } from './connection-string';

/** The part of the client this adapter uses, so tests can stand in for a server. */
export type ServerClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface EventStoreDbEventStoreOptions {
  /** Wait before the first resubscription after a subscription drops; it doubles on each further drop. */
  readonly resubscribeDelayMs?: number;
  readonly maxResubscribeDelayMs?: number;
  /** Told of every dropped subscription before it is retried, so the drop can be logged. */
  readonly onSubscriptionDropped?: (error: unknown, retryInMs: number) => void;
}

const PAGE = 500;
/** Enough to step over the link and bookkeeping events the server writes after an event. */
const BACKWARDS_PAGE = 50;

/**
 * The server store: an EventStoreDB (or KurrentDB) node or cluster. Build it with
 * `EventStoreDbEventStore.fromConnectionString('kurrentdb://host:2113?tls=false')`, or hand the
 * constructor a client; either way the store owns the client and `close()` disposes it.
 *
 * Positions are the server's commit positions (see toPortPosition) and need a server from 22.6,
 * which reports positions on stream reads too.
 *
 * Event ids: the server recognises a retried append when it is made at the same expected
 * revision, and this adapter recognises most others by reading the target stream (see `append`).
 * What it cannot see is an id reused in a *different* stream: EventStoreDB keeps no index of event
 * ids across streams, and building one (a reservation stream per id) would double every write
 * without being atomic with it. So reuse of an id in another stream is written, not refused with
 * DuplicateEventIdError as the embedded stores do. This platform's event ids are random UUIDs or
 * derive from a command id that names the stream, so such reuse would take a collision or a bug.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly closing = new AbortController();
  private readonly resubscribeDelayMs: number;
  private readonly maxResubscribeDelayMs: number;
  private readonly onSubscriptionDropped?: (error: unknown, retryInMs: number) => void;

  constructor(
    private readonly client: ServerClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? 100;
    this.maxResubscribeDelayMs = options.maxResubscribeDelayMs ?? 5_000;
    this.onSubscriptionDropped = options.onSubscriptionDropped;
  }

  /** Takes kurrentdb:// and EventStoreDB's esdb:// strings alike, +discover included (toKurrentConnectionString). */
  static fromConnectionString(
    connectionString: string,
    options: EventStoreDbEventStoreOptions = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(
      KurrentDBClient.connectionString(toKurrentConnectionString(connectionString)),
      options,
    );
  }

  /**
   * At a given expected revision the server itself answers a retried append as the first time. A
   * refused append may still be a retry the server did not recognise (made at another revision),
   * so a refusal is checked against the stream before it is reported. ANY and STREAM_EXISTS are
   * checked before writing instead: for those the server only consults a cache of recent ids and
   * would write an older retry again. Not caught: ids that already appear earlier in the stream,
   * appended at the stream's current revision. The server writes those, and checking would cost a
   * stream read on every append; handleCommand reads the stream first and replays such retries.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('An append needs at least one event.');
    if (events.some((event) => textRedactionIn(streamId, event))) {
      throw new Error('EventStoreDB cannot delete part of an event, so this store cannot record a redaction.');
    }
    const expected = options.expectedRevision;
    if (expected === ANY || expected === STREAM_EXISTS) {
      const retried = retriedAppendIn(await this.readStream(streamId), streamId, events);
      if (retried) return retried;
    }
    let result: ServerAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      if (error instanceof ServerWrongExpectedVersionError) return this.refused(streamId, events, expected);
      throw error;
    }
    // A connection string with throwOnAppendFailure=false makes a refusal resolve instead of throw.
    if (!result.success) return this.refused(streamId, events, expected);
    return {
      nextRevision: Number(result.nextExpectedRevision),
      // A server may answer an append it recognised as a retry without a position (older ones always do).
      position: result.position
        ? toPortPosition(result.position)
        : await this.positionOf(streamId, result.nextExpectedRevision),
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: BigInt(options.fromRevision ?? 0),
        ...(options.limit === undefined ? {} : { maxCount: options.limit }),
      })) {
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * Unfiltered on the server: only then does a page shorter than asked mean the end of $all, so
   * system events are dropped here, page by page.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const events: StoredEvent[] = [];
    let start = options.from == null ? null : toServerPosition(options.from);
    while (events.length < limit) {
      // One more than is missing, because a page begins with the event at `start` itself.
      const pageSize = Math.min(PAGE, limit - events.length + 1);
      const page = await this.readAllPage(start ?? START, FORWARDS, pageSize);
      for (const recorded of page) {
        if (events.length === limit) break;
        if (start !== null && !isAfter(recorded.position, start)) continue;
        if (!isSystemEvent(recorded)) events.push(toStoredEvent(recorded));
      }
      if (page.length < pageSize) break;
      start = page[page.length - 1].position;
    }
    return events;
  }

  /**
   * Catch-up then live, filtered on the server. A dropped subscription is resumed after the last
   * event delivered, with a backoff that starts again once a resubscription is confirmed.
   */
  async *subscribeAll(options: SubscribeOptions = {}): AsyncGenerator<StoredEvent> {
    const stop = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    let after = options.from == null ? null : toServerPosition(options.from);
    let delay = this.resubscribeDelayMs;
    while (!stop.aborted) {
      const subscription = this.client.subscribeToAll({ fromPosition: after ?? START, filter: excludeSystemEvents() });
      // Errors reach the iterator below; this keeps one arriving after it has let go from crashing the process.
      subscription.on('error', () => undefined);
      subscription.on('confirmation', () => {
        delay = this.resubscribeDelayMs;
      });
      const unblock = () => subscription.destroy();
      stop.addEventListener('abort', unblock, { once: true });
      const received = subscription[Symbol.asyncIterator]();
      let dropped: unknown = new Error('The subscription to $all ended.');
      try {
        for (;;) {
          let next: IteratorResult<AllStreamResolvedEvent>;
          try {
            next = await received.next();
          } catch (error) {
            dropped = error;
            break;
          }
          if (next.done) break;
          const recorded = next.value.event;
          if (!recorded || isSystemEvent(recorded) || (after !== null && !isAfter(recorded.position, after))) continue;
          const event = toStoredEvent(recorded);
          after = recorded.position;
          yield event;
        }
      } finally {
        stop.removeEventListener('abort', unblock);
        const unsubscribed = subscription.unsubscribe();
        subscription.destroy();
        // The call may never have been established, in which case there is nothing to cancel.
        await unsubscribed.catch(() => undefined);
      }
      if (stop.aborted) return;
      this.onSubscriptionDropped?.(dropped, delay);
      await sleep(delay, stop);
      delay = Math.min(delay * 2, this.maxResubscribeDelayMs);
    }
  }

  async lastPosition(): Promise<Position | null> {
    let before: ServerPosition | null = null;
    for (;;) {
      const page = await this.readAllPage(before ?? END, BACKWARDS, BACKWARDS_PAGE);
      const newest = page.find(
        (recorded) => (before === null || isAfter(before, recorded.position)) && !isSystemEvent(recorded),
      );
      if (newest) return toPortPosition(newest.position);
      if (page.length < BACKWARDS_PAGE) return null;
      before = page[page.length - 1].position;
    }
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.client.dispose();
  }

  private async refused(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stream = await this.readStream(streamId);
    const retried = retriedAppendIn(stream, streamId, events);
    if (retried) return retried;
    throw new WrongExpectedVersionError(
      streamId,
      expected,
      stream.length === 0 ? null : stream[stream.length - 1].revision,
    );
  }

  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      if (resolved.event) return toStoredEvent(resolved.event).position;
    }
    throw new Error(`EventStoreDB acknowledged revision ${revision} of ${streamId} but does not return it.`);
  }

  private async readAllPage(
    from: ReadPosition,
    direction: Direction,
    maxCount: number,
  ): Promise<AllStreamRecordedEvent[]> {
    const page: AllStreamRecordedEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: from, direction, maxCount })) {
      // Without link resolution every entry carries its own record, links included.
      if (resolved.event) page.push(resolved.event);
    }
    return page;
  }
}
