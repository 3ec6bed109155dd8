import { DayBound } from '../audit/day-it-happened';
import { IsoDate } from '../shared/dates';
import { Member, TaskRecord, TaskStatus, WorkstreamEvent, WorkstreamKind } from './workstream.events';

/** A member and the day they joined: a task they own, or a change by them, comes no earlier. */
export type WorkstreamMember = Member & Readonly<{ addedOn: IsoDate }>;

/**
 * The days a task was added here (null for one carried in: it was added elsewhere) and last changed
 * (carried in included): a later change is dated no earlier than either; and the day its owner was
 * given it here (null for one carried in and not reassigned since), for a removal's refusal to say.
 */
export type TaskDays = Readonly<{ addedOn: IsoDate | null; changedOn: IsoDate; ownedSince: IsoDate | null }>;

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
  /**
   * The last dated change to it (a member added or removed, the lead changed, a status report, a
   * task changed, carried out or in included) and what it was: it closes no earlier.
   */
  lastChange: DayBound;
  /** The day the status was last reported: the lead who reported it led until then at least. */
  reportedOn: IsoDate | null;
  /**
   * For each person, by task, the latest day each task of theirs stopped being theirs or open
   * (reassigned, completed, cancelled, carried over): they were in the workstream until then at least.
   */
  released: Readonly<Record<string, Readonly<Record<string, TaskReleased>>>>;
  /** Tasks carried to another workstream: their ids stay taken here. */
  carriedOut: readonly string[];
}>;

/**
 * A task, titled as it was then, that stopped being its owner's or open on a day, and the day they were
 * given it here (null when not known).
 */
export type TaskReleased = Readonly<{ taskId: string; title: string; on: IsoDate; ownedSince: IsoDate | null }>;

/** Who may own a task in a workstream: its lead and its members, with the days they joined. */
export type TaskOwners = Pick<Workstream, 'lead' | 'members'>;

export type WorkstreamState = Readonly<{ status: 'NONE' }> | Workstream;

const TASKS_CHANGED = 'its tasks last changed';

/** The later of two days, the first of which may be missing. */
const later = (a: IsoDate | null, b: IsoDate): IsoDate => (a !== null && a > b ? a : b);

/** The state with `on` as its last change when no change came later (the later one of a day is named). */
function changed(state: Workstream, on: IsoDate, what: string): Workstream {
  return on >= state.lastChange.on ? { ...state, lastChange: { on, what } } : state;
}

/** The state with the task's owner released from it on `on`, unless it was released from them later already. */
function release(state: Workstream, taskId: string, on: IsoDate): Workstream {
  const { ownerId, title } = state.tasks[taskId];
  const theirs = state.released[ownerId] ?? {};
  const before = theirs[taskId];
  if (before && before.on > on) return state;
  const ownedSince = state.taskDays[taskId]?.ownedSince ?? null;
  return {
    ...state,
    released: { ...state.released, [ownerId]: { ...theirs, [taskId]: { taskId, title, on, ownedSince } } },
  };
}

function setTask(
  state: Workstream,
  taskId: string,
  change: Partial<TaskRecord>,
  changedOn: IsoDate,
  daysChange: Partial<TaskDays> = {},
): Workstream {
  const days = state.taskDays[taskId];
  return changed(
    {
      ...state,
      tasks: { ...state.tasks, [taskId]: { ...state.tasks[taskId], ...change } },
      taskDays: days ? { ...state.taskDays, [taskId]: { ...days, changedOn, ...daysChange } } : state.taskDays,
    },
    changedOn,
    TASKS_CHANGED,
  );
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
      lastChange: { on: commissionedOn, what: "the workstream's first day" },
      reportedOn: null,
      released: {},
      carriedOut: [],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'WorkstreamMemberAdded':
      return changed(
        { ...state, members: { ...state.members, [event.data.personId]: event.data } },
        event.data.addedOn,
        `${event.data.name} was added to it`,
      );
    case 'WorkstreamMemberRemoved': {
      const { [event.data.personId]: removed, ...members } = state.members;
      const { removedOn } = event.data;
      return changed(
        { ...state, members, removedOn: { ...state.removedOn, [event.data.personId]: removedOn } },
        removedOn,
        `${removed?.name ?? 'a member'} was removed from it`,
      );
    }
    case 'WorkstreamLeadChanged':
      return changed(
        { ...state, lead: event.data.lead, leadSince: event.data.changedOn },
        event.data.changedOn,
        'the lead last changed',
      );
    case 'WorkstreamStatusReported':
      return changed(
        { ...state, reportedOn: later(state.reportedOn, event.data.reportedOn) },
        event.data.reportedOn,
        'its status was last reported',
      );
    case 'TaskAdded': {
      const { taskId, title, description, ownerId, dueDate, addedOn } = event.data;
      const added: Workstream = {
        ...state,
        tasks: {
          ...state.tasks,
          [taskId]: { taskId, title, description, ownerId, dueDate, status: 'TO_DO', blockedReason: null },
        },
        taskDays: { ...state.taskDays, [taskId]: { addedOn, changedOn: addedOn, ownedSince: addedOn } },
      };
      return changed(added, addedOn, TASKS_CHANGED);
    }
    case 'TaskStarted':
    case 'TaskUnblocked':
      return status(state, event.data.taskId, event.data.changedOn, 'IN_PROGRESS');
    case 'TaskBlocked':
      return status(state, event.data.taskId, event.data.changedOn, 'BLOCKED', event.data.reason);
    case 'TaskCompleted':
      return status(
        release(state, event.data.taskId, event.data.changedOn),
        event.data.taskId,
        event.data.changedOn,
        'DONE',
      );
    case 'TaskCancelled':
      return status(
        release(state, event.data.taskId, event.data.changedOn),
        event.data.taskId,
        event.data.changedOn,
        'CANCELLED',
      );
    case 'TaskReassigned':
      return setTask(
        release(state, event.data.taskId, event.data.changedOn),
        event.data.taskId,
        { ownerId: event.data.ownerId },
        event.data.changedOn,
        { ownedSince: event.data.changedOn },
      );
    case 'TaskDueDateChanged':
      return setTask(state, event.data.taskId, { dueDate: event.data.dueDate }, event.data.changedOn);
    case 'TaskCarriedOut': {
      const released = release(state, event.data.taskId, event.data.changedOn);
      const { [event.data.taskId]: _carried, ...tasks } = released.tasks;
      const { [event.data.taskId]: _days, ...taskDays } = released.taskDays;
      return changed(
        { ...released, tasks, taskDays, carriedOut: [...state.carriedOut, event.data.taskId] },
        event.data.changedOn,
        TASKS_CHANGED,
      );
    }
    case 'TaskCarriedIn': {
      const { task, changedOn } = event.data;
      return changed(
        {
          ...state,
          tasks: { ...state.tasks, [task.taskId]: task },
          taskDays: { ...state.taskDays, [task.taskId]: { addedOn: null, changedOn, ownedSince: null } },
        },
        changedOn,
        TASKS_CHANGED,
      );
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
