import { IsoDate } from '../shared/dates';
import { Member, TaskRecord, TaskStatus, WorkstreamEvent, WorkstreamKind } from './workstream.events';

export type Workstream = Readonly<{
  status: 'ACTIVE' | 'CLOSED';
  workstreamId: string;
  groupId: string;
  kind: WorkstreamKind;
  /** A lead partner named before this day is checked on this day, when it will lead (W1). */
  startDate: IsoDate;
  lead: Member;
  members: Readonly<Record<string, Member>>;
  tasks: Readonly<Record<string, TaskRecord>>;
  /** Tasks carried to another workstream: their ids stay taken here. */
  carriedOut: readonly string[];
}>;

export type WorkstreamState = Readonly<{ status: 'NONE' }> | Workstream;

function setTask(state: Workstream, taskId: string, change: Partial<TaskRecord>): Workstream {
  return { ...state, tasks: { ...state.tasks, [taskId]: { ...state.tasks[taskId], ...change } } };
}

function status(state: Workstream, taskId: string, next: TaskStatus, blockedReason: string | null = null): Workstream {
  return setTask(state, taskId, { status: next, blockedReason });
}

export function evolveWorkstream(state: WorkstreamState, event: WorkstreamEvent): WorkstreamState {
  if (event.type === 'WorkstreamCommissioned') {
    const { workstreamId, groupId, kind, startDate, lead } = event.data;
    return { status: 'ACTIVE', workstreamId, groupId, kind, startDate, lead, members: {}, tasks: {}, carriedOut: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'WorkstreamMemberAdded':
      return { ...state, members: { ...state.members, [event.data.personId]: event.data } };
    case 'WorkstreamMemberRemoved': {
      const { [event.data.personId]: _removed, ...members } = state.members;
      return { ...state, members };
    }
    case 'WorkstreamLeadChanged':
      return { ...state, lead: event.data.lead };
    case 'WorkstreamStatusReported':
      return state;
    case 'TaskAdded':
      return {
        ...state,
        tasks: { ...state.tasks, [event.data.taskId]: { ...event.data, status: 'TO_DO', blockedReason: null } },
      };
    case 'TaskStarted':
    case 'TaskUnblocked':
      return status(state, event.data.taskId, 'IN_PROGRESS');
    case 'TaskBlocked':
      return status(state, event.data.taskId, 'BLOCKED', event.data.reason);
    case 'TaskCompleted':
      return status(state, event.data.taskId, 'DONE');
    case 'TaskCancelled':
      return status(state, event.data.taskId, 'CANCELLED');
    case 'TaskReassigned':
      return setTask(state, event.data.taskId, { ownerId: event.data.ownerId });
    case 'TaskDueDateChanged':
      return setTask(state, event.data.taskId, { dueDate: event.data.dueDate });
    case 'TaskCarriedOut': {
      const { [event.data.taskId]: _carried, ...tasks } = state.tasks;
      return { ...state, tasks, carriedOut: [...state.carriedOut, event.data.taskId] };
    }
    case 'TaskCarriedIn':
      return { ...state, tasks: { ...state.tasks, [event.data.task.taskId]: event.data.task } };
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
