import Database from 'better-sqlite3';
import { groupDateOf, happenedOn, WorkstreamEvent, workstreamStream } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import { BITEMPORAL_COLUMNS, closeFact, FactTable, openFact, supersedeFrom } from '../bitemporal';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

/** A workstream's status and lead from each day: commissioned, lead changed, closed (W1, A3). */
export const WORKSTREAM_STATES: FactTable = {
  table: 'workstream_states',
  key: ['workstream_id'],
  values: ['group_id', 'status', 'lead_partner_id', 'lead_person_id', 'lead_name'],
};
/** Who was a member of a workstream, from the day they were added until removed. */
export const WORKSTREAM_MEMBERSHIPS: FactTable = {
  table: 'workstream_memberships',
  key: ['workstream_id', 'person_id'],
  values: ['name'],
};
/** A task's workstream, status, owner and due date from each day it changed (W2, A3). */
export const TASK_STATES: FactTable = {
  table: 'task_states',
  key: ['task_id'],
  values: ['workstream_id', 'status', 'owner_id', 'due_date', 'blocked_reason'],
};

const STREAM_PREFIX = workstreamStream('');
/** A task's row as `task_states` records it; returned by each change of the row so it is not read again. */
const TASK_STATE = 'workstream_id, status, owner_id, due_date, blocked_reason';

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
     VALUES (@taskId, @workstreamId, @title, @description, @ownerId, @dueDate, @status, @blockedReason, @sortKey)
     RETURNING ${TASK_STATE}`,
  ),
  setStatus: db.prepare(`UPDATE tasks SET status = ?, blocked_reason = ? WHERE task_id = ? RETURNING ${TASK_STATE}`),
  setOwner: db.prepare(`UPDATE tasks SET owner_id = ? WHERE task_id = ? RETURNING ${TASK_STATE}`),
  setDue: db.prepare(`UPDATE tasks SET due_date = ? WHERE task_id = ? RETURNING ${TASK_STATE}`),
  moveTask: db.prepare(`UPDATE tasks SET workstream_id = ? WHERE task_id = ? RETURNING ${TASK_STATE}`),
  insertHistory: db.prepare(
    'INSERT INTO task_history (task_id, position, workstream_id, change, detail, happened_on, occurred_at, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  workstreamState: db.prepare(
    'SELECT group_id, status, lead_partner_id, lead_person_id, lead_name FROM workstreams WHERE workstream_id = ?',
  ),
  taskState: db.prepare(`SELECT ${TASK_STATE} FROM tasks WHERE task_id = ?`),
  close: db.prepare(
    `UPDATE workstreams SET status = 'CLOSED', outcome_report = ?, closed_on = ?, closed_at = ? WHERE workstream_id = ?`,
  ),
}));

/** Workstreams, their members and reports, and tasks with their whole history (W1-W3). */
export const workstreamsProjection: Projection = {
  name: 'workstreams',
  // 2: bitemporal states, memberships and task states (A3).
  // 3: days are London's, not UTC's.
  // 4: members, tasks and task changes from the days they happened; a report's day is a day; a
  // workstream closed from the day it closed, not the day after.
  // 5: a removal, a lead change, a carry-over and a closing from the day each happened; `closed_on`
  // is that day and `closed_at` the moment it was recorded.
  version: 5,
  streams: [STREAM_PREFIX],
  tables: [
    'workstreams',
    'workstream_states',
    'workstream_areas',
    'workstream_members',
    'workstream_memberships',
    'workstream_reports',
    'tasks',
    'task_states',
    'task_history',
  ],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE workstreams (
        workstream_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, purpose TEXT NOT NULL,
        terms_of_reference TEXT NOT NULL, lead_partner_id TEXT NOT NULL, lead_person_id TEXT NOT NULL, lead_name TEXT NOT NULL,
        start_date TEXT NOT NULL, end_date TEXT, scope_decision_id TEXT, status TEXT NOT NULL, outcome_report TEXT, closed_on TEXT, closed_at TEXT,
        sort_key INTEGER NOT NULL
      );
      CREATE TABLE workstream_states (
        workstream_id TEXT NOT NULL, group_id TEXT NOT NULL, status TEXT NOT NULL, lead_partner_id TEXT NOT NULL,
        lead_person_id TEXT NOT NULL, lead_name TEXT NOT NULL, ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX workstream_states_by_workstream ON workstream_states (workstream_id, valid_from);
      CREATE TABLE workstream_memberships (workstream_id TEXT NOT NULL, person_id TEXT NOT NULL, name TEXT NOT NULL, ${BITEMPORAL_COLUMNS});
      CREATE INDEX workstream_memberships_by_workstream ON workstream_memberships (workstream_id, person_id);
      CREATE TABLE task_states (
        task_id TEXT NOT NULL, workstream_id TEXT NOT NULL, status TEXT NOT NULL, owner_id TEXT NOT NULL, due_date TEXT NOT NULL,
        blocked_reason TEXT, ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX task_states_by_task ON task_states (task_id, valid_from);
      CREATE TABLE workstream_areas (workstream_id TEXT NOT NULL, area_id TEXT NOT NULL, PRIMARY KEY (workstream_id, area_id));
      CREATE TABLE workstream_members (workstream_id TEXT NOT NULL, person_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (workstream_id, person_id));
      CREATE TABLE workstream_reports (workstream_id TEXT NOT NULL, rag TEXT NOT NULL, note TEXT NOT NULL, reported_on TEXT NOT NULL, sort_key INTEGER NOT NULL);
      CREATE TABLE tasks (
        task_id TEXT PRIMARY KEY, workstream_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, owner_id TEXT NOT NULL,
        due_date TEXT NOT NULL, status TEXT NOT NULL, blocked_reason TEXT, sort_key INTEGER NOT NULL
      );
      CREATE TABLE task_history (
        task_id TEXT NOT NULL, position INTEGER NOT NULL, workstream_id TEXT NOT NULL, change TEXT NOT NULL, detail TEXT,
        happened_on TEXT NOT NULL, occurred_at TEXT NOT NULL, person_id TEXT, PRIMARY KEY (task_id, position)
      );`);
  },

  // Only queries use these: a rebuild sorts each once at the end instead of keeping it in order row by row.
  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS workstreams_by_group ON workstreams (group_id, sort_key)',
    'CREATE INDEX IF NOT EXISTS workstream_states_by_group ON workstream_states (group_id, valid_from)',
    'CREATE INDEX IF NOT EXISTS task_states_by_workstream ON task_states (workstream_id, task_id)',
    'CREATE INDEX IF NOT EXISTS workstream_reports_by_workstream ON workstream_reports (workstream_id, reported_on, sort_key)',
    'CREATE INDEX IF NOT EXISTS tasks_by_workstream ON tasks (workstream_id, sort_key)',
    'CREATE INDEX IF NOT EXISTS tasks_by_owner ON tasks (owner_id, sort_key)',
  ],

  apply(db: Database.Database, stored: StoredEvent) {
    if (!stored.streamId.startsWith(STREAM_PREFIX)) return;
    const event = stored as unknown as WorkstreamEvent;
    const s = statements(db);
    const workstreamId = stored.streamId.slice(STREAM_PREFIX.length);
    const occurredAt = occurredAtOf(stored);
    const actor = (stored.metadata.actor as { personId?: string } | undefined)?.personId ?? null;
    /**
     * The task as the event left it (`state`, as its change of the row returned it; none for a
     * task never added) holds from the day the change happened.
     */
    const taskChanged = (taskId: string, state: unknown, change: string, detail: string | null = null) => {
      const on = happenedOn(event.data, occurredAt);
      s.insertHistory.run(taskId, stored.position, workstreamId, change, detail, on, occurredAt, actor);
      if (state)
        supersedeFrom(db, TASK_STATES, { task_id: taskId }, state as Record<string, unknown>, on, stored.position);
    };
    /** The workstream as the event left it holds from `from` (an event of one never commissioned changes nothing). */
    const workstreamFrom = (from: string) => {
      const state = s.workstreamState.get(workstreamId) as Record<string, unknown> | undefined;
      if (state) supersedeFrom(db, WORKSTREAM_STATES, { workstream_id: workstreamId }, state, from, stored.position);
    };
    const membership = { workstream_id: workstreamId };
    switch (event.type) {
      case 'WorkstreamCommissioned': {
        const { lead, areas, commissionedOn, ...data } = event.data;
        s.insertWorkstream.run({ ...data, leadPersonId: lead.personId, leadName: lead.name, sortKey: stored.position });
        for (const area of areas) s.insertArea.run(workstreamId, area.areaId);
        workstreamFrom(commissionedOn);
        return;
      }
      case 'WorkstreamMemberAdded':
        s.insertMember.run(workstreamId, event.data.personId, event.data.name);
        openFact(
          db,
          WORKSTREAM_MEMBERSHIPS,
          { ...membership, person_id: event.data.personId },
          { name: event.data.name },
          event.data.addedOn,
          stored.position,
        );
        return;
      case 'WorkstreamMemberRemoved':
        s.deleteMember.run(workstreamId, event.data.personId);
        closeFact(
          db,
          WORKSTREAM_MEMBERSHIPS,
          { ...membership, person_id: event.data.personId },
          event.data.removedOn,
          stored.position,
        );
        return;
      case 'WorkstreamLeadChanged':
        s.changeLead.run(event.data.leadPartnerId, event.data.lead.personId, event.data.lead.name, workstreamId);
        workstreamFrom(event.data.changedOn);
        return;
      case 'WorkstreamStatusReported':
        // Reports recorded before their day could be given carry the moment they were made.
        s.insertReport.run(
          workstreamId,
          event.data.rag,
          event.data.note,
          groupDateOf(event.data.reportedOn),
          stored.position,
        );
        return;
      case 'TaskAdded':
        taskChanged(
          event.data.taskId,
          s.insertTask.get({
            ...event.data,
            workstreamId,
            status: 'TO_DO',
            blockedReason: null,
            sortKey: stored.position,
          }),
          'ADDED',
          event.data.title,
        );
        return;
      case 'TaskStarted':
        taskChanged(event.data.taskId, s.setStatus.get('IN_PROGRESS', null, event.data.taskId), 'STARTED');
        return;
      case 'TaskBlocked':
        taskChanged(
          event.data.taskId,
          s.setStatus.get('BLOCKED', event.data.reason, event.data.taskId),
          'BLOCKED',
          event.data.reason,
        );
        return;
      case 'TaskUnblocked':
        taskChanged(event.data.taskId, s.setStatus.get('IN_PROGRESS', null, event.data.taskId), 'UNBLOCKED');
        return;
      case 'TaskCompleted':
        taskChanged(event.data.taskId, s.setStatus.get('DONE', null, event.data.taskId), 'COMPLETED');
        return;
      case 'TaskCancelled':
        taskChanged(
          event.data.taskId,
          s.setStatus.get('CANCELLED', null, event.data.taskId),
          'CANCELLED',
          event.data.reason,
        );
        return;
      case 'TaskReassigned':
        taskChanged(
          event.data.taskId,
          s.setOwner.get(event.data.ownerId, event.data.taskId),
          'REASSIGNED',
          event.data.ownerId,
        );
        return;
      case 'TaskDueDateChanged':
        taskChanged(
          event.data.taskId,
          s.setDue.get(event.data.dueDate, event.data.taskId),
          'DUE_DATE_CHANGED',
          `${event.data.dueDate}: ${event.data.reason}`,
        );
        return;
      case 'TaskCarriedOut':
        taskChanged(event.data.taskId, s.taskState.get(event.data.taskId), 'CARRIED_OUT', event.data.toWorkstreamId);
        return;
      case 'TaskCarriedIn':
        taskChanged(
          event.data.task.taskId,
          s.moveTask.get(workstreamId, event.data.task.taskId),
          'CARRIED_IN',
          event.data.fromWorkstreamId,
        );
        return;
      case 'WorkstreamClosed':
        s.close.run(event.data.outcomeReport, event.data.closedOn, occurredAt, workstreamId);
        workstreamFrom(event.data.closedOn);
        return;
      default:
        return unhandled(event);
    }
  },
};
