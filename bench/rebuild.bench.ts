import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ACCESS_STREAM, regionalGroupStream } from '@app/domain';
import { chainEvents, NewEvent, SqliteEventStore, UnchainedEvent } from '@app/event-store';
import { ALL_PROJECTIONS, openReadDatabase, ProjectionRunner } from '@app/read-models';
import { personEvents, regionalGroupEvent } from './fixtures';
import { rawRead } from './raw-read';
import { BenchResult, envInt, formatNumber, median, printRound, report, runMain, timed, withTempDir } from './measure';

/**
 * Read-model rebuild events per second: a fresh read database caught up from the whole log by
 * the ProjectionRunner with every projection, against a raw baseline that reads the same rows
 * from the events file in position order and JSON.parses their data and metadata.
 */

const BENCH = 'rebuild';
const TARGET = 0.5;
const ROUNDS = 3;
const DEFAULT_EVENTS = 100_000;
/** Events per append while seeding (seeding is not timed). */
const SEED_BATCH = 250;

const silentLogger = { log: () => undefined, error: () => undefined };

/**
 * Seeds `count` events: per unit, a RegionalGroupEstablished with five areas and two people each
 * registered and granted a role (an area business manager of one of the group's areas, or a
 * platform role), so 1 in 5 events is a group, 2 in 5 a PersonRegistered, 2 in 5 a RoleGranted.
 * Each append writes one stream of SEED_BATCH events; stream ids do not matter to the projections.
 * The store is opened not durable: its appends go straight on without waiting for the disk.
 */
export async function seed(file: string, count: number): Promise<{ groups: number; people: number; grants: number }> {
  const store = new SqliteEventStore(file, { durable: false });
  const now = new Date().toISOString();
  const tally = { groups: 0, people: 0, grants: 0 };
  // As in real use: each group in its own stream, people and roles in the one access stream.
  let accessHead: { revision: number; metadata: NewEvent['metadata'] } | null = null;
  try {
    for (let written = 0; written < count;) {
      const groups: UnchainedEvent[] = [];
      const people: UnchainedEvent[] = [];
      const total = () => written + groups.length + people.length;
      while (groups.length + people.length < SEED_BATCH && total() < count) {
        const n = total();
        const group = regionalGroupEvent(n, now);
        groups.push(group);
        tally.groups += 1;
        const areas = (group.data as { areas: { areaId: string }[] }).areas;
        for (const areaId of [areas[n % areas.length].areaId, null]) {
          const [registered, granted] = personEvents(n, ACCESS_STREAM, now, areaId);
          for (const event of [registered, granted]) {
            if (total() >= count) break;
            people.push(event);
            if (event === registered) tally.people += 1;
            else tally.grants += 1;
          }
        }
      }
      for (const group of groups) {
        const streamId = regionalGroupStream((group.data as { groupId: string }).groupId);
        await store.append(streamId, chainEvents(streamId, null, [group]), { expectedRevision: 'no_stream' });
      }
      if (people.length > 0) {
        const chained = chainEvents(ACCESS_STREAM, accessHead, people);
        const result = await store.append(ACCESS_STREAM, chained, {
          expectedRevision: accessHead ? accessHead.revision : 'no_stream',
        });
        accessHead = { revision: result.nextRevision, metadata: chained[chained.length - 1].metadata };
      }
      written = total();
    }
  } finally {
    await store.close();
  }
  return tally;
}

async function rebuild(eventsFile: string, readFile: string): Promise<{ seconds: number; position: number }> {
  const store = new SqliteEventStore(eventsFile);
  const db = openReadDatabase(readFile);
  try {
    const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, silentLogger);
    const { seconds } = await timed(async () => {
      await runner.start();
      await runner.stop();
    });
    if (runner.error) throw runner.error;
    return { seconds, position: runner.position };
  } finally {
    db.close();
    await store.close();
  }
}

function assertRebuilt(readFile: string, expected: { groups: number; people: number; grants: number }): void {
  const db = new Database(readFile, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const actual = { groups: count('regional_groups'), people: count('people'), grants: count('role_grants') };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`The rebuilt read models hold ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}.`);
    }
  } finally {
    db.close();
  }
}

export async function rebuildBench(): Promise<BenchResult> {
  const count = envInt('BENCH_EVENTS', DEFAULT_EVENTS);
  return withTempDir('bench-rebuild', async (dir) => {
    const eventsFile = join(dir, 'events.db');
    const seeded = await timed(() => seed(eventsFile, count));
    const tally = seeded.result;
    console.log(
      `rebuild: ${formatNumber(count)} events (${formatNumber(tally.groups)} RegionalGroupEstablished with 5 areas, ` +
        `${formatNumber(tally.people)} PersonRegistered, ${formatNumber(tally.grants)} RoleGranted), ` +
        `${ROUNDS} rounds, projections: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')} ` +
        `(seeded in ${seeded.seconds.toFixed(1)} s, not timed)`,
    );

    const rawRates: number[] = [];
    const rebuildRates: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const order = round % 2 === 1 ? (['raw', 'rebuild'] as const) : (['rebuild', 'raw'] as const);
      for (const kind of order) {
        if (kind === 'raw') {
          const { seconds, result } = await timed(() => rawRead(eventsFile));
          if (result !== count) throw new Error(`The raw read saw ${result} events, expected ${count}.`);
          rawRates.push(printRound(BENCH, round, kind, count, seconds));
        } else {
          const readFile = join(dir, `read-${round}.db`);
          const { seconds, position } = await rebuild(eventsFile, readFile);
          if (position !== count) throw new Error(`The rebuild stopped at position ${position}, expected ${count}.`);
          assertRebuilt(readFile, tally);
          rebuildRates.push(printRound(BENCH, round, kind, count, seconds));
        }
      }
    }

    return report({
      bench: BENCH,
      unit: 'events/s',
      valueLabel: 'ProjectionRunner rebuild',
      value: median(rebuildRates),
      baselineLabel: 'raw read + JSON.parse',
      baseline: median(rawRates),
      target: TARGET,
    });
  });
}

if (require.main === module) runMain(rebuildBench);
