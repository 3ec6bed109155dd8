import Database from 'better-sqlite3';
import { generateKeyPair } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCommand } from '../handle-command';
import { EventStore } from '../event-store';
import { verifyHashChains } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { counterDecider } from '../testing/counter-decider';
import { alterEventAndRechain } from '../testing/rechain-with-sql';
import { signTreeHead } from './signed-tree-head';
import { signAndRecordTreeHead, TransparencyLog, TRANSPARENCY_LOG_STREAM } from './transparency-log';

const context = {
  actor: { personId: 'p', partnerId: null, roles: [] },
  now: '2026-03-02T09:00:00.000Z',
  correlationId: 'c',
};

describe('the transparency log over the store (A4)', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let key: Awaited<ReturnType<typeof generateKeyPair>> & { kid: string };

  const increment = (stream: string) =>
    handleCommand(store, stream, counterDecider, { type: 'Increment', data: { by: 1 } }, context);
  const sql = (statement: string) => {
    const raw = new Database(file);
    raw.exec(statement);
    raw.close();
  };
  const problemsNow = async () => (await TransparencyLog.scan(store)).problems(key.publicKey);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tlog-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore(file);
    key = { ...(await generateKeyPair('ES256')), kid: 'log-key-1' };
    for (const stream of ['counter-a', 'counter-b', 'counter-a', 'counter-b', 'counter-a']) await increment(stream);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a head of the whole store, records it as the newest event, and every later head still holds', async () => {
    const first = await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    expect(first).toMatchObject({ signed: true, head: { treeSize: 5, timestamp: '2026-03-02T09:01:00.000Z' } });
    await increment('counter-b');
    const second = await signAndRecordTreeHead(store, key, new Date('2026-03-03T00:00:00Z'), 'test');
    expect(second).toMatchObject({ signed: true, head: { treeSize: 7 } });

    const log = await TransparencyLog.scan(store);
    expect(log.size).toBe(8);
    expect(log.heads.map((h) => [h.head.treeSize, h.leafIndex])).toEqual([
      [5, 5],
      [7, 7],
    ]);
    expect(log.latestHead?.treeSize).toBe(7);
    expect(await log.problems(key.publicKey)).toEqual([]);
    expect(log.activity).toEqual({
      lastHeadAt: '2026-03-03T00:00:00.000Z',
      firstChangeOfLatestDay: '2026-03-02T09:00:00.000Z',
    });
  });

  it('finds an event altered with its chain recomputed, which the hash chains alone pass', async () => {
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    alterEventAndRechain(file, 'counter-a', 1, (data) => ({ ...data, by: 100 }));
    expect((await verifyHashChains(store)).breaks).toEqual([]);
    expect(await problemsNow()).toEqual([expect.stringMatching(/first 5 events no longer have the root/)]);
  });

  it('finds the last event of a stream deleted, and a whole stream deleted', async () => {
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    await increment('counter-c');
    sql(`DELETE FROM events WHERE stream_id = 'counter-b' AND revision = 1`);
    expect(await problemsNow()).toEqual([expect.stringMatching(/first 5 events no longer have the root/)]);
    sql(`DELETE FROM events WHERE stream_id = 'counter-b'`);
    expect(await problemsNow()).toEqual([expect.stringMatching(/first 5 events no longer have the root/)]);
  });

  it('finds the log truncated below a head, and a head whose signature is not the log key', async () => {
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    sql(`DELETE FROM events WHERE position > 3 AND stream_id != '${TRANSPARENCY_LOG_STREAM}'`);
    expect(await problemsNow()).toEqual([
      expect.stringMatching(/covers 5 events but the store holds 4: events were removed/),
    ]);

    const log = await TransparencyLog.scan(store);
    const other = { ...(await generateKeyPair('ES256')), kid: 'log-key-1' };
    const forged = await signTreeHead({ treeSize: 4, rootHash: await log.rootHash(), timestamp: context.now }, other);
    expect(await log.problemsWith(forged, key.publicKey)).toEqual([expect.stringMatching(/signature does not verify/)]);
    expect(await log.problemsWith({ ...forged, treeSize: 3 }, other.publicKey)).toEqual([
      expect.stringMatching(/signature does not verify/),
      expect.stringMatching(/first 3 events no longer have the root/),
    ]);
  });

  it('refuses to sign over a history that contradicts a head it recorded', async () => {
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    alterEventAndRechain(file, 'counter-b', 0, (data) => ({ ...data, by: 7 }));
    const outcome = await signAndRecordTreeHead(store, key, new Date('2026-03-03T00:00:00Z'), 'test');
    expect(outcome).toMatchObject({ signed: false, problems: [expect.stringMatching(/no longer have the root/)] });
    expect((await store.readStream(TRANSPARENCY_LOG_STREAM)).length).toBe(1);
  });

  it('checks a head inside a complete chunk of the tree from the chunk read back, and finds it changed under a log that read it', async () => {
    for (let i = 0; i < 60; i += 1) await increment('counter-d');
    for (let i = 0; i < 5; i += 1) await increment('counter-c');
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    for (let i = 0; i < 60; i += 1) await increment('counter-d');
    const running = await TransparencyLog.scan(store);
    expect(running.size).toBe(131);
    expect(running.heads.map(({ head }) => head.treeSize)).toEqual([70]);
    expect(await problemsNow()).toEqual([]);

    // counter-c's first event is leaf 65: inside the head, in the complete chunk of leaves 64 to 127.
    alterEventAndRechain(file, 'counter-c', 0, (data) => ({ ...data, by: 100 }));
    expect(await running.problems(key.publicKey)).toEqual([
      expect.stringMatching(/first 70 events cannot be checked .* leaves 64 to 127 are no longer those the log read/),
    ]);
    expect(await problemsNow()).toEqual([expect.stringMatching(/first 70 events no longer have the root/)]);
  });

  it('checks each head against leaves read back once: asked again it reads nothing, and leaves changed before a head was checked are found each time', async () => {
    const growTo = async (size: number) => {
      while (((await store.lastPosition()) ?? 0) < size) await increment('counter-d');
    };
    // Heads of 69, 133 and 197 events: each inside a complete chunk of its own once the log is 260 long.
    await growTo(69);
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    await growTo(133);
    await signAndRecordTreeHead(store, key, new Date('2026-03-03T09:01:00Z'), 'test');
    await growTo(149);
    // counter-c's only event is leaf 149: under the head of 197, in the chunk the head of 133 reads back.
    await increment('counter-c');
    await growTo(197);
    await signAndRecordTreeHead(store, key, new Date('2026-03-04T09:01:00Z'), 'test');
    await growTo(260);
    let reads = 0;
    const counted: EventStore = {
      kind: 'sqlite, its reads counted',
      append: (...args) => store.append(...args),
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => ((reads += 1), store.readAll(...args)),
      readLogEntries: (...args) => ((reads += 1), store.readLogEntries(...args)),
      subscribeAll: (...args) => store.subscribeAll(...args),
      lastPosition: () => store.lastPosition(),
      close: async () => undefined,
    };
    const checked = await TransparencyLog.scan(counted);
    const unchecked = await TransparencyLog.scan(counted);
    expect(checked.heads.map(({ head }) => head.treeSize)).toEqual([69, 133, 197]);
    reads = 0;

    expect(await checked.problems(key.publicKey)).toEqual([]);
    expect(reads).toBe(3);
    expect(await checked.problems(key.publicKey)).toEqual([]);
    expect(reads).toBe(3);

    alterEventAndRechain(file, 'counter-c', 0, (data) => ({ ...data, by: 100 }));
    // A log that checked its heads before the change keeps its answer without reading the store…
    expect(await checked.problems(key.publicKey)).toEqual([]);
    expect(reads).toBe(3);
    // …one that checks them now finds changed the chunk the head of 133 needs read back (197's root
    // needs only its own chunk, the rest the log kept as first read), and tries it again when asked…
    const changed = [
      expect.stringMatching(/first 133 events cannot be checked .* leaves 128 to 191 are no longer those the log read/),
    ];
    expect(await unchecked.problems(key.publicKey)).toEqual(changed);
    expect(reads).toBe(6);
    expect(await unchecked.problems(key.publicKey)).toEqual(changed);
    expect(reads).toBe(7);
    // …and the whole reading of the store that comes before every signing finds the head over it.
    const signing = await signAndRecordTreeHead(counted, key, new Date('2026-03-05T09:01:00Z'), 'test');
    expect(signing).toMatchObject({
      signed: false,
      problems: [expect.stringMatching(/first 197 events no longer have the root/)],
    });
  });

  it('reads the same log from the store’s log entries as from its whole events, even from events missing their hash or time', async () => {
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    await increment('counter-c');
    sql(`UPDATE events SET metadata = json_remove(metadata, '$.hash', '$.occurredAt') WHERE position = 2`);
    const wholeEvents: EventStore = {
      kind: 'whole events',
      append: (...args) => store.append(...args),
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => store.readAll(...args),
      subscribeAll: (...args) => store.subscribeAll(...args),
      lastPosition: () => store.lastPosition(),
      close: async () => undefined,
    };
    const seen = async (log: TransparencyLog) => ({
      size: log.size,
      root: await log.rootHash(),
      heads: log.heads,
      activity: log.activity,
      problems: await log.problems(key.publicKey),
    });
    const fromEntries = await seen(await TransparencyLog.scan(store));
    expect(fromEntries).toEqual(await seen(await TransparencyLog.scan(wholeEvents)));
    expect(fromEntries).toMatchObject({ size: 7, heads: [{ leafIndex: 5 }] });
  });
});
