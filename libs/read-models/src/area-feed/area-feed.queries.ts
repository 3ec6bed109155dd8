import Database from 'better-sqlite3';
import { SignedTreeHead } from '@app/event-store';
import { decodeCursor, Page, pageOf } from '../pagination';

export interface FeedItemRow {
  readonly areaId: string;
  readonly position: number;
  readonly kind: string;
  /** The meeting, workstream, policy or notice the item is about. */
  readonly subjectId: string;
  readonly title: string;
  readonly occurredAt: string;
  /** R42: marked restricted, so only those entitled to it see its title. */
  readonly restricted: boolean;
  /** The areas the item concerns (every area it went to). */
  readonly concernedAreaIds: readonly string[];
}

interface StoredFeedRow extends Omit<FeedItemRow, 'restricted' | 'concernedAreaIds'> {
  readonly restricted: number;
  readonly concernedAreaIds: string;
}

const toRow = <T extends StoredFeedRow>(row: T): Omit<T, 'restricted' | 'concernedAreaIds'> & FeedItemRow => ({
  ...row,
  restricted: row.restricted === 1,
  concernedAreaIds: JSON.parse(row.concernedAreaIds) as string[],
});

const FEED_COLUMNS =
  'area_id AS areaId, position, kind, subject_id AS subjectId, title, occurred_at AS occurredAt, restricted, concerned_area_ids AS concernedAreaIds';

const TREE_HEAD_COLUMNS = 'tree_size AS treeSize, root_hash AS rootHash, timestamp, key_id AS keyId, signature';

export class AreaFeedQueries {
  constructor(private readonly db: Database.Database) {}

  /**
   * An area's feed in the order items flowed down; cursors are the positions that put them there.
   * With `asAt` (YYYY-MM-DD), only the items that had flowed down by the end of that day; with
   * `upTo`, only those recorded at or before that position of the log (A3).
   */
  feed(
    areaId: string,
    first: number,
    after: string | null,
    asAt: string | null = null,
    upTo: number | null = null,
  ): Page<FeedItemRow> | null {
    const from = after === null ? 0 : decodeCursor(after);
    if (from === null) return null;
    const published = '(@asAt IS NULL OR substr(occurred_at, 1, 10) <= @asAt) AND (@upTo IS NULL OR position <= @upTo)';
    const rows = this.db
      .prepare(
        `SELECT ${FEED_COLUMNS} FROM area_feed WHERE area_id = @areaId AND position > @from AND ${published}
         ORDER BY position LIMIT @limit`,
      )
      .all({ areaId, from, asAt, upTo, limit: first + 1 }) as StoredFeedRow[];
    const counts = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(position <= @from), 0) AS before FROM area_feed
         WHERE area_id = @areaId AND ${published}`,
      )
      .get({ areaId, from, asAt, upTo }) as { total: number; before: number };
    return pageOf(
      rows.map((row) => ({ key: row.position, node: toRow(row) })),
      first,
      after,
      counts,
    );
  }

  feedItemAt(areaId: string, position: number): FeedItemRow | undefined {
    const row = this.db
      .prepare(`SELECT ${FEED_COLUMNS} FROM area_feed WHERE area_id = ? AND position = ?`)
      .get(areaId, position) as StoredFeedRow | undefined;
    return row && toRow(row);
  }

  /** The signed head a TREE_HEAD item at `position` carries. */
  treeHeadAt(position: number): SignedTreeHead | undefined {
    return this.db.prepare(`SELECT ${TREE_HEAD_COLUMNS} FROM area_feed_tree_heads WHERE position = ?`).get(position) as
      SignedTreeHead | undefined;
  }

  /** Every head sent to the areas, oldest first: witnesses kept outside the event store. */
  treeHeads(): SignedTreeHead[] {
    return this.db
      .prepare(`SELECT ${TREE_HEAD_COLUMNS} FROM area_feed_tree_heads ORDER BY position`)
      .all() as SignedTreeHead[];
  }

  /**
   * When the area acknowledged the item; with `asAt`, null unless it had by the end of that day, and
   * with `recordedBy` (an ISO instant), null unless the platform had recorded it by then (A3).
   */
  acknowledgedAt(
    areaId: string,
    position: number,
    asAt: string | null = null,
    recordedBy: string | null = null,
  ): string | null {
    const row = this.db
      .prepare(
        `SELECT acknowledged_at AS at FROM feed_acknowledgements WHERE area_id = @areaId AND position = @position
         AND (@asAt IS NULL OR substr(acknowledged_at, 1, 10) <= @asAt)
         AND (@recordedBy IS NULL OR acknowledged_at <= @recordedBy)`,
      )
      .get({ areaId, position, asAt, recordedBy }) as { at: string } | undefined;
    return row?.at ?? null;
  }

  /** For the region: every area an item about `subjectId` went to, and whether each has acknowledged it. */
  acknowledgementsOf(subjectId: string): (FeedItemRow & { acknowledgedAt: string | null })[] {
    const rows = this.db
      .prepare(
        `SELECT f.area_id AS areaId, f.position, f.kind, f.subject_id AS subjectId, f.title, f.occurred_at AS occurredAt,
           f.restricted, f.concerned_area_ids AS concernedAreaIds, a.acknowledged_at AS acknowledgedAt
         FROM area_feed f LEFT JOIN feed_acknowledgements a ON a.area_id = f.area_id AND a.position = f.position
         WHERE f.subject_id = ? ORDER BY f.position, f.area_id`,
      )
      .all(subjectId) as (StoredFeedRow & { acknowledgedAt: string | null })[];
    return rows.map(toRow);
  }
}
