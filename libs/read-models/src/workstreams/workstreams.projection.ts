import Database from 'better-sqlite3';
import { WorkstreamEvent } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

const STREAM_PREFIX = 'workstream-';

const statements = statementsPerDatabase((db) => ({
  insertWorkstream: db.prepare(
    `INSERT INTO workstreams (workstream_id, group_id, name, kind, purpose, terms_of_reference, lead_partner_id, lead_person_id, lead_name,
       start_date, end_date, scope_decision_id, status, sort_key)
     VALUES (@workstreamId, @groupId, @name, @kind, @purpose, @termsOfReference, @leadPartnerId, @leadPersonId, @leadName,
       @startDate, @endDate, @scopeDecisionId, 'ACTIVE', @sortKey)`,
  ),
  insertArea: db.prepare('INSERT INTO workstream_areas (workstream_id, area_id) VALUES (?, ?)'),
  insertMember: db.prepare('INSERT INTO workstream_members (workstream_id, person_id, name) VALUES (?, ?, ?)'),
  deleteMember: db.prepare('DELETE FROM workstream_members WHERE workstream_id = ? AND person_id = ?'),
  changeLead: db.prepare(
    'UPDATE workstreams SET lead_partner_id = ?, lead_person_id = ?, lead_name = ? WHERE workstream_id = ?',
  ),
  insertReport: db.prepare(
    'INSERT INTO workstream_reports (workstream_id, rag, note, reported_on, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  insertTask: db.prepare(
    `INSERT INTO tasks (task_id, workstream_id, title, description, owner_id, due_date, status, blocked_reason, sort_key)
     VALUES (@taskId, @workstreamId, @title, @description, @ownerId, @dueDate, @status, @blockedReason, @sortKey)`,
  ),
  setStatus: db.prepare('UPDATE tasks SET status = ?, blocked_reason = ? WHERE task_id = ?'),
  setOwner: db.prepare('UPDATE tasks SET owner_id = ? WHERE task_id = ?'),
  setDue: db.prepare('UPDATE tasks SET due_date = ? WHERE task_id = ?'),
  moveTask: db.prepare('UPDATE tasks SET workstream_id = ? WHERE task_id = ?'),
  insertHistory: db.prepare(
    'INSERT INTO task_history (task_id, position, workstream_id, change, detail, occurred_at, person_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  close: db.prepare(
    `UPDATE workstreams SET status = 'CLOSED', outcome_report = ?, closed_on = ? WHERE workstream_id = ?`,
  ),
}));

/** Workstreams, their members and reports, and tasks with their whole history (W1-W3). */
export const workstreamsProjection: Projection = {
  name: 'workstreams',
  version: 1,
  tables: ['workstreams', 'workstream_areas', 'workstream_members', 'workstream_reports', 'tasks', 'task_history'],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE workstreams (
        workstream_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, purpose TEXT NOT NULL,
        terms_of_reference TEXT NOT NULL, lead_partner_id TEXT NOT NULL, lead_person_id TEXT NOT NULL, lead_name TEXT NOT NULL,
        start_date TEXT NOT NULL, end_date TEXT, scope_decision_id TEXT, status TEXT NOT NULL, outcome_report TEXT, closed_on TEXT,
        sort_key INTEGER NOT NULL
      );
      CREATE INDEX workstreams_by_group ON workstreams (group_id, sort_key);
      CREATE TABLE workstream_areas (workstream_id TEXT NOT NULL, area_id TEXT NOT NULL, PRIMARY KEY (workstream_id, area_id));
      CREATE TABLE workstream_members (workstream_id TEXT NOT NULL, person_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (workstream_id, person_id));
      CREATE TABLE workstream_reports (workstream_id TEXT NOT NULL, rag TEXT NOT NULL, note TEXT NOT NULL, reported_on TEXT NOT NULL, sort_key INTEGER NOT NULL);
      CREATE INDEX workstream_reports_by_workstream ON workstream_reports (workstream_id, sort_key);
      CREATE TABLE tasks (
        task_id TEXT PRIMARY KEY, workstream_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, owner_id TEXT NOT NULL,
        due_date TEXT NOT NULL, status TEXT NOT NULL, blocked_reason TEXT, sort_key INTEGER NOT NULL
      );
      CREATE INDEX tasks_by_workstream ON tasks (workstream_id, sort_key);
      CREATE INDEX tasks_by_owner ON tasks (owner_id, sort_key);
      CREATE TABLE task_history (
        task_id TEXT NOT NULL, position INTEGER NOT NULL, workstream_id TEXT NOT NULL, change TEXT NOT NULL, detail TEXT,
        occurred_at TEXT NOT NULL, person_id TEXT, PRIMARY KEY (task_id, position)
      );`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    if (!stored.streamId.startsWith(STREAM_PREFIX)) return;
    const event = stored as unknown as WorkstreamEvent;
    const s = statements(db);
    const workstreamId = stored.streamId.slice(STREAM_PREFIX.length);
    const occurredAt = occurredAtOf(stored);
    const actor = (stored.metadata.actor as { personId?: string } | undefined)?.personId ?? null;
    const history = (taskId: string, change: string, detail: string | null = null) =>
      s.insertHistory.run(taskId, stored.position, workstreamId, change, detail, occurredAt, actor);
    switch (event.type) {
      case 'WorkstreamCommissioned': {
        const { lead, areas, ...data } = event.data;
        s.insertWorkstream.run({ ...data, leadPersonId: lead.personId, leadName: lead.name, sortKey: stored.position });
        for (const area of areas) s.insertArea.run(workstreamId, area.areaId);
        return;
      }
      case 'WorkstreamMemberAdded':
        s.insertMember.run(workstreamId, event.data.personId, event.data.name);
        return;
      case 'WorkstreamMemberRemoved':
        s.deleteMember.run(workstreamId, event.data.personId);
        return;
      case 'WorkstreamLeadChanged':
        s.changeLead.run(event.data.leadPartnerId, event.data.lead.personId, event.data.lead.name, workstreamId);
        return;
      case 'WorkstreamStatusReported':
        s.insertReport.run(workstreamId, event.data.rag, event.data.note, event.data.reportedOn, stored.position);
        return;
      case 'TaskAdded':
        s.insertTask.run({
          ...event.data,
          workstreamId,
          status: 'TO_DO',
          blockedReason: null,
          sortKey: stored.position,
        });
        history(event.data.taskId, 'ADDED', event.data.title);
        return;
      case 'TaskStarted':
        s.setStatus.run('IN_PROGRESS', null, event.data.taskId);
        history(event.data.taskId, 'STARTED');
        return;
      case 'TaskBlocked':
        s.setStatus.run('BLOCKED', event.data.reason, event.data.taskId);
        history(event.data.taskId, 'BLOCKED', event.data.reason);
        return;
      case 'TaskUnblocked':
        s.setStatus.run('IN_PROGRESS', null, event.data.taskId);
        history(event.data.taskId, 'UNBLOCKED');
        return;
      case 'TaskCompleted':
        s.setStatus.run('DONE', null, event.data.taskId);
        history(event.data.taskId, 'COMPLETED');
        return;
      case 'TaskCancelled':
        s.setStatus.run('CANCELLED', null, event.data.taskId);
        history(event.data.taskId, 'CANCELLED', event.data.reason);
        return;
      case 'TaskReassigned':
        s.setOwner.run(event.data.ownerId, event.data.taskId);
        history(event.data.taskId, 'REASSIGNED', event.data.ownerId);
        return;
      case 'TaskDueDateChanged':
        s.setDue.run(event.data.dueDate, event.data.taskId);
        history(event.data.taskId, 'DUE_DATE_CHANGED', `${event.data.dueDate}: ${event.data.reason}`);
        return;
      case 'TaskCarriedOut':
        history(event.data.taskId, 'CARRIED_OUT', event.data.toWorkstreamId);
        return;
      case 'TaskCarriedIn':
        s.moveTask.run(workstreamId, event.data.task.taskId);
        history(event.data.task.taskId, 'CARRIED_IN', event.data.fromWorkstreamId);
        return;
      case 'WorkstreamClosed':
        s.close.run(event.data.outcomeReport, event.data.closedOn, workstreamId);
        return;
      default:
        return unhandled(event);
    }
  },
};
