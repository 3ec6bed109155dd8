import Database from 'better-sqlite3';
import { decodeCursor, Page, pageOf } from '../pagination';

export interface PracticeReviewRow {
  readonly reviewId: string;
  readonly groupId: string;
  readonly areaId: string;
  readonly reference: string;
  readonly awareOn: string;
  readonly notifiedOn: string | null;
  readonly notificationDueOn: string;
  readonly rapidReviewDueOn: string | null;
  readonly decision: string | null;
  readonly decisionReason: string | null;
  readonly decidedOn: string | null;
  readonly publicationDueOn: string | null;
  readonly publishedOn: string | null;
  readonly link: string | null;
  readonly restricted: boolean;
}

export interface InboxItemRow {
  readonly position: number;
  readonly itemId: string;
  readonly groupId: string;
  readonly areaId: string;
  readonly kind: string;
  readonly title: string;
  readonly dueOn: string | null;
  readonly receivedOn: string;
  readonly restricted: boolean;
  /** What the kind carries besides: a report's link and dates, a count, an escalation's detail. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedOn: string | null;
}

export interface EscalationResponseRow {
  readonly kind: 'RESPONSE' | 'RESOLUTION';
  readonly text: string;
  readonly on: string;
  readonly personId: string | null;
}

export interface MeasureRow {
  readonly measureId: string;
  readonly groupId: string;
  readonly name: string;
}

const REVIEW_COLUMNS = `review_id AS reviewId, group_id AS groupId, area_id AS areaId, reference, aware_on AS awareOn,
  notified_on AS notifiedOn, notification_due_on AS notificationDueOn, rapid_review_due_on AS rapidReviewDueOn,
  decision, decision_reason AS decisionReason, decided_on AS decidedOn, publication_due_on AS publicationDueOn,
  published_on AS publishedOn, link, restricted`;
const ITEM_COLUMNS = `position, item_id AS itemId, group_id AS groupId, area_id AS areaId, kind, title, due_on AS dueOn,
  received_on AS receivedOn, restricted, details, acknowledged_at AS acknowledgedAt,
  acknowledged_by AS acknowledgedBy, resolved_on AS resolvedOn`;

type Stored<T> = Omit<T, 'restricted' | 'details'> & { restricted: number; details?: string };

function inboxItemOf(row: Stored<InboxItemRow>): InboxItemRow {
  return {
    ...row,
    restricted: row.restricted === 1,
    details: JSON.parse(row.details ?? '{}') as Record<string, unknown>,
  };
}

export interface InboxFilter {
  readonly groupId: string;
  readonly kind: string | null;
  readonly areaId: string | null;
}

/** Reads of what the areas sent up (L2) and of their practice reviews (L5). */
export class ReportsUpQueries {
  constructor(private readonly db: Database.Database) {}

  practiceReviewsOfGroup(groupId: string): PracticeReviewRow[] {
    const rows = this.db
      .prepare(`SELECT ${REVIEW_COLUMNS} FROM practice_reviews WHERE group_id = ? ORDER BY position`)
      .all(groupId) as Stored<PracticeReviewRow>[];
    return rows.map((row) => ({ ...row, restricted: row.restricted === 1 }));
  }

  practiceReview(reviewId: string): PracticeReviewRow | undefined {
    const row = this.db.prepare(`SELECT ${REVIEW_COLUMNS} FROM practice_reviews WHERE review_id = ?`).get(reviewId) as
      Stored<PracticeReviewRow> | undefined;
    return row && { ...row, restricted: row.restricted === 1 };
  }

  /** Every item of a group's inbox that matches, in the order it arrived. */
  inboxItems({ groupId, kind, areaId }: InboxFilter): InboxItemRow[] {
    const rows = this.db
      .prepare(
        `SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE group_id = ? AND (? IS NULL OR kind = ?)
         AND (? IS NULL OR area_id = ?) ORDER BY position`,
      )
      .all(groupId, kind, kind, areaId, areaId) as Stored<InboxItemRow>[];
    return rows.map(inboxItemOf);
  }

  /** One item of a group's inbox; undefined when the group's areas sent none with that id. */
  inboxItem(groupId: string, itemId: string): InboxItemRow | undefined {
    const row = this.db
      .prepare(`SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE group_id = ? AND item_id = ?`)
      .get(groupId, itemId) as Stored<InboxItemRow> | undefined;
    return row && inboxItemOf(row);
  }

  escalationResponses(escalationId: string): EscalationResponseRow[] {
    return this.db
      .prepare(
        `SELECT kind, text, on_date AS "on", person_id AS personId FROM escalation_responses
         WHERE escalation_id = ? ORDER BY position`,
      )
      .all(escalationId) as EscalationResponseRow[];
  }

  /** The day each area of the group published its latest yearly report, by area. */
  lastYearlyReports(groupId: string): Map<string, string> {
    const rows = this.db
      .prepare(
        `SELECT area_id AS areaId, MAX(received_on) AS publishedOn FROM inbox_items
         WHERE group_id = ? AND kind = 'YEARLY_REPORT' GROUP BY area_id`,
      )
      .all(groupId) as { areaId: string; publishedOn: string }[];
    return new Map(rows.map((row) => [row.areaId, row.publishedOn]));
  }

  measuresOfGroup(groupId: string): MeasureRow[] {
    return this.db
      .prepare(
        'SELECT measure_id AS measureId, group_id AS groupId, name FROM performance_measures WHERE group_id = ? ORDER BY rowid',
      )
      .all(groupId) as MeasureRow[];
  }
}

/**
 * A page of rows already filtered in memory (a filter a domain rule decides, such as a status as
 * at today, cannot be restated in SQL), keyed by position like every other connection.
 */
export function pageOfFiltered<T extends { readonly position: number }>(
  rows: readonly T[],
  first: number,
  after: string | null,
): Page<T> | null {
  const from = after === null ? 0 : decodeCursor(after);
  if (from === null) return null;
  const rest = rows.filter((row) => row.position > from).slice(0, first + 1);
  return pageOf(
    rest.map((row) => ({ key: row.position, node: row })),
    first,
    after,
    { total: rows.length, before: rows.filter((row) => row.position <= from).length },
  );
}
