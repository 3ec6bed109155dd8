import Database from 'better-sqlite3';
import { join } from 'node:path';
import { chainEvents, SqliteEventStore, UnchainedEvent } from '@app/event-store';
import { ALL_PROJECTIONS, openReadDatabase, ProjectionRunner } from '@app/read-models';
import { ADMINISTRATOR, commandEvents } from './fixtures';
import { rawRead } from './raw-read';
import { regionHistory } from './region-history';
import { rowWriteFloor } from './row-write-floor';
import {
  BenchResult,
  envInt,
  formatNumber,
  median,
  peakRss,
  printRound,
  report,
  runMain,
  timed,
  withTempDir,
} from './measure';

/**
 * Read-model rebuild events per second: a fresh read database caught up from the whole log by
 * the ProjectionRunner with every projection, against a raw baseline that reads the same rows
 * from the events file in position order and JSON.parses their data and metadata. The JSON line
 * also gives the peak resident memory of the rebuild rounds (`peakRssMb`; the target is < 400 MB).
 * A second line, `rebuild-row-ceiling`, bounds the ratio from above: the raw read plus writing the
 * rows the rebuild wrote with no projection logic (rowWriteFloor), against the same raw read.
 * Knobs: BENCH_EVENTS (100,000), BENCH_ROUNDS (3).
 */

const BENCH = 'rebuild';
const CEILING_BENCH = 'rebuild-row-ceiling';
const TARGET = 0.5;
const DEFAULT_ROUNDS = 3;
const DEFAULT_EVENTS = 100_000;
/** At most this many events per append while seeding (seeding is not timed). */
const SEED_BATCH = 250;

const silentLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** How many events of each kind a seeded log holds, to check the rebuilt read models against. */
export interface SeedTally {
  readonly groups: number;
  readonly people: number;
  readonly grants: number;
  readonly meetings: number;
  readonly decisions: number;
  readonly tasks: number;
}

/**
 * Seeds `count` events of a few regions' years of business, in the mix `regionHistory` describes:
 * about half of them a meeting's (attendance, decisions, minutes, publication in each area), a
 * third a workstream's tasks, the rest policies with their adoption in each area, and people,
 * roles and representatives. Consecutive commands on one stream are appended together, each
 * with the metadata `handleCommand` gives it, chained to the stream's previous event. The store
 * is opened not durable: its appends go straight on without waiting for the disk.
 */
export async function seed(file: string, count: number): Promise<SeedTally> {
  const store = new SqliteEventStore(file, { durable: false });
  const byType = new Map<string, number>();
  /** Each stream's last revision and hash, all `chainEvents` needs to go on. */
  const heads = new Map<string, { revision: number; metadata: { hash: unknown } }>();
  let pending: { streamId: string; events: UnchainedEvent[] } | null = null;
  const flush = async () => {
    if (!pending) return;
    const { streamId, events } = pending;
    pending = null;
    const head = heads.get(streamId) ?? null;
    const chained = chainEvents(streamId, head, events);
    const result = await store.append(streamId, chained, { expectedRevision: head ? head.revision : 'no_stream' });
    heads.set(streamId, {
      revision: result.nextRevision,
      metadata: { hash: chained[chained.length - 1].metadata.hash },
    });
  };
  try {
    let written = 0;
    for (const command of regionHistory(count, ADMINISTRATOR)) {
      const at = `${command.on}T10:00:00.000Z`;
      const events = commandEvents(
        command.streamId,
        command.operation,
        command,
        command.events,
        at,
        command.actor,
      ).slice(0, count - written);
      for (const event of events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
      written += events.length;
      if (pending && (pending.streamId !== command.streamId || pending.events.length >= SEED_BATCH)) await flush();
      if (pending) pending.events.push(...events);
      else pending = { streamId: command.streamId, events };
      if (written >= count) break;
    }
    await flush();
  } finally {
    await store.close();
  }
  const of = (type: string) => byType.get(type) ?? 0;
  return {
    groups: of('RegionalGroupEstablished'),
    people: of('PersonRegistered'),
    grants: of('RoleGranted'),
    meetings: of('MeetingScheduled'),
    decisions: of('DecisionRecorded'),
    tasks: of('TaskAdded'),
  };
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

function assertRebuilt(readFile: string, expected: SeedTally): void {
  const db = new Database(readFile, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const actual: SeedTally = {
      groups: count('regional_groups'),
      people: count('people'),
      grants: count('role_grants'),
      meetings: count('meetings'),
      decisions: count('decisions'),
      tasks: count('tasks'),
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`The rebuilt read models hold ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}.`);
    }
  } finally {
    db.close();
  }
}

export async function rebuildBench(): Promise<BenchResult> {
  const count = envInt('BENCH_EVENTS', DEFAULT_EVENTS);
  const rounds = envInt('BENCH_ROUNDS', DEFAULT_ROUNDS);
  return withTempDir('bench-rebuild', async (dir) => {
    const eventsFile = join(dir, 'events.db');
    const seeded = await timed(() => seed(eventsFile, count));
    const tally = seeded.result;
    console.log(
      `rebuild: ${formatNumber(count)} events of ${formatNumber(tally.groups)} regional groups (${formatNumber(tally.meetings)} meetings, ` +
        `${formatNumber(tally.decisions)} decisions, ${formatNumber(tally.tasks)} tasks, ${formatNumber(tally.people)} people), ` +
        `${rounds} rounds, projections: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')} ` +
        `(seeded in ${seeded.seconds.toFixed(1)} s, not timed)`,
    );

    const rawRates: number[] = [];
    const rebuildRates: number[] = [];
    let peakRssMb = 0;
    for (let round = 1; round <= rounds; round += 1) {
      const order = round % 2 === 1 ? (['raw', 'rebuild'] as const) : (['rebuild', 'raw'] as const);
      for (const kind of order) {
        if (kind === 'raw') {
          const { seconds, result } = await timed(() => rawRead(eventsFile));
          if (result !== count) throw new Error(`The raw read saw ${result} events, expected ${count}.`);
          rawRates.push(printRound(BENCH, round, kind, count, seconds));
        } else {
          const readFile = join(dir, `read-${round}.db`);
          const measured = await peakRss(() => rebuild(eventsFile, readFile));
          const { seconds, position } = measured.result;
          peakRssMb = Math.max(peakRssMb, measured.peakRssMb);
          if (position !== count) throw new Error(`The rebuild stopped at position ${position}, expected ${count}.`);
          assertRebuilt(readFile, tally);
          rebuildRates.push(printRound(BENCH, round, kind, count, seconds));
          console.log(`  [${BENCH}] round ${round} rebuild peak RSS ${measured.peakRssMb} MB`);
        }
      }
    }

    const rebuilt = report({
      bench: BENCH,
      unit: 'events/s',
      valueLabel: 'ProjectionRunner rebuild',
      value: median(rebuildRates),
      baselineLabel: 'raw read + JSON.parse',
      baseline: median(rawRates),
      target: TARGET,
      peakRssMb,
    });
    console.log('');
    const floor = rowWriteFloor(join(dir, `read-${rounds}.db`), join(dir, 'floor.db'));
    console.log(
      `${CEILING_BENCH}: the rebuild wrote ${formatNumber(floor.rows)} rows (${(floor.rows / count).toFixed(2)} an event); ` +
        `written with no projection logic they take ${floor.seconds.toFixed(2)} s`,
    );
    report({
      bench: CEILING_BENCH,
      unit: 'events/s',
      valueLabel: 'raw read + writing those rows',
      value: count / (count / median(rawRates) + floor.seconds),
      baselineLabel: 'raw read + JSON.parse',
      baseline: median(rawRates),
    });
    return rebuilt;
  });
}

if (require.main === module) runMain(rebuildBench);
