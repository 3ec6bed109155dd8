import { IsoDate } from '../shared/dates';
import { Member, TaskRecord, TaskStatus, WorkstreamEvent, WorkstreamKind } from './workstream.events';

/** A member and the day they joined: a task they own, or a change by them, comes no earlier. */
export type WorkstreamMember = Member & Readonly<{ addedOn: IsoDate }>;

/**
 * The days a task was added here (null for one carried in: it was added elsewhere) and last changed
 * (carried in included): a later change is dated no earlier than either.
 */
export type TaskDays = Readonly<{ addedOn: IsoDate | null; changedOn: IsoDate }>;

export type Workstream = Readonly<{
  status: 'ACTIVE' | 'CLOSED';
  workstreamId: string;
  groupId: string;
  kind: WorkstreamKind;
  /** The first day it existed (its `commissionedOn`). */
  since: IsoDate;
  /** A lead partner named before this day is checked on this day, when it will lead (W1). */
  startDate: IsoDate;
  lead: Member;
  /** The day the lead last changed (the first day while it never has): a later change is dated no earlier. */
  leadSince: IsoDate;
  members: Readonly<Record<string, WorkstreamMember>>;
  /** The day each former member was last removed: adding them again is dated no earlier. */
  removedOn: Readonly<Record<string, IsoDate>>;
  tasks: Readonly<Record<string, TaskRecord>>;
  /** The days of the tasks here. */
  taskDays: Readonly<Record<string, TaskDays>>;
  /** The last day any of its tasks changed, carried out or in included: it closes no earlier. */
  tasksChangedOn: IsoDate | null;
  /** Tasks carried to another workstream: their ids stay taken here. */
  carriedOut: readonly string[];
}>;

export type WorkstreamState = Readonly<{ status: 'NONE' }> | Workstream;

/** The later of two days, either of which may be missing. */
const later = (a: IsoDate | null, b: IsoDate): IsoDate => (a !== null && a > b ? a : b);

function setTask(state: Workstream, taskId: string, change: Partial<TaskRecord>, changedOn: IsoDate): Workstream {
  const days = state.taskDays[taskId];
  return {
    ...state,
    tasks: { ...state.tasks, [taskId]: { ...state.tasks[taskId], ...change } },
    taskDays: days ? { ...state.taskDays, [taskId]: { ...days, changedOn } } : state.taskDays,
    tasksChangedOn: later(state.tasksChangedOn, changedOn),
  };
}

function status(
  state: Workstream,
  taskId: string,
  changedOn: IsoDate,
  next: TaskStatus,
  blockedReason: string | null = null,
): Workstream {
  return setTask(state, taskId, { status: next, blockedReason }, changedOn);
}

export function evolveWorkstream(state: WorkstreamState, event: WorkstreamEvent): WorkstreamState {
  if (event.type === 'WorkstreamCommissioned') {
    const { workstreamId, groupId, kind, startDate, lead, commissionedOn } = event.data;
    return {
      status: 'ACTIVE',
      workstreamId,
      groupId,
      kind,
      since: commissionedOn,
      startDate,
      lead,
      leadSince: commissionedOn,
      members: {},
      removedOn: {},
      tasks: {},
      taskDays: {},
      tasksChangedOn: null,
      carriedOut: [],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'WorkstreamMemberAdded':
      return { ...state, members: { ...state.members, [event.data.personId]: event.data } };
    case 'WorkstreamMemberRemoved': {
      const { [event.data.personId]: _removed, ...members } = state.members;
      return { ...state, members, removedOn: { ...state.removedOn, [event.data.personId]: event.data.removedOn } };
    }
    case 'WorkstreamLeadChanged':
      return { ...state, lead: event.data.lead, leadSince: event.data.changedOn };
    case 'WorkstreamStatusReported':
      return state;
    case 'TaskAdded': {
      const { taskId, title, description, ownerId, dueDate, addedOn } = event.data;
      return {
        ...state,
        tasks: {
          ...state.tasks,
          [taskId]: { taskId, title, description, ownerId, dueDate, status: 'TO_DO', blockedReason: null },
        },
        taskDays: { ...state.taskDays, [taskId]: { addedOn, changedOn: addedOn } },
        tasksChangedOn: later(state.tasksChangedOn, addedOn),
      };
    }
    case 'TaskStarted':
    case 'TaskUnblocked':
      return status(state, event.data.taskId, event.data.changedOn, 'IN_PROGRESS');
    case 'TaskBlocked':
      return status(state, event.data.taskId, event.data.changedOn, 'BLOCKED', event.data.reason);
    case 'TaskCompleted':
      return status(state, event.data.taskId, event.data.changedOn, 'DONE');
    case 'TaskCancelled':
      return status(state, event.data.taskId, event.data.changedOn, 'CANCELLED');
    case 'TaskReassigned':
      return setTask(state, event.data.taskId, { ownerId: event.data.ownerId }, event.data.changedOn);
    case 'TaskDueDateChanged':
      return setTask(state, event.data.taskId, { dueDate: event.data.dueDate }, event.data.changedOn);
    case 'TaskCarriedOut': {
      const { [event.data.taskId]: _carried, ...tasks } = state.tasks;
      const { [event.data.taskId]: _days, ...taskDays } = state.taskDays;
      return {
        ...state,
        tasks,
        taskDays,
        tasksChangedOn: later(state.tasksChangedOn, event.data.changedOn),
        carriedOut: [...state.carriedOut, event.data.taskId],
      };
    }
    case 'TaskCarriedIn': {
      const { task, changedOn } = event.data;
      return {
        ...state,
        tasks: { ...state.tasks, [task.taskId]: task },
        taskDays: { ...state.taskDays, [task.taskId]: { addedOn: null, changedOn } },
        tasksChangedOn: later(state.tasksChangedOn, changedOn),
      };
    }
    case 'WorkstreamClosed':
      return { ...state, status: 'CLOSED' };
  }
}

export function isLead(workstream: Workstream, personId: string): boolean {
  return workstream.lead.personId === personId;
}

/** Everyone who may own a task here: the lead and the members. */
export function peopleOf(workstream: Workstream): string[] {
  return [workstream.lead.personId, ...Object.keys(workstream.members)];
}
