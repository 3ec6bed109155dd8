import { DomainError } from '@app/domain';
import { CommandContext, handleCommand, readState } from './handle-command';
import { verifyHashChains } from './hash-chain';
import { inputFingerprintsOf, inputHashOf } from './idempotency';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { counterDecider, Increment } from './testing/counter-decider';

const actor = { personId: 'person-1', partnerId: 'partner-1', roles: ['ADMINISTRATOR'] };
const increment = (by: number): Increment => ({ type: 'Increment', data: { by } });
const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  actor,
  now: '2020-03-01T10:00:00.000Z',
  correlationId: 'corr-1',
  ...overrides,
});
const keyed = (key: string, by: number) =>
  context({ idempotencyKey: key, inputHash: inputHashOf('increment', { by }) });
/** A request recorded with key-1 and the fingerprint given, as one recorded before the fingerprint changed. */
const keyedWith = (inputHash: string) => context({ idempotencyKey: 'key-1', inputHash });

describe('handling a command', () => {
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('records the decided events with who, when and why, chained by hash', async () => {
    const outcome = await handleCommand(store, 'counter-1', counterDecider, increment(2), context({ reason: 'first' }));
    expect(outcome.events).toEqual([{ type: 'Incremented', data: { by: 2, total: 2 } }]);
    const [stored] = await store.readStream('counter-1');
    expect(stored.metadata).toMatchObject({
      actor,
      occurredAt: '2020-03-01T10:00:00.000Z',
      correlationId: 'corr-1',
      reason: 'first',
      schemaVersion: 5,
    });
    expect(stored.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.position).toBe(stored.position);
    await handleCommand(store, 'counter-1', counterDecider, increment(3), context());
    expect((await verifyHashChains(store)).breaks).toEqual([]);
  });

  it('writes nothing when the decider refuses', async () => {
    await expect(handleCommand(store, 'counter-1', counterDecider, increment(0), context())).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(await store.readAll()).toEqual([]);
  });

  it('never loses an update when many commands race on one stream', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () => handleCommand(store, 'counter-1', counterDecider, increment(1), context())),
    );
    const events = await store.readStream('counter-1');
    expect(events.map((event) => (event.data as { total: number }).total)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('has commands that lost a race on one stream try again in turn, not all again together', async () => {
    let appends = 0;
    const counted = Object.assign(Object.create(store) as InMemoryEventStore, {
      append: (...args: Parameters<InMemoryEventStore['append']>) => {
        appends += 1;
        return store.append(...args);
      },
    });
    await Promise.all(
      Array.from({ length: 10 }, () => handleCommand(counted, 'counter-1', counterDecider, increment(1), context())),
    );
    // Each command's first attempt, then at most one more each: racing all together again would make about 55.
    expect(appends).toBeLessThanOrEqual(19);
    expect((await store.readStream('counter-1')).map((event) => (event.data as { total: number }).total)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('records a request retried with the same idempotency key once and answers it the same way', async () => {
    const first = await handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2));
    const retry = await handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('records concurrent sends of the same key once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        handleCommand(store, 'counter-1', counterDecider, increment(5), keyed('key-1', 5)),
      ),
    );
    expect(await store.readStream('counter-1')).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.position))).toEqual(new Set([1]));
  });

  it('refuses the same key with a different input', async () => {
    await handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2));
    await expect(
      handleCommand(store, 'counter-1', counterDecider, increment(3), keyed('key-1', 3)),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('replays a retry that leaves out an optional field the first request sent as null, and the other way round', async () => {
    const sent = (input: object) => context({ idempotencyKey: 'key-1', ...inputFingerprintsOf('increment', input) });
    const first = await handleCommand(store, 'counter-1', counterDecider, increment(2), sent({ by: 2, note: null }));
    const retry = await handleCommand(store, 'counter-1', counterDecider, increment(2), sent({ by: 2 }));
    expect(retry).toMatchObject({ replayed: true, position: first.position });
    await handleCommand(store, 'counter-2', counterDecider, increment(2), sent({ by: 2 }));
    await expect(
      handleCommand(store, 'counter-2', counterDecider, increment(2), sent({ by: 2, note: null })),
    ).resolves.toMatchObject({ replayed: true });
    expect(await store.readAll()).toHaveLength(2);
  });

  it('replays a retry of a request whose key was recorded with the former fingerprint, nulls kept', async () => {
    const input = { by: 2, note: null };
    const { formerInputHash } = inputFingerprintsOf('increment', input);
    await handleCommand(store, 'counter-1', counterDecider, increment(2), keyedWith(formerInputHash));
    const retry = context({ idempotencyKey: 'key-1', ...inputFingerprintsOf('increment', input) });
    await expect(handleCommand(store, 'counter-1', counterDecider, increment(2), retry)).resolves.toMatchObject({
      replayed: true,
    });
    const other = context({ idempotencyKey: 'key-1', ...inputFingerprintsOf('increment', { by: 3, note: null }) });
    await expect(handleCommand(store, 'counter-1', counterDecider, increment(3), other)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('refuses the loser when one key is sent concurrently with different inputs', async () => {
    const outcomes = await Promise.allSettled([
      handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2)),
      handleCommand(store, 'counter-1', counterDecider, increment(3), keyed('key-1', 3)),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('treats the same key from another person as a different request', async () => {
    await handleCommand(store, 'counter-1', counterDecider, increment(2), keyed('key-1', 2));
    await handleCommand(store, 'counter-1', counterDecider, increment(2), {
      ...keyed('key-1', 2),
      actor: { ...actor, personId: 'person-2' },
    });
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });
  it('builds the command again from the other stream, read after a conflict', async () => {
    await handleCommand(store, 'limit-1', counterDecider, increment(1), context());
    let builds = 0;
    const outcome = await handleCommand(
      store,
      'counter-1',
      counterDecider,
      async () => {
        builds += 1;
        const limit = await readState(store, 'limit-1', counterDecider);
        if (builds === 1) {
          // Someone else changes both streams between this read and the append.
          await handleCommand(store, 'limit-1', counterDecider, increment(4), context());
          await handleCommand(store, 'counter-1', counterDecider, increment(1), context());
        }
        return increment(limit);
      },
      context(),
    );
    expect(builds).toBe(2);
    expect(outcome.events).toEqual([{ type: 'Incremented', data: { by: 5, total: 6 } }]);
  });
});
