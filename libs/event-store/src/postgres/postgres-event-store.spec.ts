import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { ANY, NewEvent, NO_STREAM, StoredEvent, WrongExpectedVersionError } from '../event-store';
import { chainEvents, verifyHashChains } from '../hash-chain';
import { SYSTEM_ACTOR } from '../metadata';
import { eventStoreContract } from '../testing/event-store-contract';
import { describeWithPostgres, dropTestSchema, freshTestSchema } from '../testing/postgres-test-schema';
import { appendEvents } from './postgres-append';
import { PostgresEventStore } from './postgres-event-store';

const event = (type = 'SomethingHappened', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { occurredAt: '2020-03-01T10:00:00.000Z' },
});

describeWithPostgres('the PostgreSQL event store', (connectionString) => {
  eventStoreContract('postgres', async () => {
    const schema = freshTestSchema();
    const store = new PostgresEventStore(connectionString, { schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropTestSchema(connectionString, schema);
      },
    };
  });

  describe('shared by several instances', () => {
    let schema: string;
    let stores: PostgresEventStore[];
    // Each store has its own connections, so to the server these are separate writers, as separate processes are.
    const instance = (options: { pollMs?: number } = {}) => {
      const store = new PostgresEventStore(connectionString, { schema, ...options });
      stores.push(store);
      return store;
    };

    beforeEach(() => {
      schema = freshTestSchema();
      stores = [];
    });
    afterEach(async () => {
      for (const store of stores) await store.close();
      await dropTestSchema(connectionString, schema);
    });

    it('lets exactly one of many writers in different instances append at the same expected revision', async () => {
      const [first, second] = [instance(), instance()];
      await first.append('contested', [event()], { expectedRevision: NO_STREAM });
      const outcomes = await Promise.allSettled(
        [first, second].flatMap((store) =>
          Array.from({ length: 10 }, () => store.append('contested', [event('Racer')], { expectedRevision: 0 })),
        ),
      );
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof WrongExpectedVersionError)).toBe(true);
      expect(await first.readStream('contested')).toHaveLength(2);
    });

    it('appends every one of many ANY appends that writers in different instances make to one stream at once', async () => {
      const writers = [instance(), instance()];
      const outcomes = await Promise.allSettled(
        writers.flatMap((store) =>
          Array.from({ length: 10 }, () => store.append('shared', [event('Noted')], { expectedRevision: ANY })),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect((await writers[0].readStream('shared')).map((e) => e.revision)).toEqual([...Array(20).keys()]);
    });

    it('answers a retry that waited for the first attempt to commit as the first attempt was answered', async () => {
      const store = instance();
      await store.lastPosition();
      const batch = [event(), event()];
      const first = new Client({ connectionString });
      await first.connect();
      try {
        await first.query('BEGIN');
        const answer = await appendEvents(first, store.names, 'retried', batch, NO_STREAM, []);
        const retry = store.append('retried', batch, { expectedRevision: NO_STREAM });
        await waitForAppendWaitingOnLock(first, store.names.appendLock);
        await first.query('COMMIT');
        expect(await retry).toEqual(answer);
        expect(await store.readStream('retried')).toHaveLength(2);
      } finally {
        await first.end();
      }
    });

    it('commits every append durably, even on a connection whose synchronous_commit is off', async () => {
      const store = instance();
      await store.lastPosition();
      const client = new Client({ connectionString });
      await client.connect();
      const setting = async () => (await client.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
      try {
        await client.query('SET synchronous_commit = off');
        await client.query('BEGIN');
        await appendEvents(client, store.names, 'durable', [event()], NO_STREAM, []);
        expect(await setting()).toBe('on');
        await client.query('COMMIT');
        expect(await setting()).toBe('off');
      } finally {
        await client.end();
      }
    });

    it('never shows a reader a position before an earlier, slower transaction has committed', async () => {
      const store = instance();
      const before = await store.lastPosition();
      const slow = new Client({ connectionString });
      await slow.connect();
      try {
        await slow.query('BEGIN');
        const slowAppend = await appendEvents(slow, store.names, 'slow', [event('Slow')], NO_STREAM, []);

        const fastAppend = store.append('fast', [event('Fast')], { expectedRevision: NO_STREAM });
        await waitForAppendWaitingOnLock(slow, store.names.appendLock);
        expect(await store.readAll({ from: before })).toEqual([]);

        await slow.query('COMMIT');
        const fast = await fastAppend;
        expect(fast.position).toBeGreaterThan(slowAppend.position);
        const all = await store.readAll({ from: before });
        expect(all.map((e) => [e.type, e.position])).toEqual([
          ['Slow', slowAppend.position],
          ['Fast', fast.position],
        ]);
      } finally {
        await slow.end();
      }
    });

    it('gives a reader following from its checkpoint every event that concurrent writers commit, in order', async () => {
      const writers = [instance(), instance(), instance()];
      const reader = instance();
      const written: string[] = [];
      const writing = Promise.all(
        writers.map(async (store, w) => {
          for (let revision = 0; revision < 40; revision += 1) {
            const e = event('Written', { w, revision });
            await store.append(`writer-${w}`, [e], { expectedRevision: revision === 0 ? NO_STREAM : revision - 1 });
            written.push(e.id);
          }
        }),
      );
      const seen: StoredEvent[] = [];
      let checkpoint: number | null = null;
      let finished = false;
      void writing.then(() => (finished = true));
      for (;;) {
        const done = finished;
        const page = await reader.readAll({ from: checkpoint, limit: 5 });
        seen.push(...page);
        if (page.length > 0) checkpoint = page[page.length - 1].position;
        if (done && page.length === 0) break;
      }
      await writing;
      expect(seen.map((e) => e.id).sort()).toEqual([...written].sort());
      const positions = seen.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('wakes a live subscriber in one instance with NOTIFY when another instance appends', async () => {
      // Polling an hour apart, the subscriber can only learn of the append from the notification.
      const subscriber = instance({ pollMs: 3_600_000 });
      const writer = instance();
      const controller = new AbortController();
      let caughtUp = false;
      const received = (async () => {
        for await (const e of subscriber.subscribeAll({ signal: controller.signal })) {
          if (e.type === 'Live') return e;
          if (e.type === 'Old') caughtUp = true;
        }
        return undefined;
      })();
      await writer.append('announcements', [event('Old')], { expectedRevision: NO_STREAM });
      await waitUntil(() => caughtUp);
      const { position } = await writer.append('announcements', [event('Live')], { expectedRevision: 0 });
      expect((await received)?.position).toBe(position);
      controller.abort();
    });

    it('keeps each hash chain verifiable, whatever text an event holds, and shows where a row was altered', async () => {
      const store = instance();
      const data = [
        {
          text: 'Bristol — “quoted” ünïcödé 😀',
          control: 'a\u0000b\u001f',
          zero: 0,
          fraction: 0.1,
          big: 1e21,
          negative: -12.5,
        },
        { z: 1, a: { y: [3, 2, 1], b: null, x: true }, empty: {}, list: [] },
      ];
      const metadata = {
        actor: SYSTEM_ACTOR,
        occurredAt: '2020-03-01T10:00:00.000Z',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        reason: null,
        schemaVersion: 1,
        idempotencyKey: null,
        inputHash: null,
      };
      const chained = chainEvents(
        'audited',
        null,
        data.map((d) => ({ id: randomUUID(), type: 'Noted', data: d, metadata })),
      );
      await store.append('audited', chained, { expectedRevision: NO_STREAM });
      expect((await store.readStream('audited')).map((e) => e.data)).toEqual(data);
      expect(await verifyHashChains(store)).toEqual({ events: 2, streams: 1, breaks: [], redactions: [] });

      const raw = new Client({ connectionString });
      await raw.connect();
      try {
        await raw.query(
          `UPDATE ${store.names.events} SET data = replace(data::text, '"zero":0', '"zero":1')::json WHERE revision = 0`,
        );
      } finally {
        await raw.end();
      }
      expect((await verifyHashChains(store)).breaks).toEqual([
        expect.objectContaining({ streamId: 'audited', revision: 0, problem: expect.stringMatching(/altered/) }),
      ]);
    });
  });
});

describe('the PostgreSQL event store without a server', () => {
  it('fails, rather than waits, when the server cannot be reached', async () => {
    const store = new PostgresEventStore('postgres://postgres@127.0.0.1:1/test');
    await expect(store.lastPosition()).rejects.toThrow(/ECONNREFUSED/);
    await store.close();
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresEventStore('postgres://localhost/test', { schema: 'events; DROP TABLE x' })).toThrow(
      /cannot name a PostgreSQL schema/,
    );
  });
});

/** Until the server shows a session waiting for the store's append lock: the append queued behind `slow`. */
async function waitForAppendWaitingOnLock(slow: Client, appendLock: string): Promise<void> {
  for (;;) {
    // A bigint advisory lock key shows in pg_locks split into its high (classid) and low (objid) halves.
    const waiting = await slow.query(
      `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND ((classid::bigint << 32) | objid::bigint) = $1`,
      [appendLock],
    );
    if (waiting.rowCount !== null && waiting.rowCount > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
