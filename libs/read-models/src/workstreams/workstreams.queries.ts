import Database from 'better-sqlite3';
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
  readonly closedOn: string | null;
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
  readonly ownerId?: string | null;
  readonly status?: string | null;
  /** Open tasks due before this date. */
  readonly overdueOn?: string | null;
}

const WORKSTREAM_COLUMNS = `workstream_id AS workstreamId, group_id AS groupId, name, kind, purpose, terms_of_reference AS termsOfReference,
  lead_partner_id AS leadPartnerId, lead_person_id AS leadPersonId, lead_name AS leadName, start_date AS startDate, end_date AS endDate,
  scope_decision_id AS scopeDecisionId, status, outcome_report AS outcomeReport, closed_on AS closedOn`;
const TASK_COLUMNS = `t.task_id AS taskId, t.workstream_id AS workstreamId, t.title, t.description, t.owner_id AS ownerId,
  t.due_date AS dueDate, t.status, t.blocked_reason AS blockedReason, t.sort_key AS sortKey`;

export class WorkstreamQueries {
  constructor(private readonly db: Database.Database) {}

  workstream(workstreamId: string): WorkstreamRow | undefined {
    return this.db
      .prepare(`SELECT ${WORKSTREAM_COLUMNS} FROM workstreams WHERE workstream_id = ?`)
      .get(workstreamId) as WorkstreamRow | undefined;
  }

  workstreamsOfGroup(groupId: string): WorkstreamRow[] {
    return this.db
      .prepare(`SELECT ${WORKSTREAM_COLUMNS} FROM workstreams WHERE group_id = ? ORDER BY sort_key`)
      .all(groupId) as WorkstreamRow[];
  }

  areaIds(workstreamId: string): string[] {
    return (
      this.db.prepare('SELECT area_id AS areaId FROM workstream_areas WHERE workstream_id = ?').all(workstreamId) as {
        areaId: string;
      }[]
    ).map((r) => r.areaId);
  }

  members(workstreamId: string): { personId: string; name: string }[] {
    return this.db
      .prepare('SELECT person_id AS personId, name FROM workstream_members WHERE workstream_id = ? ORDER BY rowid')
      .all(workstreamId) as {
      personId: string;
      name: string;
    }[];
  }

  reports(workstreamId: string): { rag: string; note: string; reportedOn: string }[] {
    return this.db
      .prepare(
        'SELECT rag, note, reported_on AS reportedOn FROM workstream_reports WHERE workstream_id = ? ORDER BY sort_key DESC',
      )
      .all(workstreamId) as { rag: string; note: string; reportedOn: string }[];
  }

  tasks(filter: TaskFilter, first: number, after: string | null): Page<TaskRow> | null {
    const from = after === null ? 0 : decodeCursor(after);
    if (from === null) return null;
    const where = `(@groupId IS NULL OR w.group_id = @groupId) AND (@workstreamId IS NULL OR t.workstream_id = @workstreamId)
      AND (@ownerId IS NULL OR t.owner_id = @ownerId) AND (@status IS NULL OR t.status = @status)
      AND (@overdueOn IS NULL OR (t.due_date < @overdueOn AND t.status IN ('TO_DO', 'IN_PROGRESS', 'BLOCKED')))`;
    const params = {
      groupId: filter.groupId ?? null,
      workstreamId: filter.workstreamId ?? null,
      ownerId: filter.ownerId ?? null,
      status: filter.status ?? null,
      overdueOn: filter.overdueOn ?? null,
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

  history(
    taskId: string,
  ): { workstreamId: string; change: string; detail: string | null; occurredAt: string; personId: string | null }[] {
    return this.db
      .prepare(
        'SELECT workstream_id AS workstreamId, change, detail, occurred_at AS occurredAt, person_id AS personId FROM task_history WHERE task_id = ? ORDER BY position',
      )
      .all(taskId) as {
      workstreamId: string;
      change: string;
      detail: string | null;
      occurredAt: string;
      personId: string | null;
    }[];
  }

  countsByStatus(workstreamId: string): { status: string; count: number }[] {
    return this.db
      .prepare('SELECT status, COUNT(*) AS count FROM tasks WHERE workstream_id = ? GROUP BY status ORDER BY status')
      .all(workstreamId) as { status: string; count: number }[];
  }
}
