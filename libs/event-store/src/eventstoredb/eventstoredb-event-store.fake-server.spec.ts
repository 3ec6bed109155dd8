import {
  StreamNotFoundError,
  WrongExpectedVersionError as ServerWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type {
  AppendStreamState,
  EventData,
  Position as ServerPosition,
  ReadPosition,
  RegexFilter,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { DuplicateEventIdError, NewEvent, StoredEvent, WrongExpectedVersionError } from '../event-store';
import { ServerClient, EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb-event-store';

/**
 * The adapter's own logic against a stand-in for the server, which models what the adapter relies
 * on: $all reads that include their starting position, forward and backward; subscriptions that
 * also replay their starting event, report errors by emitting them and are confirmed; appends that
 * recognise a retry only at the revision it was first made, sometimes without a position.
 */
interface Recorded {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: true;
  readonly position: ServerPosition;
}

type FakeSubscription = PassThrough & { unsubscribe(): Promise<void> };

class FakeServer {
  readonly log: Recorded[] = [];
  readonly subscriptions: { stream: FakeSubscription; from: ReadPosition; filter?: RegexFilter; dropped: boolean }[] =
    [];
  unsubscribed = 0;
  disposed = false;
  /** Older servers answer a recognised retry without a position. */
  positionOnRetry = true;
  confirmSubscriptions = true;
  private offset = 1000n;

  system(streamId = '$stats-fake', type = '$statsCollected'): void {
    this.record(streamId, randomUUID(), type, {}, {});
  }

  client(): ServerClient {
    const fake = {
      appendToStream: async (streamName: string, events: EventData[], options: { streamState: AppendStreamState }) =>
        this.append(streamName, events, options.streamState),
      readStream: (streamName: string, options: { fromRevision?: bigint; maxCount?: number } = {}) => {
        const stream = this.log.filter((e) => e.streamId === streamName);
        if (stream.length === 0) {
          return new Readable({
            objectMode: true,
            read() {
              this.destroy(new StreamNotFoundError(undefined, streamName));
            },
          });
        }
        const from = options.fromRevision ?? 0n;
        return Readable.from(
          stream
            .filter((e) => e.revision >= from)
            .slice(0, options.maxCount)
            .map((event) => ({ event })),
        );
      },
      readAll: (options: { fromPosition: ReadPosition; direction: 'forwards' | 'backwards'; maxCount: number }) => {
        const { fromPosition: from, direction, maxCount } = options;
        const page =
          direction === 'forwards'
            ? this.log.filter((e) => from === 'start' || (from !== 'end' && e.position.commit >= from.commit))
            : this.log.filter((e) => from === 'end' || (from !== 'start' && e.position.commit < from.commit)).reverse();
        return Readable.from(page.slice(0, maxCount).map((event) => ({ event })));
      },
      subscribeToAll: (options: { fromPosition: ReadPosition; filter?: RegexFilter }) => {
        const stream = Object.assign(new PassThrough({ objectMode: true }), {
          unsubscribe: async () => {
            this.unsubscribed += 1;
            stream.end();
          },
        });
        const subscription = { stream, from: options.fromPosition, filter: options.filter, dropped: false };
        this.subscriptions.push(subscription);
        for (const event of this.log) this.deliver(subscription, event);
        if (this.confirmSubscriptions) setImmediate(() => stream.emit('confirmation'));
        return stream;
      },
      dispose: async () => {
        this.disposed = true;
      },
    };
    return fake as unknown as ServerClient;
  }

  /** As a dropped gRPC call does: the error is emitted, the stream is left open but receives nothing more. */
  drop(): void {
    for (const subscription of this.subscriptions.filter((s) => !s.dropped)) {
      subscription.dropped = true;
      subscription.stream.emit('error', new Error('connection reset'));
    }
  }

  private append(streamId: string, events: EventData[], expected: AppendStreamState) {
    const stream = this.log.filter((e) => e.streamId === streamId);
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    const from = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : null;
    if (from !== null && current !== null && from <= current) {
      const atThatRevision = stream.slice(Number(from), Number(from) + events.length);
      if (atThatRevision.length === events.length && atThatRevision.every((e, i) => e.id === events[i].id)) {
        const last = atThatRevision[atThatRevision.length - 1];
        return {
          success: true,
          nextExpectedRevision: last.revision,
          position: this.positionOnRetry ? last.position : undefined,
        };
      }
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      expected === current;
    if (!ok) {
      throw new ServerWrongExpectedVersionError(undefined, {
        streamName: streamId,
        expected,
        current: current ?? 'no_stream',
      });
    }
    const written = events.map((event) => this.record(streamId, event.id, event.type, event.data, event.metadata));
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private record(streamId: string, id: string, type: string, data: unknown, metadata: unknown): Recorded {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    this.offset += 100n;
    const event: Recorded = {
      streamId,
      id: id.toLowerCase(),
      revision,
      type,
      created: new Date(),
      data: structuredClone(data),
      metadata: structuredClone(metadata),
      isJson: true,
      position: { commit: this.offset, prepare: this.offset },
    };
    this.log.push(event);
    for (const subscription of this.subscriptions) this.deliver(subscription, event);
    return event;
  }

  private deliver(subscription: FakeServer['subscriptions'][number], event: Recorded): void {
    const { stream, from, filter } = subscription;
    if (subscription.dropped || stream.writableEnded || stream.destroyed) return;
    if (from !== 'start' && (from === 'end' || event.position.commit < from.commit)) return;
    if (filter && !new RegExp(filter.regex).test(event.type)) return;
    stream.write({ event });
  }
}

const event = (type = 'SomethingHappened', id: string = randomUUID()): NewEvent => ({
  id,
  type,
  data: { type },
  metadata: { by: 'p-1' },
});

describe('EventStoreDB adapter against a stand-in server', () => {
  let server: FakeServer;
  let store: EventStoreDbEventStore;
  const create = (options: EventStoreDbEventStoreOptions = {}) => new EventStoreDbEventStore(server.client(), options);

  beforeEach(() => {
    server = new FakeServer();
    store = create();
  });

  describe('append', () => {
    it('answers with the revision and position of the last event written', async () => {
      const result = await store.append('s', [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const read = await store.readStream('s');
      expect(read.map((e) => [e.type, e.revision])).toEqual([
        ['A', 0],
        ['B', 1],
      ]);
      expect(result).toEqual({ nextRevision: 1, position: read[1].position });
    });

    it('answers a retry the server recognises as the first time, finding the position when none is given', async () => {
      server.positionOnRetry = false;
      const batch = [event(), event()];
      const first = await store.append('s', batch, { expectedRevision: 'no_stream' });
      expect(await store.append('s', batch, { expectedRevision: 'no_stream' })).toEqual(first);
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('answers a retry the server refuses, made at another revision, as the first time', async () => {
      const batch = [event(), event()];
      const first = await store.append('s', batch, { expectedRevision: 'no_stream' });
      await store.append('s', [event()], { expectedRevision: 1 });
      expect(await store.append('s', batch, { expectedRevision: 0 })).toEqual(first);
      expect(await store.readStream('s')).toHaveLength(3);
    });

    it('answers a retry made with ANY as the first time without writing it again', async () => {
      const retried = event();
      const first = await store.append('s', [retried], { expectedRevision: 'any' });
      await store.append('s', [event()], { expectedRevision: 'any' });
      expect(await store.append('s', [retried], { expectedRevision: 'any' })).toEqual(first);
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('reports a conflict with the revision the stream is at, writing nothing', async () => {
      await store.append('s', [event()], { expectedRevision: 'no_stream' });
      const refused = store.append('s', [event()], { expectedRevision: 3 });
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(refused).rejects.toMatchObject({ streamId: 's', expected: 3, actual: 0 });
      await expect(store.append('t', [event()], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
        actual: null,
      });
      expect(await store.readStream('s')).toHaveLength(1);
    });

    it('refuses ids the stream holds other than as this same append', async () => {
      const [a, b] = [event(), event()];
      await store.append('s', [a, b], { expectedRevision: 'no_stream' });
      await expect(store.append('s', [b, event()], { expectedRevision: 0 })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store.append('s', [a], { expectedRevision: 'any' })).resolves.toEqual({
        nextRevision: 0,
        position: (await store.readStream('s'))[0].position,
      });
      await expect(store.append('s', [b, a], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
    });
  });

  describe('reading the log', () => {
    it('reads after an exclusive position, without system events, up to a limit', async () => {
      server.system();
      const first = await store.append('s', [event('A1')], { expectedRevision: 'no_stream' });
      server.system('$ce-s', '$>');
      await store.append('t', [event('B1'), event('B2')], { expectedRevision: 'no_stream' });
      server.system('s-but-system-type', '$metadata');
      await store.append('s', [event('A2')], { expectedRevision: 0 });

      expect((await store.readAll()).map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
      expect((await store.readAll({ from: first.position })).map((e) => e.type)).toEqual(['B1', 'B2', 'A2']);
      expect((await store.readAll({ from: first.position, limit: 2 })).map((e) => e.type)).toEqual(['B1', 'B2']);
      expect(await store.readAll({ limit: 0 })).toEqual([]);
    });

    it('pages through a log longer than a page', async () => {
      for (let i = 0; i < 1_200; i += 1) {
        await store.append(`s-${i % 7}`, [event(`E${i}`)], { expectedRevision: 'any' });
        if (i % 100 === 0) server.system();
      }
      const all = await store.readAll();
      expect(all.map((e) => e.type)).toEqual(Array.from({ length: 1_200 }, (_, i) => `E${i}`));
      const fromMiddle = await store.readAll({ from: all[599].position, limit: 550 });
      expect(fromMiddle.map((e) => e.type)).toEqual(Array.from({ length: 550 }, (_, i) => `E${600 + i}`));
    });

    it('gives the last position past trailing system events, or null when there is nothing else', async () => {
      server.system();
      expect(await store.lastPosition()).toBeNull();
      const { position } = await store.append('s', [event()], { expectedRevision: 'no_stream' });
      for (let i = 0; i < 120; i += 1) server.system();
      expect(await store.lastPosition()).toBe(position);
    });
  });

  describe('subscribing to all', () => {
    const take = async (events: AsyncIterable<StoredEvent>, count: number, onEach?: (e: StoredEvent) => void) => {
      const taken: StoredEvent[] = [];
      for await (const e of events) {
        taken.push(e);
        onEach?.(e);
        if (taken.length === count) break;
      }
      return taken;
    };

    it('catches up after an exclusive position, then follows, without system events; breaking out unsubscribes', async () => {
      const skipped = await store.append('s', [event('Skipped')], { expectedRevision: 'no_stream' });
      await store.append('s', [event('Old')], { expectedRevision: 0 });
      server.system();
      const types = take(store.subscribeAll({ from: skipped.position }), 3);
      await new Promise((resolve) => setImmediate(resolve));
      server.system();
      await store.append('t', [event('New1'), event('New2')], { expectedRevision: 'no_stream' });
      expect((await types).map((e) => e.type)).toEqual(['Old', 'New1', 'New2']);
      expect(server.unsubscribed).toBe(1);
    });

    it('resubscribes after a drop from the last event delivered, without gaps or repeats', async () => {
      const dropped: number[] = [];
      store = create({ resubscribeDelayMs: 5, onSubscriptionDropped: (_, retryInMs) => dropped.push(retryInMs) });
      await store.append('s', [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const types = take(store.subscribeAll(), 4, (e) => {
        if (e.type === 'B') {
          server.drop();
          void store.append('s', [event('C'), event('D')], { expectedRevision: 1 });
        }
      });
      expect((await types).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      const resumedFrom = server.subscriptions.map(({ from }) =>
        typeof from === 'string' ? from : Number(from.commit),
      );
      expect(resumedFrom).toEqual(['start', (await store.readStream('s'))[1].position]);
      expect(dropped).toEqual([5]);
    });

    it('backs off exponentially while resubscriptions fail, up to the maximum', async () => {
      server.confirmSubscriptions = false;
      const dropped: number[] = [];
      const controller = new AbortController();
      store = create({
        resubscribeDelayMs: 1,
        maxResubscribeDelayMs: 8,
        onSubscriptionDropped: (_, retryInMs) => {
          dropped.push(retryInMs);
          if (dropped.length === 6) controller.abort();
        },
      });
      const done = take(store.subscribeAll({ signal: controller.signal }), 1);
      const dropEach = setInterval(() => server.drop(), 2);
      await done;
      clearInterval(dropEach);
      expect(dropped).toEqual([1, 2, 4, 8, 8, 8]);
      expect(server.unsubscribed).toBe(server.subscriptions.length);
    });

    it('ends when the signal aborts while waiting for events, and when the store closes', async () => {
      const controller = new AbortController();
      const aborted = take(store.subscribeAll({ signal: controller.signal }), 1);
      const closed = take(store.subscribeAll(), 1);
      await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      await expect(aborted).resolves.toEqual([]);
      await store.close();
      await expect(closed).resolves.toEqual([]);
      expect(server.unsubscribed).toBe(2);
      expect(server.disposed).toBe(true);
    });
  });
});
