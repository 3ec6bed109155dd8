import Database from 'better-sqlite3';
import { decodeCursor, Page, pageOf } from '../pagination';
import { TimeView, viewParameters } from '../bitemporal';

export interface RegionalGroupRow {
  readonly groupId: string;
  readonly name: string;
  readonly establishedAt: string;
  readonly establishedOn: string;
}

export interface LocalAreaRow {
  readonly areaId: string;
  readonly groupId: string;
  readonly name: string;
  /** The day it joined the group (R1) and the position that recorded it. */
  readonly addedOn: string;
  readonly addedPosition: number;
}

const AREA_COLUMNS =
  'area_id AS areaId, group_id AS groupId, name, added_on AS addedOn, added_position AS addedPosition';

/** The areas a view sees: joined by its day, as recorded by its position. */
export function areasSeenBy(rows: readonly LocalAreaRow[], view: TimeView): LocalAreaRow[] {
  const { on, position } = viewParameters(view);
  return rows.filter((row) => row.addedOn <= on && row.addedPosition <= position);
}

export class RegionalGroupQueries {
  constructor(private readonly db: Database.Database) {}

  byId(groupId: string): RegionalGroupRow | undefined {
    return this.db
      .prepare(
        'SELECT group_id AS groupId, name, established_at AS establishedAt, established_on AS establishedOn FROM regional_groups WHERE group_id = ?',
      )
      .get(groupId) as RegionalGroupRow | undefined;
  }

  allGroupIds(): string[] {
    return (
      this.db.prepare('SELECT group_id AS groupId FROM regional_groups ORDER BY sort_key').all() as RegionalGroupRow[]
    ).map((row) => row.groupId);
  }

  /**
   * Groups in the order they were established; `after` is a cursor from an earlier page. With
   * `only`, just those groups, counted and paged as if there were no others.
   */
  list(first: number, after: string | null, only: readonly string[] | null = null): Page<RegionalGroupRow> | null {
    const from = after === null ? 0 : decodeCursor(after);
    if (from === null) return null;
    const among = only === null ? '' : 'AND group_id IN (SELECT value FROM json_each(@only))';
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, name, established_at AS establishedAt, established_on AS establishedOn, sort_key AS sortKey
         FROM regional_groups WHERE sort_key > @from ${among} ORDER BY sort_key LIMIT @limit`,
      )
      .all({ from, limit: first + 1, ...(only && { only: JSON.stringify(only) }) }) as (RegionalGroupRow & {
      sortKey: number;
    })[];
    const counts = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(sort_key <= @from), 0) AS before FROM regional_groups WHERE 1 = 1 ${among}`,
      )
      .get({ from, ...(only && { only: JSON.stringify(only) }) }) as { total: number; before: number };
    return pageOf(
      rows.map(({ sortKey, ...node }) => ({ key: sortKey, node })),
      first,
      after,
      counts,
    );
  }

  /** Areas of many groups in one query, for a per-request DataLoader. */
  areasOfGroups(groupIds: readonly string[]): Map<string, LocalAreaRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${AREA_COLUMNS} FROM local_areas
         WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY group_id, ordinal`,
      )
      .all(JSON.stringify(groupIds)) as LocalAreaRow[];
    const byGroup = new Map<string, LocalAreaRow[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) byGroup.get(row.groupId)?.push(row);
    return byGroup;
  }

  areas(areaIds: readonly string[]): Map<string, LocalAreaRow> {
    const rows = this.db
      .prepare(`SELECT ${AREA_COLUMNS} FROM local_areas WHERE area_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(areaIds)) as LocalAreaRow[];
    return new Map(rows.map((row) => [row.areaId, row]));
  }
}
