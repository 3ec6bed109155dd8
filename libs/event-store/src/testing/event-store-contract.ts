import { randomUUID } from 'node:crypto';
import {
  ANY,
  DuplicateEventIdError,
  EventStore,
  NewEvent,
  NO_STREAM,
  StoredEvent,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '../event-store';

export interface ContractFixture {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

const event = (type = 'SomethingHappened', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { occurredAt: '2020-03-01T10:00:00.000Z', actor: { personId: 'p-1' } },
});

/**
 * The behaviour every EventStore adapter must have. Stream names are unique per test, and log
 * reads are filtered to them, so the suite also runs against a shared server that holds other data.
 */
export interface ContractOptions {
  /**
   * Whether the adapter refuses an event id already recorded in another stream. EventStoreDB keeps
   * no index of event ids across streams, so its adapter cannot; the test then shows as skipped.
   */
  readonly detectsIdReuseAcrossStreams?: boolean;
}

export function eventStoreContract(
  name: string,
  createFixture: () => Promise<ContractFixture>,
  options: ContractOptions = {},
): void {
  const acrossStreams = options.detectsIdReuseAcrossStreams === false ? it.skip : it;
  describe(`EventStore contract: ${name}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    let stream: (label?: string) => string;

    beforeEach(async () => {
      fixture = await createFixture();
      store = fixture.store;
      const run = randomUUID().slice(0, 8);
      stream = (label = 'a') => `contract-${run}-${label}`;
    });
    afterEach(async () => fixture.cleanup());

    const ours = (events: StoredEvent[], prefix: string) => events.filter((e) => e.streamId.startsWith(prefix));

    describe('expected revision', () => {
      it('NO_STREAM creates a stream, and fails once it exists', async () => {
        const result = await store.append(stream(), [event(), event()], { expectedRevision: NO_STREAM });
        expect(result.nextRevision).toBe(1);
        await expect(store.append(stream(), [event()], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
      });

      it('STREAM_EXISTS fails on a missing stream and appends to an existing one', async () => {
        await expect(store.append(stream(), [event()], { expectedRevision: STREAM_EXISTS })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.append(stream(), [event()], { expectedRevision: NO_STREAM });
        const result = await store.append(stream(), [event()], { expectedRevision: STREAM_EXISTS });
        expect(result.nextRevision).toBe(1);
      });

      it('a number must be the revision of the last event', async () => {
        await expect(store.append(stream(), [event()], { expectedRevision: 0 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.append(stream(), [event(), event()], { expectedRevision: NO_STREAM });
        await expect(store.append(stream(), [event()], { expectedRevision: 0 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await expect(store.append(stream(), [event()], { expectedRevision: 2 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        const result = await store.append(stream(), [event()], { expectedRevision: 1 });
        expect(result.nextRevision).toBe(2);
      });

      it('ANY appends whether or not the stream exists', async () => {
        await store.append(stream(), [event()], { expectedRevision: ANY });
        const result = await store.append(stream(), [event()], { expectedRevision: ANY });
        expect(result.nextRevision).toBe(1);
      });

      it('a refused append writes nothing', async () => {
        await store.append(stream(), [event()], { expectedRevision: NO_STREAM });
        await expect(store.append(stream(), [event(), event()], { expectedRevision: 5 })).rejects.toThrow();
        expect(await store.readStream(stream())).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a stream in revision order with data and metadata intact', async () => {
        const written = [event('A', { text: 'Bristol', n: 1 }), event('B', { nested: { list: [1, 2] } })];
        await store.append(stream(), written, { expectedRevision: NO_STREAM });
        const read = await store.readStream(stream());
        expect(read.map((e) => [e.id, e.type, e.revision, e.data, e.metadata])).toEqual(
          written.map((e, i) => [e.id, e.type, i, e.data, e.metadata]),
        );
        expect(read.every((e) => e.streamId === stream() && typeof e.recordedAt === 'string')).toBe(true);
      });

      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
        expect(await store.readStream(stream('missing'), { fromRevision: 3 })).toEqual([]);
      });

      it('reads a stream from a revision on, that revision included', async () => {
        await store.append(stream(), [event('A'), event('B'), event('C')], { expectedRevision: NO_STREAM });
        await store.append(stream('other'), [event('X')], { expectedRevision: NO_STREAM });
        const tail = await store.readStream(stream(), { fromRevision: 1 });
        expect(tail.map((e) => [e.type, e.revision])).toEqual([
          ['B', 1],
          ['C', 2],
        ]);
        expect(await store.readStream(stream(), { fromRevision: 0 })).toHaveLength(3);
        expect(await store.readStream(stream(), { fromRevision: 3 })).toEqual([]);
      });

      it('reads at most a limit of events of a stream, from a revision on', async () => {
        await store.append(stream(), [event('A'), event('B'), event('C'), event('D')], { expectedRevision: NO_STREAM });
        const page = async (fromRevision: number, limit: number) =>
          (await store.readStream(stream(), { fromRevision, limit })).map((e) => [e.type, e.revision]);
        expect(await page(0, 2)).toEqual([
          ['A', 0],
          ['B', 1],
        ]);
        expect(await page(2, 2)).toEqual([
          ['C', 2],
          ['D', 3],
        ]);
        expect(await page(3, 2)).toEqual([['D', 3]]);
        expect(await page(4, 2)).toEqual([]);
      });

      it('reads the whole log in global order from an exclusive position', async () => {
        const before = await store.lastPosition();
        await store.append(stream('a'), [event('A1')], { expectedRevision: NO_STREAM });
        await store.append(stream('b'), [event('B1'), event('B2')], { expectedRevision: NO_STREAM });
        const last = await store.append(stream('a'), [event('A2')], { expectedRevision: 0 });
        const all = ours(await store.readAll({ from: before }), stream(''));
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(new Set(positions).size).toBe(4);
        expect(all[3].position).toBe(last.position);
        expect(await store.lastPosition()).toBeGreaterThanOrEqual(last.position);

        const afterSecond = ours(await store.readAll({ from: all[1].position }), stream(''));
        expect(afterSecond.map((e) => e.type)).toEqual(['B2', 'A2']);
        const limited = await store.readAll({ from: before, limit: 2 });
        expect(limited).toHaveLength(2);
      });
    });

    describe('event ids', () => {
      it('records a retried append of the same events once and answers as the first time', async () => {
        const batch = [event(), event()];
        const first = await store.append(stream(), batch, { expectedRevision: NO_STREAM });
        const retried = await store.append(stream(), batch, { expectedRevision: NO_STREAM });
        expect(retried).toEqual(first);
        expect(await store.readStream(stream())).toHaveLength(2);
      });

      acrossStreams('refuses an id already recorded in another stream', async () => {
        const reused = event();
        await store.append(stream('a'), [reused], { expectedRevision: NO_STREAM });
        await expect(store.append(stream('b'), [reused], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect(await store.readStream(stream('b'))).toEqual([]);
      });
    });

    describe('concurrency', () => {
      it('of 20 concurrent appends expecting the same revision exactly one wins', async () => {
        await store.append(stream(), [event()], { expectedRevision: NO_STREAM });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.append(stream(), [event('Racer', { i })], { expectedRevision: 0 }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        expect(lost.every((o) => o.reason instanceof WrongExpectedVersionError)).toBe(true);
        expect(await store.readStream(stream())).toHaveLength(2);
      });
    });

    describe('subscribing to all', () => {
      it('catches up from a position, then follows live appends, in order and without gaps', async () => {
        const start = await store.lastPosition();
        await store.append(stream(), [event('Old1'), event('Old2')], { expectedRevision: NO_STREAM });
        const controller = new AbortController();
        const received: string[] = [];
        const done = (async () => {
          for await (const e of store.subscribeAll({ from: start, signal: controller.signal })) {
            if (!e.streamId.startsWith(stream(''))) continue;
            received.push(e.type);
            if (received.length === 4) break;
          }
        })();
        await waitUntil(() => received.length === 2);
        await store.append(stream(), [event('New1')], { expectedRevision: 1 });
        await store.append(stream('other'), [event('New2')], { expectedRevision: NO_STREAM });
        await done;
        controller.abort();
        expect(received).toEqual(['Old1', 'Old2', 'New1', 'New2']);
      });

      it('starts after the given position', async () => {
        const first = await store.append(stream(), [event('Skipped')], { expectedRevision: NO_STREAM });
        await store.append(stream(), [event('Seen')], { expectedRevision: 0 });
        const controller = new AbortController();
        let firstSeen: string | undefined;
        for await (const e of store.subscribeAll({ from: first.position, signal: controller.signal })) {
          if (e.streamId === stream()) {
            firstSeen = e.type;
            break;
          }
        }
        controller.abort();
        expect(firstSeen).toBe('Seen');
      });
    });
  });
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
