import { Client } from 'pg';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { createTableSql, storeNames } from '@app/event-store/postgres/postgres-schema';
import { randomUUID } from 'node:crypto';
import { appendsOf, Append } from './append.bench';
import { BenchResult, envInt, formatNumber, median, printRound, report, runMain, timed } from './measure';

/**
 * Durable single-event appends per second through PostgresEventStore.append, against raw `pg`
 * single-row inserts of the same rows into an identical table, each in its own transaction with
 * synchronous_commit on. Each round works in a schema of its own, dropped afterwards, on the server
 * named by DATABASE_URL; without one the bench says so and prints no figure.
 */

const BENCH = 'postgres-append';
/** The issue names no target; half the raw rate leaves room for the lock and the checks an append makes. */
const TARGET = 0.5;
const ROUNDS = 3;
const WARM_UP = 100;
const DEFAULT_APPENDS = 2000;

async function storeRound(url: string, schema: string, warmUp: readonly Append[], appends: readonly Append[]) {
  const store = new PostgresEventStore(url, { schema, maxConnections: 1 });
  try {
    const append = (a: Append) => store.append(a.streamId, [a.event], { expectedRevision: a.expectedRevision });
    for (const a of warmUp) await append(a);
    return (
      await timed(async () => {
        for (const a of appends) await append(a);
      })
    ).seconds;
  } finally {
    await store.close();
  }
}

async function rawRound(url: string, schema: string, warmUp: readonly Append[], appends: readonly Append[]) {
  const names = storeNames(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(createTableSql(names));
    const insert = {
      name: 'bench-insert',
      text: `INSERT INTO ${names.events} (event_id, stream_id, revision, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
    };
    const write = async (a: Append) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = on');
      await client.query({ ...insert, values: [a.event.id, a.streamId, a.revision, a.event.type, a.data, a.metadata] });
      await client.query('COMMIT');
    };
    for (const a of warmUp) await write(a);
    return (
      await timed(async () => {
        for (const a of appends) await write(a);
      })
    ).seconds;
  } finally {
    await client.end();
  }
}

/** One query on a connection of its own. */
async function query<R extends object>(url: string, sql: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function postgresAppendBench(): Promise<BenchResult | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log(`${BENCH}: skipped: no PostgreSQL configured (set DATABASE_URL)`);
    return null;
  }
  const count = envInt('BENCH_PG_APPENDS', DEFAULT_APPENDS);
  const all = appendsOf(WARM_UP + count);
  const warmUp = all.slice(0, WARM_UP);
  const appends = all.slice(WARM_UP);
  console.log(
    `${BENCH}: ${ROUNDS} rounds x ${formatNumber(count)} single-event appends (after ${WARM_UP} untimed), ` +
      'synchronous_commit on, one connection',
  );
  const storeRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Alternate which goes first so drift on a shared machine favours neither side.
    const order = round % 2 === 1 ? (['raw', 'store'] as const) : (['store', 'raw'] as const);
    for (const kind of order) {
      // The server is shared: each round in a schema of its own, dropped whatever happens.
      const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      try {
        const seconds =
          kind === 'raw'
            ? await rawRound(url, schema, warmUp, appends)
            : await storeRound(url, schema, warmUp, appends);
        const [{ count: rows }] = await query<{ count: number }>(
          url,
          `SELECT COUNT(*)::int AS count FROM ${storeNames(schema).events}`,
        );
        if (rows !== all.length)
          throw new Error(`${kind} round ${round} holds ${rows} events, expected ${all.length}.`);
        (kind === 'raw' ? rawRates : storeRates).push(printRound(BENCH, round, kind, count, seconds));
      } finally {
        await query(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    }
  }
  return report({
    bench: BENCH,
    unit: 'events/s',
    valueLabel: 'PostgresEventStore.append',
    value: median(storeRates),
    baselineLabel: 'raw pg INSERT in a transaction',
    baseline: median(rawRates),
    target: TARGET,
  });
}
if (require.main === module) runMain(postgresAppendBench);
