import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { StoredEvent } from '@app/event-store';
import { HistoryFilter, HistoryOrder, HistoryQueries, openReadDatabase, ALL_PROJECTIONS } from '@app/read-models';
import { BenchResult, envInt, formatNumber, median, report, runMain, timed, withTempDir } from './measure';

/**
 * The first page of one partner's history over a log of 100,000 events (`BENCH_EVENTS`), through
 * HistoryQueries as the API pages it (the rows, the total and the previous-page count), against a
 * raw baseline: the same rows by a hand-written SQL lookup on the same index, without the counts.
 * Two filters: the partner's whole history, and the partner in 2026 (the last months of the log); and the
 * whole history again in the order things happened (`HAPPENED`), against the same lookup in that order.
 */

const BENCH = 'history';
/**
 * The page also counts every match (totalCount, and the matches before the cursor), which the raw
 * lookup does not: that count is most of its cost, so a tenth of raw is the floor held here.
 */
const TARGET = 0.1;
/** DOMAIN.md speed target for the first page of one partner's history over 100,000 events. */
const TARGET_MS = 50;
const DEFAULT_EVENTS = 100_000;
const PAGE = 20;
const QUERIES = 100;
const PARTNERS = Array.from({ length: 9 }, () => randomUUID());
const PEOPLE = Array.from({ length: 10 }, () => randomUUID());
const TYPES = ['AttendanceRecorded', 'RecommendationResponded', 'DecisionRecorded', 'MinutesApproved'] as const;
/** Half an hour between events: 100,000 events run from June 2020 into 2026. */
const SPACING_MS = 30 * 60 * 1000;
const START = Date.parse('2020-06-01T09:00:00.000Z');

/** A meeting's record of one thing, concerning one partner and done by a representative of another. */
function eventAt(n: number, meetingId: string): StoredEvent {
  const at = new Date(START + n * SPACING_MS).toISOString();
  const type = TYPES[n % TYPES.length];
  const data =
    type === 'MinutesApproved'
      ? { approvedOn: at.slice(0, 10), atMeetingId: null }
      : { appointmentId: randomUUID(), partnerId: PARTNERS[n % PARTNERS.length], note: `Item ${n}` };
  return {
    id: randomUUID(),
    streamId: `meeting-${meetingId}`,
    revision: n % 50,
    position: n + 1,
    recordedAt: at,
    type,
    data,
    metadata: {
      actor: {
        personId: PEOPLE[n % PEOPLE.length],
        partnerId: PARTNERS[(n * 7) % PARTNERS.length],
        roles: ['REPRESENTATIVE'],
      },
      occurredAt: at,
      reason: n % 10 === 0 ? 'Recorded from the meeting papers' : null,
    },
  };
}

function seed(file: string, count: number): void {
  const history = ALL_PROJECTIONS.find((projection) => projection.name === 'history');
  if (!history) throw new Error('No history projection.');
  const db = openReadDatabase(file);
  try {
    history.setup(db);
    let meetingId = randomUUID();
    db.transaction(() => {
      for (let n = 0; n < count; n += 1) {
        if (n % 50 === 0) meetingId = randomUUID();
        history.apply(db, eventAt(n, meetingId));
      }
    })();
    // As the runner does once a catch-up is done: the queries read these indexes.
    for (const statement of history.deferredIndexes ?? []) db.exec(statement);
  } finally {
    db.close();
  }
}

/**
 * The baseline: the same rows of the first page, straight from the link index, nothing counted. Days are
 * bounded only when the filter bounds them: an open range would steer the planner to the index by day.
 */
function rawPage(db: Database.Database, partnerId: string, filter: HistoryFilter, order: HistoryOrder): number[] {
  const orderBy = order === 'HAPPENED' ? 'l.happened_on, l.position' : 'l.position';
  const days = filter.from || filter.to ? 'AND l.happened_on BETWEEN ? AND ?' : '';
  const bounds = days ? [filter.from ?? '', filter.to ?? '9999-12-31'] : [];
  const rows = db
    .prepare(
      `SELECT e.* FROM history_links l CROSS JOIN history_events e ON e.position = l.position
       WHERE l.entity_id = ? ${days} ORDER BY ${orderBy} LIMIT ?`,
    )
    .all(partnerId, ...bounds, PAGE) as { position: number }[];
  return rows.map((row) => row.position);
}

async function measure(run: () => unknown): Promise<number> {
  for (let i = 0; i < 10; i += 1) run();
  const { seconds } = await timed(() => {
    for (let i = 0; i < QUERIES; i += 1) run();
  });
  return (seconds * 1000) / QUERIES;
}

export async function historyBench(): Promise<BenchResult[]> {
  const count = envInt('BENCH_EVENTS', DEFAULT_EVENTS);
  return withTempDir('bench-history', async (dir) => {
    const file = join(dir, 'read.db');
    const seeded = await timed(() => seed(file, count));
    const db = new Database(file, { readonly: true });
    const queries = new HistoryQueries(db);
    const police = PARTNERS[0];
    console.log(
      `history: ${formatNumber(count)} events over ${PARTNERS.length} partners, first page of ${PAGE} for one partner, ` +
        `${QUERIES} queries each (seeded in ${seeded.seconds.toFixed(1)} s, not timed)`,
    );
    const results: BenchResult[] = [];
    try {
      for (const [label, filter, order] of [
        ['whole history', { partnerId: police }, 'RECORDED'],
        ['2026 only', { partnerId: police, from: '2026-01-01', to: '2026-12-31' }, 'RECORDED'],
        ['whole history, as it happened', { partnerId: police }, 'HAPPENED'],
      ] as [string, HistoryFilter, HistoryOrder][]) {
        const page = () => queries.page(filter, PAGE, null, order);
        const raw = () => rawPage(db, police, filter, order);
        const expected = page()?.items.map((item) => item.node.position);
        if (JSON.stringify(expected) !== JSON.stringify(raw())) {
          throw new Error(`The history page and the raw lookup disagree for ${label}.`);
        }
        const pageMs = [await measure(page), await measure(page), await measure(page)];
        const rawMs = [await measure(raw), await measure(raw), await measure(raw)];
        const ms = median(pageMs);
        console.log(
          `  [${BENCH}] ${label}: first page ${ms.toFixed(2)} ms (target < ${TARGET_MS} ms: ${ms < TARGET_MS ? 'met' : 'not met'}), ` +
            `raw lookup ${median(rawMs).toFixed(2)} ms, of ${formatNumber(page()?.totalCount ?? 0)} events`,
        );
        results.push(
          report({
            bench: `${BENCH} (${label})`,
            unit: 'pages/s',
            valueLabel: 'HistoryQueries.page',
            value: 1000 / ms,
            baselineLabel: 'raw indexed SQL',
            baseline: 1000 / median(rawMs),
            target: TARGET,
          }),
        );
      }
    } finally {
      db.close();
    }
    return results;
  });
}

if (require.main === module) runMain(historyBench);
