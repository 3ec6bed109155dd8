import Database from 'better-sqlite3';
import { CursorKey, decodeCursor, decodeDayCursor, Page, pageOf } from '../pagination';
import { statementsPerDatabase } from '../projection';

export interface HistoryFilter {
  /** Events concerning this entity: in its stream, or naming it in their data. */
  readonly entityId?: string | null;
  /** Events concerning this partner, or done by someone acting for it. */
  readonly partnerId?: string | null;
  /** Events concerning this person, or done by them. */
  readonly personId?: string | null;
  /** The kinds of stream the events were recorded in (`MEETING`, `POLICY`...). */
  readonly kinds?: readonly string[] | null;
  readonly types?: readonly string[] | null;
  /** Inclusive bounds on the date each event happened, YYYY-MM-DD. */
  readonly from?: string | null;
  readonly to?: string | null;
}

/**
 * `RECORDED`: the log's order, by position. `HAPPENED`: by the day each event happened (as moved back by
 * later events), then by position, so history entered years late reads where it belongs.
 */
export type HistoryOrder = 'RECORDED' | 'HAPPENED';

interface Ordering {
  readonly orderBy: string;
  /** The condition on `t` for a row after the cursor, and the one for a row at or before it. */
  readonly after: string;
  readonly atOrBefore: string;
  /** The cursor's parameters for both conditions; null for a cursor not issued in this order. */
  readonly decode: (cursor: string | null) => unknown[] | null;
  readonly key: (row: HistoryEventRow) => CursorKey;
}

const ORDERINGS: Readonly<Record<HistoryOrder, Ordering>> = {
  RECORDED: {
    orderBy: 't.position',
    after: 't.position > ?',
    atOrBefore: 't.position <= ?',
    decode: (cursor) => {
      const position = cursor === null ? 0 : decodeCursor(cursor);
      return position === null ? null : [position];
    },
    key: (row) => row.position,
  },
  HAPPENED: {
    // Row values walk the (…, happened_on, position) indexes as one range, as a key of two columns.
    orderBy: 't.happened_on, t.position',
    after: '(t.happened_on, t.position) > (?, ?)',
    atOrBefore: '(t.happened_on, t.position) <= (?, ?)',
    decode: (cursor) => {
      const key = cursor === null ? { day: '', position: 0 } : decodeDayCursor(cursor);
      return key === null ? null : [key.day, key.position];
    },
    key: (row) => ({ day: row.happenedOn, position: row.position }),
  },
};

/** The order a cursor from `page` was issued in; null for one this API did not issue. */
export function historyCursorOrder(cursor: string): HistoryOrder | null {
  if (decodeCursor(cursor) !== null) return 'RECORDED';
  return decodeDayCursor(cursor) !== null ? 'HAPPENED' : null;
}

export interface HistoryEventRow {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly kind: string;
  readonly type: string;
  /** JSON text. */
  readonly data: string;
  readonly actorPersonId: string | null;
  readonly actorName: string | null;
  readonly actorPartnerId: string | null;
  readonly actorPartnerName: string | null;
  /** JSON text of a string array. */
  readonly actorRoles: string;
  readonly happenedOn: string;
  readonly recordedAt: string;
  readonly reason: string | null;
  /** R42: the group whose restricted content this is; null for an event with none. */
  readonly restrictedGroupId: string | null;
  /** JSON text of the areas the restricted content concerns; null for an event with none. */
  readonly restrictedAreaIds: string | null;
  /** R43: the area whose reports this event's content is; null when it is none's. */
  readonly scopeAreaId: string | null;
  /** R43: the workstream whose tasks this event's content is; null when it is none's. */
  readonly scopeWorkstreamId: string | null;
  /** The group of the record the event's stream holds, its name, and a meeting's start; null when not known. */
  readonly recordGroupId: string | null;
  readonly recordName: string | null;
  readonly recordStartsAt: string | null;
}

const COLUMNS = `e.position, e.event_id AS eventId, e.stream_id AS streamId, e.kind, e.type, e.data,
  e.actor_person_id AS actorPersonId, e.actor_name AS actorName, e.actor_partner_id AS actorPartnerId,
  e.actor_partner_name AS actorPartnerName, e.actor_roles AS actorRoles, e.happened_on AS happenedOn,
  e.recorded_at AS recordedAt, e.reason, e.restricted_group_id AS restrictedGroupId,
  e.restricted_area_ids AS restrictedAreaIds, e.scope_area_id AS scopeAreaId,
  e.scope_workstream_id AS scopeWorkstreamId, r.group_id AS recordGroupId, r.name AS recordName,
  r.starts_at AS recordStartsAt`;

/**
 * The rows a filter matches, as `t` (for counting) and how to reach the full events of a page. With
 * an entity, partner or person the first of them drives the query through its `history_links` key
 * in position order, or its index by day in the order things happened: the link rows carry kind,
 * type and date, so the filter and the count read only them, and a page stops after `first`
 * matches. Without one, the events table is read.
 */
function whereOf(filter: HistoryFilter): { from: string; page: string; conditions: string[]; params: unknown[] } {
  const linked = [filter.entityId, filter.partnerId, filter.personId].filter((id): id is string => Boolean(id));
  const conditions: string[] = [];
  const params: unknown[] = [];
  let from = 'history_events t';
  // The record each event's stream holds, named in the same query as the page rather than once per event.
  const named = 'LEFT JOIN history_records r ON r.stream_id = e.stream_id';
  let page = `history_events t JOIN history_events e ON e.position = t.position ${named}`;
  if (linked.length > 0) {
    from = 'history_links t';
    // CROSS JOIN keeps the links as the outer loop, read in key order, whatever the planner guesses.
    page = `history_links t CROSS JOIN history_events e ON e.position = t.position ${named}`;
    conditions.push('t.entity_id = ?');
    params.push(linked[0]);
    for (const id of linked.slice(1)) {
      conditions.push('EXISTS (SELECT 1 FROM history_links o WHERE o.entity_id = ? AND o.position = t.position)');
      params.push(id);
    }
  }
  const anyOf = (column: string, values: readonly string[] | null | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('t.kind', filter.kinds);
  anyOf('t.type', filter.types);
  if (filter.from) {
    conditions.push('t.happened_on >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    conditions.push('t.happened_on <= ?');
    params.push(filter.to);
  }
  return { from, page, conditions, params };
}

/** How many shapes of page and count query a connection keeps prepared; the least recently used is let go past this. */
const SHAPES_KEPT = 256;

/**
 * Prepared once per read database: the fixed queries, and the page and count queries by their text,
 * one for each shape of filter and order (which ids, how many kinds and types, which bounds).
 */
const statements = statementsPerDatabase((db) => ({
  positionAt: db.prepare<[string], { position: number }>(
    'SELECT position FROM history_events WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1',
  ),
  firstRecordedAt: db.prepare<[string], { recordedAt: string }>(
    `SELECT e.recorded_at AS recordedAt FROM history_links t JOIN history_events e ON e.position = t.position
     WHERE t.entity_id = ? ORDER BY t.position LIMIT 1`,
  ),
  mentions: db.prepare<[string]>('SELECT 1 FROM history_links WHERE entity_id = ? LIMIT 1'),
  shaped: new Map<string, Database.Statement>(),
}));

/** The statement of a page or count query of this text, prepared on this database once. */
function shapedStatement(db: Database.Database, sql: string): Database.Statement {
  const { shaped } = statements(db);
  let statement = shaped.get(sql);
  if (statement) {
    // Set again at the end of the map's order, which is then the order of use.
    shaped.delete(sql);
  } else {
    if (shaped.size >= SHAPES_KEPT) shaped.delete(shaped.keys().next().value as string);
    statement = db.prepare(sql);
  }
  shaped.set(sql, statement);
  return statement;
}

export class HistoryQueries {
  constructor(private readonly db: Database.Database) {}

  /**
   * The position of the last event of any stream the platform had recorded at `instant`, or null
   * before any (A3): one step down the (recorded_at, position) index, since the platform's clock
   * orders what it records, rather than a scan of everything recorded before.
   */
  positionAt(instant: string): number | null {
    return statements(this.db).positionAt.get(instant)?.position ?? null;
  }

  /**
   * The moment the platform first recorded anything of `entityId` (its stream's first event, or an
   * event naming it), or null before any: the earliest `asRecordedAt` at which it can be shown.
   */
  firstRecordedAt(entityId: string): string | null {
    return statements(this.db).firstRecordedAt.get(entityId)?.recordedAt ?? null;
  }

  /** Events matching every part of the filter, in `order`; null for a cursor not issued in that order. */
  page(
    filter: HistoryFilter,
    first: number,
    after: string | null,
    order: HistoryOrder = 'RECORDED',
  ): Page<HistoryEventRow> | null {
    const ordering = ORDERINGS[order];
    const start = ordering.decode(after);
    if (start === null) return null;
    const { from, page, conditions, params } = whereOf(filter);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const pageWhere = `WHERE ${[...conditions, ordering.after].join(' AND ')}`;
    const rows = shapedStatement(
      this.db,
      `SELECT ${COLUMNS} FROM ${page} ${pageWhere} ORDER BY ${ordering.orderBy} LIMIT ?`,
    ).all(...params, ...start, first + 1) as HistoryEventRow[];
    // Nothing comes before the first page: comparing every match with no cursor would only cost.
    const before = after === null ? '0' : `COALESCE(SUM(${ordering.atOrBefore}), 0)`;
    const counts = shapedStatement(this.db, `SELECT COUNT(*) AS total, ${before} AS before FROM ${from} ${where}`).get(
      ...(after === null ? [] : start),
      ...params,
    ) as { total: number; before: number };
    return pageOf(
      rows.map((node) => ({ key: ordering.key(node), node })),
      first,
      after,
      counts,
    );
  }

  /** Whether any event at all concerns this id: an id the history never mentions is not found, not empty. */
  mentions(entityId: string): boolean {
    return statements(this.db).mentions.get(entityId) !== undefined;
  }
}
