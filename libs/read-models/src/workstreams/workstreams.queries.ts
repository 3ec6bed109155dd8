import Database from 'better-sqlite3';
import { OPEN_TASK_STATUSES } from '@app/domain';
import { recordedBy, seenBy, TimeView, viewParameters, WHOLE_RECORD } from '../bitemporal';
import { groupRows } from '../group-rows';
import { decodeCursor, Page, pageOf } from '../pagination';

export interface WorkstreamRow {
  readonly workstreamId: string;
  readonly groupId: string;
  readonly name: string;
  readonly kind: 'STANDING' | 'TASK_AND_FINISH';
  readonly purpose: string;
  readonly termsOfReference: string;
  readonly leadPartnerId: string;
  readonly leadPersonId: string;
  readonly leadName: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly scopeDecisionId: string | null;
  readonly status: 'ACTIVE' | 'CLOSED';
  readonly outcomeReport: string | null;
  /** The day it closed; `closedAt`, the moment the platform recorded it. */
  readonly closedOn: string | null;
  readonly closedAt: string | null;
}

export interface TaskRow {
  readonly taskId: string;
  readonly workstreamId: string;
  readonly title: string;
  readonly description: string;
  readonly ownerId: string;
  readonly dueDate: string;
  readonly status: 'TO_DO' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';
  readonly blockedReason: string | null;
}

export interface TaskFilter {
  readonly groupId?: string | null;
  readonly workstreamId?: string | null;
  /** Only tasks of these workstreams (those the reader may read). */
  readonly workstreamIds?: readonly string[] | null;
  readonly ownerId?: string | null;
  readonly status?: string | null;
  /** Open tasks due before this date. */
  readonly overdueOn?: string | null;
}

export interface MemberRow {
  readonly personId: string;
  readonly name: string;
}

export interface ReportRow {
  readonly rag: string;
  readonly note: string;
  readonly reportedOn: string;
}

export interface TaskHistoryRow {
  readonly workstreamId: string;
  readonly change: string;
  readonly detail: string | null;
  /** The day it happened in the world; `occurredAt` is when the platform recorded it. */
  readonly happenedOn: string;
  readonly occurredAt: string;
  readonly personId: string | null;
}

const WORKSTREAM_COLUMNS = `workstream_id AS workstreamId, group_id AS groupId, name, kind, purpose, terms_of_reference AS termsOfReference,
  lead_partner_id AS leadPartnerId, lead_person_id AS leadPersonId, lead_name AS leadName, start_date AS startDate, end_date AS endDate,
  scope_decision_id AS scopeDecisionId, status, outcome_report AS outcomeReport, closed_on AS closedOn, closed_at AS closedAt`;
const TASK_COLUMNS = `t.task_id AS taskId, t.workstream_id AS workstreamId, t.title, t.description, t.owner_id AS ownerId,
  t.due_date AS dueDate, t.status, t.blocked_reason AS blockedReason, t.sort_key AS sortKey`;
/**
 * A workstream seen on a view: its status and lead as they stood (`workstream_states`); its name,
 * purpose and dates are today's. One with no state seen there did not yet exist.
 */
const WORKSTREAM_SEEN = `SELECT w.workstream_id AS workstreamId, w.group_id AS groupId, w.name, w.kind, w.purpose,
  w.terms_of_reference AS termsOfReference, s.lead_partner_id AS leadPartnerId, s.lead_person_id AS leadPersonId,
  s.lead_name AS leadName, w.start_date AS startDate, w.end_date AS endDate, w.scope_decision_id AS scopeDecisionId, s.status,
  CASE WHEN s.status = 'CLOSED' THEN w.outcome_report END AS outcomeReport, CASE WHEN s.status = 'CLOSED' THEN w.closed_on END AS closedOn,
  CASE WHEN s.status = 'CLOSED' THEN w.closed_at END AS closedAt
  FROM workstreams w JOIN workstream_states s ON s.workstream_id = w.workstream_id AND ${seenBy('s')}`;
/** Tasks as they stood on a view (`task_states` aliased `t`), with today's title and description. */
const TASKS_SEEN = `(SELECT s.task_id, s.workstream_id, x.title, x.description, s.owner_id, s.due_date, s.status, s.blocked_reason, x.sort_key
  FROM task_states s JOIN tasks x ON x.task_id = s.task_id WHERE ${seenBy('s')}) t`;
const TASK_STATUS_FILTER = `(@status IS NULL OR t.status = @status)
  AND (@overdueOn IS NULL OR (t.due_date < @overdueOn AND t.status IN (SELECT value FROM json_each(@openStatuses))))`;
/** W2: the open statuses of the domain's rule (isTaskOverdue), so the filter pages in SQL without restating them. */
const OPEN_STATUSES = JSON.stringify(OPEN_TASK_STATUSES);

export class WorkstreamQueries {
  constructor(private readonly db: Database.Database) {}

  workstream(workstreamId: string): WorkstreamRow | undefined {
    return this.db
      .prepare(`SELECT ${WORKSTREAM_COLUMNS} FROM workstreams WHERE workstream_id = ?`)
      .get(workstreamId) as WorkstreamRow | undefined;
  }

  /** Each workstream as seen on `view`; one that did not exist then is not in the map. */
  workstreamsSeen(workstreamIds: readonly string[], view: TimeView): Map<string, WorkstreamRow> {
    const rows = this.db
      .prepare(`${WORKSTREAM_SEEN} WHERE w.workstream_id IN (SELECT value FROM json_each(@ids))`)
      .all({ ids: JSON.stringify(workstreamIds), ...viewParameters(view) }) as WorkstreamRow[];
    return new Map(rows.map((row) => [row.workstreamId, row]));
  }

  /** The first day the workstream existed as recorded by the view's position, or null when it was not yet recorded. */
  firstDay(workstreamId: string, view: TimeView): string | null {
    const row = this.db
      .prepare(
        `SELECT MIN(s.valid_from) AS firstDay FROM workstream_states s WHERE s.workstream_id = @workstreamId AND ${recordedBy('s')}`,
      )
      .get({ workstreamId, ...viewParameters(view) }) as { firstDay: string | null };
    return row.firstDay;
  }

  /** The workstreams of many groups in one query, each group's in the order they were commissioned. */
  allWorkstreamIds(): string[] {
    return (this.db.prepare('SELECT workstream_id AS id FROM workstreams').all() as { id: string }[]).map((r) => r.id);
  }

  /** The workstreams of many groups seen on `view` (all ever commissioned by default), each group's in the order commissioned. */
  workstreamsOfGroups(groupIds: readonly string[], view: TimeView = WHOLE_RECORD): Map<string, WorkstreamRow[]> {
    const rows = this.db
      .prepare(`${WORKSTREAM_SEEN} WHERE w.group_id IN (SELECT value FROM json_each(@ids)) ORDER BY w.sort_key`)
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as WorkstreamRow[];
    return groupRows(groupIds, rows, (row) => row.groupId);
  }

  areaIdsOfWorkstreams(workstreamIds: readonly string[]): Map<string, string[]> {
    const rows = this.db
      .prepare(
        `SELECT workstream_id AS workstreamId, area_id AS areaId FROM workstream_areas
         WHERE workstream_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      )
      .all(JSON.stringify(workstreamIds)) as { workstreamId: string; areaId: string }[];
    const byWorkstream = groupRows(workstreamIds, rows, (row) => row.workstreamId);
    return new Map([...byWorkstream].map(([id, list]) => [id, list.map((row) => row.areaId)]));
  }

  /** Each workstream's members on the view's day, as recorded by its position, in the order they were first added. */
  membersOfWorkstreams(workstreamIds: readonly string[], view: TimeView): Map<string, MemberRow[]> {
    const rows = this.db
      .prepare(
        `SELECT m.workstream_id AS workstreamId, m.person_id AS personId, m.name FROM workstream_memberships m
         WHERE m.workstream_id IN (SELECT value FROM json_each(@ids)) AND ${seenBy('m')}
         ORDER BY (SELECT MIN(f.rowid) FROM workstream_memberships f WHERE f.workstream_id = m.workstream_id AND f.person_id = m.person_id)`,
      )
      .all({ ids: JSON.stringify(workstreamIds), ...viewParameters(view) }) as (MemberRow & { workstreamId: string })[];
    return withoutKey(groupRows(workstreamIds, rows, (row) => row.workstreamId));
  }

  /**
   * Each workstream's status reports made by the view's day, as recorded by its position, the latest
   * made first: a report entered after the fact comes after those made later, whenever recorded.
   */
  reportsOfWorkstreams(workstreamIds: readonly string[], view: TimeView): Map<string, ReportRow[]> {
    const rows = this.db
      .prepare(
        `SELECT workstream_id AS workstreamId, rag, note, reported_on AS reportedOn FROM workstream_reports
         WHERE workstream_id IN (SELECT value FROM json_each(@ids)) AND reported_on <= @on AND sort_key <= @position
         ORDER BY reported_on DESC, sort_key DESC`,
      )
      .all({ ids: JSON.stringify(workstreamIds), ...viewParameters(view) }) as (ReportRow & { workstreamId: string })[];
    return withoutKey(groupRows(workstreamIds, rows, (row) => row.workstreamId));
  }

  tasks(filter: TaskFilter, first: number, after: string | null): Page<TaskRow> | null {
    const from = after === null ? 0 : decodeCursor(after);
    if (from === null) return null;
    const where = `(@groupId IS NULL OR w.group_id = @groupId) AND (@workstreamId IS NULL OR t.workstream_id = @workstreamId)
      AND (@workstreamIds IS NULL OR t.workstream_id IN (SELECT value FROM json_each(@workstreamIds)))
      AND (@ownerId IS NULL OR t.owner_id = @ownerId) AND ${TASK_STATUS_FILTER}`;
    const params = {
      groupId: filter.groupId ?? null,
      workstreamId: filter.workstreamId ?? null,
      workstreamIds: filter.workstreamIds ? JSON.stringify(filter.workstreamIds) : null,
      ownerId: filter.ownerId ?? null,
      status: filter.status ?? null,
      overdueOn: filter.overdueOn ?? null,
      openStatuses: OPEN_STATUSES,
    };
    const rows = this.db
      .prepare(
        `SELECT ${TASK_COLUMNS} FROM tasks t JOIN workstreams w ON w.workstream_id = t.workstream_id WHERE ${where} AND t.sort_key > @from ORDER BY t.sort_key LIMIT @limit`,
      )
      .all({ ...params, from, limit: first + 1 }) as (TaskRow & { sortKey: number })[];
    const counts = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(t.sort_key <= @from), 0) AS before
         FROM tasks t JOIN workstreams w ON w.workstream_id = t.workstream_id WHERE ${where}`,
      )
      .get({ ...params, from }) as { total: number; before: number };
    return pageOf(
      rows.map(({ sortKey, ...node }) => ({ key: sortKey, node })),
      first,
      after,
      counts,
    );
  }

  /**
   * The same page of tasks (`first` after the cursor, with the status and overdue filter) for each of
   * many workstreams, in one query for the rows and one for the counts: `tasks` per workstream, batched.
   */
  tasksOfWorkstreams(
    workstreamIds: readonly string[],
    filter: Pick<TaskFilter, 'status' | 'overdueOn'>,
    first: number,
    after: string | null,
    view: TimeView,
  ): Map<string, Page<TaskRow>> | null {
    const from = after === null ? 0 : decodeCursor(after);
    if (from === null) return null;
    const params = {
      workstreamIds: JSON.stringify(workstreamIds),
      status: filter.status ?? null,
      overdueOn: filter.overdueOn ?? null,
      openStatuses: OPEN_STATUSES,
      from,
      ...viewParameters(view),
    };
    const where = `t.workstream_id IN (SELECT value FROM json_each(@workstreamIds)) AND ${TASK_STATUS_FILTER}`;
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           SELECT ${TASK_COLUMNS}, ROW_NUMBER() OVER (PARTITION BY t.workstream_id ORDER BY t.sort_key) AS rank
           FROM ${TASKS_SEEN} WHERE ${where} AND t.sort_key > @from)
         WHERE rank <= @limit ORDER BY sortKey`,
      )
      .all({ ...params, limit: first + 1 }) as (TaskRow & { sortKey: number; rank: number })[];
    const counts = this.db
      .prepare(
        `SELECT t.workstream_id AS workstreamId, COUNT(*) AS total, COALESCE(SUM(t.sort_key <= @from), 0) AS before
         FROM ${TASKS_SEEN} WHERE ${where} GROUP BY t.workstream_id`,
      )
      .all(params) as { workstreamId: string; total: number; before: number }[];
    const countsOf = new Map(counts.map(({ workstreamId, ...count }) => [workstreamId, count]));
    const byWorkstream = groupRows(workstreamIds, rows, (row) => row.workstreamId);
    return new Map(
      [...byWorkstream].map(([id, list]) => [
        id,
        pageOf(
          list.map(({ sortKey, rank: _rank, ...node }) => ({ key: sortKey, node })),
          first,
          after,
          countsOf.get(id) ?? { total: 0, before: 0 },
        ),
      ]),
    );
  }

  /** Each task's history up to the view's day, as recorded by its position, in the order it happened. */
  historyOfTasks(taskIds: readonly string[], view: TimeView): Map<string, TaskHistoryRow[]> {
    const rows = this.db
      .prepare(
        `SELECT task_id AS taskId, workstream_id AS workstreamId, change, detail, happened_on AS happenedOn,
           occurred_at AS occurredAt, person_id AS personId
         FROM task_history WHERE task_id IN (SELECT value FROM json_each(@ids))
         AND happened_on <= @on AND position <= @position ORDER BY happened_on, position`,
      )
      .all({ ids: JSON.stringify(taskIds), ...viewParameters(view) }) as (TaskHistoryRow & { taskId: string })[];
    const byTask = groupRows(taskIds, rows, (row) => row.taskId);
    return new Map([...byTask].map(([id, list]) => [id, list.map(({ taskId: _taskId, ...row }) => row)]));
  }

  /** How many tasks of each status each workstream had on the view's day, by status name. */
  countsByStatusOfWorkstreams(
    workstreamIds: readonly string[],
    view: TimeView,
  ): Map<string, { status: string; count: number }[]> {
    const rows = this.db
      .prepare(
        `SELECT s.workstream_id AS workstreamId, s.status, COUNT(*) AS count FROM task_states s
         WHERE s.workstream_id IN (SELECT value FROM json_each(@ids)) AND ${seenBy('s')}
         GROUP BY s.workstream_id, s.status ORDER BY s.status`,
      )
      .all({ ids: JSON.stringify(workstreamIds), ...viewParameters(view) }) as {
      workstreamId: string;
      status: string;
      count: number;
    }[];
    return withoutKey(groupRows(workstreamIds, rows, (row) => row.workstreamId));
  }
}

/** Drops the workstream id a batched query grouped by, so each row is what the single query gave. */
function withoutKey<Row extends { workstreamId: string }>(
  byWorkstream: Map<string, Row[]>,
): Map<string, Omit<Row, 'workstreamId'>[]> {
  return new Map([...byWorkstream].map(([id, list]) => [id, list.map(({ workstreamId: _id, ...row }) => row)]));
}
