import { Message } from '../shared/decider';
import { IsoDate } from '../shared/dates';
import { Area } from '../regional-group/regional-group.events';

export type WorkstreamKind = 'STANDING' | 'TASK_AND_FINISH';
export type Rag = 'RED' | 'AMBER' | 'GREEN';
export type TaskStatus = 'TO_DO' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';
export type Member = Readonly<{ personId: string; name: string }>;

/** A task as it moves between workstreams, with the history it keeps. */
export type TaskRecord = Readonly<{
  taskId: string;
  title: string;
  description: string;
  ownerId: string;
  dueDate: string;
  status: TaskStatus;
  blockedReason: string | null;
}>;

export type WorkstreamCommissioned = Message<
  'WorkstreamCommissioned',
  {
    workstreamId: string;
    groupId: string;
    name: string;
    kind: WorkstreamKind;
    purpose: string;
    termsOfReference: string;
    leadPartnerId: string;
    lead: Member;
    /** The areas it concerns; it flows into each of their feeds (D2). */
    areas: readonly Area[];
    startDate: string;
    endDate: string | null;
    /** For work of sub-regional scale: the decision of a quorate meeting that agreed it (R11). */
    scopeDecisionId: string | null;
    /**
     * The first day it existed: its start, or the day it was recorded when it starts later. Nothing
     * happens to it before this day.
     */
    commissionedOn: IsoDate;
  }
>;
/** The days of members, reports and tasks are the world's: history is entered later with its real days. */
export type WorkstreamMemberAdded = Message<'WorkstreamMemberAdded', Member & { addedOn: IsoDate }>;
/** `removedOn`, the day they left, which a later re-adding cannot precede. */
export type WorkstreamMemberRemoved = Message<'WorkstreamMemberRemoved', { personId: string; removedOn: IsoDate }>;
/** `changedOn`, the day the new lead took over: the workstream as at a day shows that day's lead. */
export type WorkstreamLeadChanged = Message<
  'WorkstreamLeadChanged',
  { leadPartnerId: string; lead: Member; changedOn: IsoDate }
>;
export type WorkstreamStatusReported = Message<
  'WorkstreamStatusReported',
  { rag: Rag; note: string; reportedOn: IsoDate }
>;
export type TaskAdded = Message<
  'TaskAdded',
  { taskId: string; title: string; description: string; ownerId: string; dueDate: string; addedOn: IsoDate }
>;
export type TaskStarted = Message<'TaskStarted', { taskId: string; changedOn: IsoDate }>;
export type TaskBlocked = Message<'TaskBlocked', { taskId: string; reason: string; changedOn: IsoDate }>;
export type TaskUnblocked = Message<'TaskUnblocked', { taskId: string; changedOn: IsoDate }>;
export type TaskCompleted = Message<'TaskCompleted', { taskId: string; changedOn: IsoDate }>;
export type TaskCancelled = Message<'TaskCancelled', { taskId: string; reason: string; changedOn: IsoDate }>;
export type TaskReassigned = Message<'TaskReassigned', { taskId: string; ownerId: string; changedOn: IsoDate }>;
export type TaskDueDateChanged = Message<
  'TaskDueDateChanged',
  { taskId: string; dueDate: string; reason: string; changedOn: IsoDate }
>;
/**
 * Both ends of a carry-over are recorded: out of one workstream, into the other with the task as it
 * stood, each on the day it was carried (`changedOn`).
 */
export type TaskCarriedOut = Message<
  'TaskCarriedOut',
  { taskId: string; toWorkstreamId: string; task: TaskRecord; changedOn: IsoDate }
>;
export type TaskCarriedIn = Message<
  'TaskCarriedIn',
  { task: TaskRecord; fromWorkstreamId: string; changedOn: IsoDate }
>;
/** `closedOn`, the day it closed: closed from that day, as every other fact of it is dated. */
export type WorkstreamClosed = Message<'WorkstreamClosed', { outcomeReport: string; closedOn: IsoDate }>;

export type WorkstreamEvent =
  | WorkstreamCommissioned
  | WorkstreamMemberAdded
  | WorkstreamMemberRemoved
  | WorkstreamLeadChanged
  | WorkstreamStatusReported
  | TaskAdded
  | TaskStarted
  | TaskBlocked
  | TaskUnblocked
  | TaskCompleted
  | TaskCancelled
  | TaskReassigned
  | TaskDueDateChanged
  | TaskCarriedOut
  | TaskCarriedIn
  | WorkstreamClosed;

export const workstreamStream = (workstreamId: string): string => `workstream-${workstreamId}`;
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['TO_DO', 'IN_PROGRESS', 'BLOCKED'];
