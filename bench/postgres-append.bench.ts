import { Client } from 'pg';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { createTableSql, storeNames } from '@app/event-store/postgres/postgres-schema';
import { randomUUID } from 'node:crypto';
import { appendsOf, Append } from './append.bench';
import { BenchResult, envInt, formatNumber, median, printRound, report, runMain, timed } from './measure';

/**
 * Durable single-event appends per second through PostgresEventStore.append, against raw `pg`
 * single-row inserts of the same rows into an identical table, each its own transaction with
 * synchronous_commit on: one INSERT statement, the fewest round trips a durable insert can take.
 * In each round the two write side by side, each into a schema of its own dropped afterwards, in
 * alternating blocks, so that the changing load of a shared machine weighs on both alike. Runs
 * on the server named by DATABASE_URL; without one the bench says so and prints no figure.
 */

const BENCH = 'postgres-append';
/** Half the raw rate leaves room for the lock and the checks an append makes. */
const TARGET = 0.5;
const ROUNDS = 3;
const WARM_UP = 100;
const DEFAULT_APPENDS = 2000;
/** Appends each side makes before the other takes its turn: about a second of commits. */
const BLOCK = 100;

type Write = (a: Append) => Promise<unknown>;

interface Writer {
  readonly write: Write;
  readonly schema: string;
  close(): Promise<void>;
}

function storeWriter(url: string, schema: string): Writer {
  const store = new PostgresEventStore(url, { schema, maxConnections: 1 });
  return {
    schema,
    write: (a) => store.append(a.streamId, [a.event], { expectedRevision: a.expectedRevision }),
    close: () => store.close(),
  };
}

async function rawWriter(url: string, schema: string): Promise<Writer> {
  const names = storeNames(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(createTableSql(names));
  await client.query('SET synchronous_commit = on');
  const insert = {
    name: 'bench-insert',
    text: `INSERT INTO ${names.events} (event_id, stream_id, revision, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
  };
  return {
    schema,
    write: (a) =>
      client.query({ ...insert, values: [a.event.id, a.streamId, a.revision, a.event.type, a.data, a.metadata] }),
    close: () => client.end(),
  };
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

const freshSchema = () => `bench_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

/** Seconds each writer spent on `appends`, taking turns a block at a time, the first turn alternating. */
async function sideBySide(writers: readonly Writer[], appends: readonly Append[]): Promise<number[]> {
  const seconds = writers.map(() => 0);
  for (let start = 0; start < appends.length; start += BLOCK) {
    const block = appends.slice(start, start + BLOCK);
    const turns = [...writers.keys()];
    if ((start / BLOCK) % 2 === 1) turns.reverse();
    for (const w of turns) {
      seconds[w] += (
        await timed(async () => {
          for (const a of block) await writers[w].write(a);
        })
      ).seconds;
    }
  }
  return seconds;
}

async function round(url: string, warmUp: readonly Append[], appends: readonly Append[]): Promise<number[]> {
  // The server is shared: each side in a schema of its own, dropped whatever happens.
  const schemas = [freshSchema(), freshSchema()];
  const writers: Writer[] = [];
  try {
    writers.push(storeWriter(url, schemas[0]), await rawWriter(url, schemas[1]));
    for (const writer of writers) for (const a of warmUp) await writer.write(a);
    const seconds = await sideBySide(writers, appends);
    for (const writer of writers) {
      const [{ count }] = await query<{ count: number }>(
        url,
        `SELECT COUNT(*)::int AS count FROM ${storeNames(writer.schema).events}`,
      );
      if (count !== warmUp.length + appends.length)
        throw new Error(`${writer.schema} holds ${count} events, expected ${warmUp.length + appends.length}.`);
    }
    return seconds;
  } finally {
    for (const writer of writers) await writer.close();
    for (const schema of schemas) await query(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
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
    `${BENCH}: ${ROUNDS} rounds x ${formatNumber(count)} single-event appends each side (after ${WARM_UP} untimed), ` +
      `in turns of ${BLOCK}, synchronous_commit on, one connection each`,
  );
  const storeRates: number[] = [];
  const rawRates: number[] = [];
  for (let n = 1; n <= ROUNDS; n += 1) {
    const [storeSeconds, rawSeconds] = await round(url, warmUp, appends);
    storeRates.push(printRound(BENCH, n, 'store', count, storeSeconds));
    rawRates.push(printRound(BENCH, n, 'raw', count, rawSeconds));
  }
  return report({
    bench: BENCH,
    unit: 'events/s',
    valueLabel: 'PostgresEventStore.append',
    value: median(storeRates),
    baselineLabel: 'raw pg INSERT, its own transaction',
    baseline: median(rawRates),
    target: TARGET,
  });
}
if (require.main === module) runMain(postgresAppendBench);
