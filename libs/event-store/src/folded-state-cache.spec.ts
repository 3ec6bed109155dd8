import { Decider, Message, REDACTED_TEXT, REDACTIONS_STREAM } from '@app/domain';
import { EventStore, NO_STREAM, ReadStreamOptions } from './event-store';
import { redactEventField } from './redact';
import { FOLD_PAGE, FoldedStateCache } from './folded-state-cache';
import { CommandContext, handleCommand } from './handle-command';
import { inputHashOf } from './idempotency';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { recordBlockedTask } from './testing/blocked-task';
import { counterDecider, Increment, Incremented } from './testing/counter-decider';

const actor = { personId: 'person-1', partnerId: null, roles: ['ADMINISTRATOR'] };
const context: CommandContext = { actor, now: '2020-03-01T10:00:00.000Z', correlationId: 'corr-1' };
const increment = (by: number): Increment => ({ type: 'Increment', data: { by } });
const keyed = (key: string, by: number): CommandContext => ({
  ...context,
  idempotencyKey: key,
  inputHash: inputHashOf('increment', { by }),
});

/** Counts the events folded, so a state built from part of a stream shows it (the counter's own state would not). */
const eventCount: Decider<Increment, Incremented, number> = {
  initialState: 0,
  evolve: (count) => count + 1,
  decide: (command, total) => counterDecider.decide(command, total),
};

/**
 * The store, with every readStream call recorded as the revision it started from and the most it asked for;
 * the cache's look at the redactions stream, made on every read, is left out.
 */
function observed(store: EventStore): { store: EventStore; readsFrom: number[]; limits: (number | undefined)[] } {
  const readsFrom: number[] = [];
  const limits: (number | undefined)[] = [];
  const readStream = store.readStream.bind(store);
  store.readStream = (streamId: string, options?: ReadStreamOptions) => {
    if (streamId === REDACTIONS_STREAM) return readStream(streamId, options);
    readsFrom.push(options?.fromRevision ?? 0);
    limits.push(options?.limit);
    return readStream(streamId, options);
  };
  return { store, readsFrom, limits };
}

/** `length` increments of one, as recorded events. */
function counted(length: number) {
  return Array.from({ length }, (_, n) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Incremented',
    data: { by: 1, total: n + 1 },
    metadata: {},
  }));
}

async function totalOf(store: EventStore, streamId: string): Promise<number> {
  const events = await store.readStream(streamId);
  return (events[events.length - 1].data as { total: number }).total;
}

describe('the folded-state cache', () => {
  it('reads only the events after the revision it holds, once it has folded a stream', async () => {
    const { store, readsFrom } = observed(new InMemoryEventStore());
    const cache = new FoldedStateCache();
    for (let n = 0; n < 5; n += 1)
      await handleCommand(store, 'counter-1', counterDecider, increment(1), context, cache);
    // Each read starts at the newest event the previous one saw, which must come back unchanged.
    expect(readsFrom).toEqual([0, 0, 0, 1, 2]);
    expect((await cache.read(store, 'counter-1', eventCount)).state).toBe(5);
  });

  it('folds a stream longer than a page a page at a time, never reading it whole', async () => {
    const length = FOLD_PAGE * 2 + 3;
    const { store, readsFrom, limits } = observed(new InMemoryEventStore());
    await store.append('counter-1', counted(length), { expectedRevision: NO_STREAM });
    const cache = new FoldedStateCache();
    expect((await cache.read(store, 'counter-1', eventCount)).state).toBe(length);
    expect(readsFrom).toEqual([0, FOLD_PAGE, FOLD_PAGE * 2]);
    expect(limits).toEqual([FOLD_PAGE, FOLD_PAGE, FOLD_PAGE]);
    await handleCommand(store, 'counter-1', eventCount, increment(1), context, cache);
    // The command's read starts at the newest event folded, a page at most.
    expect(readsFrom.slice(3)).toEqual([length - 1]);
    expect((await cache.read(store, 'counter-1', eventCount)).state).toBe(length + 1);
  });

  it('folds a long stream once for requests that arrive while it is folded, each then reading only what is newer', async () => {
    const length = FOLD_PAGE * 2 + 3;
    const { store, readsFrom } = observed(new InMemoryEventStore());
    await store.append('counter-1', counted(length), { expectedRevision: NO_STREAM });
    const cache = new FoldedStateCache();
    const states = await Promise.all([1, 2, 3].map(() => cache.read(store, 'counter-1', eventCount)));
    expect(states.map((folded) => folded.state)).toEqual([length, length, length]);
    expect(readsFrom).toEqual([0, FOLD_PAGE, FOLD_PAGE * 2, length - 1, length - 1]);
  });

  it('given a first fold that fails, then the requests waiting on it fold the stream themselves', async () => {
    const store = new InMemoryEventStore();
    await store.append('counter-1', counted(3), { expectedRevision: NO_STREAM });
    const readStream = store.readStream.bind(store);
    let failures = 1;
    store.readStream = (streamId: string, options?: ReadStreamOptions) =>
      failures-- > 0 ? Promise.reject(new Error('disk read failed')) : readStream(streamId, options);
    const cache = new FoldedStateCache();
    const reads = await Promise.allSettled([1, 2, 3].map(() => cache.read(store, 'counter-1', eventCount)));
    expect(reads.map((read) => (read.status === 'fulfilled' ? read.value.state : read.reason.message))).toEqual([
      'disk read failed',
      3,
      3,
    ]);
  });

  it('sees what another process appended between two commands, never its stale state', async () => {
    const store = new InMemoryEventStore();
    const here = new FoldedStateCache();
    const elsewhere = new FoldedStateCache();
    await handleCommand(store, 'counter-1', counterDecider, increment(1), context, here);
    await handleCommand(store, 'counter-1', counterDecider, increment(10), context, elsewhere);
    await handleCommand(store, 'counter-1', counterDecider, increment(100), context, here);
    expect(await totalOf(store, 'counter-1')).toBe(111);
    expect((await here.read(store, 'counter-1', eventCount)).state).toBe(3);
  });

  it('on a conflict with a writer elsewhere, reads just what that writer added and decides again', async () => {
    const { store, readsFrom } = observed(new InMemoryEventStore());
    const here = new FoldedStateCache();
    for (let n = 0; n < 3; n += 1) await handleCommand(store, 'counter-1', counterDecider, increment(1), context, here);
    const append = store.append.bind(store);
    let interleaved = false;
    store.append = async (streamId, events, options) => {
      if (!interleaved) {
        interleaved = true;
        // Another process writes after this one read the stream and before its append lands.
        await handleCommand(store, 'counter-1', counterDecider, increment(10), context, new FoldedStateCache());
      }
      return await append(streamId, events, options);
    };
    readsFrom.length = 0;
    await handleCommand(store, 'counter-1', counterDecider, increment(100), context, here);
    // Here from revision 1; elsewhere the whole stream; here again, after the conflict, from revision 2.
    expect(readsFrom).toEqual([1, 0, 2]);
    expect(await totalOf(store, 'counter-1')).toBe(113);
  });

  it('answers a retried idempotency key without reading the stream from the start', async () => {
    const { store, readsFrom } = observed(new InMemoryEventStore());
    const cache = new FoldedStateCache();
    const unkeyed = async (times: number) => {
      for (let n = 0; n < times; n += 1)
        await handleCommand(store, 'counter-1', counterDecider, increment(1), context, cache);
    };
    await unkeyed(3);
    const first = await handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2), cache);
    await unkeyed(5);
    readsFrom.length = 0;
    const retry = await handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2), cache);
    expect(retry).toEqual({ ...first, replayed: true });
    // The delta since the last command, then the stream from the revision the keyed command recorded (3) on.
    expect(readsFrom).toEqual([7, 3]);
    await expect(
      handleCommand(store, 'counter-1', counterDecider, increment(3), keyed('key-1', 3), cache),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await store.readStream('counter-1')).toHaveLength(9);
  });

  it('folds a stream afresh when the store no longer holds the event it cached', async () => {
    const cache = new FoldedStateCache();
    const before = new InMemoryEventStore();
    for (let n = 0; n < 3; n += 1)
      await handleCommand(before, 'counter-1', counterDecider, increment(1), context, cache);
    const after = new InMemoryEventStore();
    for (let n = 0; n < 4; n += 1) await handleCommand(after, 'counter-1', counterDecider, increment(5), context);
    expect((await cache.read(before, 'counter-1', eventCount)).state).toBe(3);
    expect((await cache.read(after, 'counter-1', eventCount)).state).toBe(4);
    await handleCommand(after, 'counter-1', counterDecider, increment(1), context, cache);
    expect(await totalOf(after, 'counter-1')).toBe(21);
  });

  it('keeps one state per decider for the same stream', async () => {
    const store = new InMemoryEventStore();
    const cache = new FoldedStateCache();
    await handleCommand(store, 'counter-1', counterDecider, increment(7), context, cache);
    await handleCommand(store, 'counter-1', counterDecider, increment(7), context, cache);
    expect((await cache.read(store, 'counter-1', counterDecider)).state).toBe(14);
    expect((await cache.read(store, 'counter-1', eventCount)).state).toBe(2);
  });

  it('evicts the least recently used stream beyond its capacity, and folds it afresh when asked again', async () => {
    const { store, readsFrom } = observed(new InMemoryEventStore());
    const cache = new FoldedStateCache(2);
    for (const stream of ['a', 'b', 'c']) {
      await handleCommand(store, stream, counterDecider, increment(1), context, cache);
      await handleCommand(store, stream, counterDecider, increment(1), context, cache);
      await cache.read(store, stream, counterDecider);
    }
    await cache.read(store, 'b', counterDecider);
    expect(cache.size).toBe(2);
    readsFrom.length = 0;
    await cache.read(store, 'c', counterDecider);
    await cache.read(store, 'b', counterDecider);
    expect((await cache.read(store, 'a', counterDecider)).state).toBe(2);
    // b and c from their cached revision 1; a, evicted, from the start.
    expect(readsFrom).toEqual([1, 1, 0]);
    expect(cache.size).toBe(2);
  });

  describe('given a stream folded with a reason that names a child', () => {
    type Blocked = Message<'TaskBlocked', { taskId: string; reason: string }>;
    /** The last reason a task was blocked for. */
    const lastReason: Decider<Message, Blocked, string> = {
      initialState: '',
      evolve: (_, event) => event.data.reason,
      decide: () => [],
    };
    const admin = { actor, now: '2026-11-24T10:00:00.000Z', correlationId: 'c' };
    it('when the reason is redacted since, by this process or another, then the state is folded afresh, never the one folded before (A7)', async () => {
      const { store, readsFrom } = observed(new InMemoryEventStore());
      const cache = new FoldedStateCache();
      const eventId = await recordBlockedTask(store);
      expect((await cache.read(store, 'workstream-w1', lastReason)).state).toMatch(/Tyler Jones/);
      // Recorded through another cache, as another process would: the event keeps its id and hash.
      await redactEventField(store, { eventId, field: 'reason', reason: 'Names a child (R40)' }, admin);
      readsFrom.length = 0;
      expect((await cache.read(store, 'workstream-w1', lastReason)).state).toBe(REDACTED_TEXT);
      expect(readsFrom).toEqual([0]);
    });
  });
});
