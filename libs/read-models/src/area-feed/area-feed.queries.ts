import Database from 'better-sqlite3';
import { groupDayEndsAt } from '@app/domain';
import { SignedTreeHead } from '@app/event-store';
import { decodeCursor, Page, pageOf } from '../pagination';

export interface FeedItemRow {
  readonly areaId: string;
  readonly position: number;
  readonly kind: string;
  /** The meeting, workstream, policy or notice the item is about. */
  readonly subjectId: string;
  readonly title: string;
  /** When the platform recorded the event that put the item in the feed. */
  readonly occurredAt: string;
  /** The day (YYYY-MM-DD, London) what the item announces happened, as its event carries it (A3). */
  readonly happenedOn: string;
  /** R42: marked restricted, so only those entitled to it see its title. */
  readonly restricted: boolean;
  /** The areas the item concerns (every area it went to). */
  readonly concernedAreaIds: readonly string[];
}

interface StoredFeedRow extends Omit<FeedItemRow, 'restricted' | 'concernedAreaIds'> {
  readonly restricted: number;
  /** Null for a tree head: it concerns every area known before it was signed. */
  readonly concernedAreaIds: string | null;
}

const FEED_COLUMNS =
  'area_id AS areaId, position, kind, subject_id AS subjectId, title, occurred_at AS occurredAt, happened_on AS happenedOn, restricted, concerned_area_ids AS concernedAreaIds';

/** A signed head as an item of one area's feed (`a`, an area known before the head `h` was signed). */
const TREE_HEAD_ITEM_COLUMNS = `a.area_id AS areaId, h.position, 'TREE_HEAD' AS kind, h.event_id AS subjectId,
  'Signed tree head: ' || h.tree_size || ' events, root ' || h.root_hash AS title, h.occurred_at AS occurredAt,
  h.happened_on AS happenedOn, 0 AS restricted, NULL AS concernedAreaIds`;

const TREE_HEADS_SENT = 'area_feed_tree_heads h JOIN area_feed_areas a ON h.position > a.known_from';

/**
 * Everything that flowed down to @areaId: the items sent to it, and every head signed after it
 * became known (A4), which the projection keeps once for all areas rather than once per area.
 */
const ITEMS_OF_AREA = `SELECT ${FEED_COLUMNS} FROM area_feed WHERE area_id = @areaId
  UNION ALL SELECT ${TREE_HEAD_ITEM_COLUMNS} FROM ${TREE_HEADS_SENT} WHERE a.area_id = @areaId`;

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
    const published = '(@until IS NULL OR occurredAt < @until) AND (@upTo IS NULL OR position <= @upTo)';
    const until = asAt === null ? null : groupDayEndsAt(asAt);
    const rows = this.db
      .prepare(
        `SELECT * FROM (${ITEMS_OF_AREA}) WHERE position > @from AND ${published} ORDER BY position LIMIT @limit`,
      )
      .all({ areaId, from, until, upTo, limit: first + 1 }) as StoredFeedRow[];
    const counts = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(position <= @from), 0) AS before FROM (${ITEMS_OF_AREA})
         WHERE ${published}`,
      )
      .get({ areaId, from, until, upTo }) as { total: number; before: number };
    return pageOf(
      this.rows(rows).map((node) => ({ key: node.position, node })),
      first,
      after,
      counts,
    );
  }

  feedItemAt(areaId: string, position: number): FeedItemRow | undefined {
    const row = this.db
      .prepare(`SELECT * FROM (${ITEMS_OF_AREA}) WHERE position = @position`)
      .get({ areaId, position }) as StoredFeedRow | undefined;
    return row && this.rows([row])[0];
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
         AND (@until IS NULL OR acknowledged_at < @until)
         AND (@recordedBy IS NULL OR acknowledged_at <= @recordedBy)`,
      )
      .get({ areaId, position, until: asAt === null ? null : groupDayEndsAt(asAt), recordedBy }) as
      { at: string } | undefined;
    return row?.at ?? null;
  }

  /** For the region: every area an item about `subjectId` went to, and whether each has acknowledged it. */
  acknowledgementsOf(subjectId: string): (FeedItemRow & { acknowledgedAt: string | null })[] {
    const rows = this.db
      .prepare(
        `SELECT f.*, ack.acknowledged_at AS acknowledgedAt FROM (
           SELECT ${FEED_COLUMNS} FROM area_feed WHERE subject_id = @subjectId
           UNION ALL SELECT ${TREE_HEAD_ITEM_COLUMNS} FROM ${TREE_HEADS_SENT} WHERE h.event_id = @subjectId
         ) f LEFT JOIN feed_acknowledgements ack ON ack.area_id = f.areaId AND ack.position = f.position
         ORDER BY f.position, f.areaId`,
      )
      .all({ subjectId }) as (StoredFeedRow & { acknowledgedAt: string | null })[];
    return this.rows(rows);
  }

  /**
   * Turns stored rows into feed items, listing a head's areas once per head however many of its
   * items there are (one per area, for its acknowledgements).
   */
  private rows<T extends StoredFeedRow>(
    rows: readonly T[],
  ): (Omit<T, 'restricted' | 'concernedAreaIds'> & FeedItemRow)[] {
    const knownBefore = new Map<number, string[]>();
    const areasKnownBefore = (position: number): string[] => {
      if (!knownBefore.has(position)) {
        const areaIds = this.db
          .prepare('SELECT area_id FROM area_feed_areas WHERE known_from < ? ORDER BY area_id')
          .pluck()
          .all(position) as string[];
        knownBefore.set(position, areaIds);
      }
      return knownBefore.get(position) as string[];
    };
    return rows.map((row) => ({
      ...row,
      restricted: row.restricted === 1,
      concernedAreaIds:
        row.concernedAreaIds === null ? areasKnownBefore(row.position) : (JSON.parse(row.concernedAreaIds) as string[]),
    }));
  }
}
