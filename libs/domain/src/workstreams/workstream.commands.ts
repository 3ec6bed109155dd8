import { Message } from '../shared/decider';
import { IsoDate } from '../shared/dates';
import { Actor } from '../shared/roles';
import { Area } from '../regional-group/regional-group.events';
import { Member, Rag, TaskRecord, WorkstreamKind } from './workstream.events';
import { LeadCandidate } from './lead-partner';
import { TaskOwners } from './workstream.state';

/** A core partner of the group, ever: the lead partner is checked against the partners of its day (W1). */
export type GroupPartner = LeadCandidate & Readonly<{ name: string }>;

type WorkstreamCommand<Type extends string, Data> = Message<Type, Data & { actor: Actor; now: string }>;

export type CommissionWorkstream = WorkstreamCommand<
  'CommissionWorkstream',
  {
    workstreamId: string;
    groupId: string;
    name: string;
    kind: WorkstreamKind;
    purpose: string;
    termsOfReference: string;
    leadPartnerId: string;
    /** The lead as the platform knows them, or null when it does not. */
    lead: Member | null;
    areaIds: readonly string[];
    startDate: string;
    endDate: string | null;
    scopeDecisionId: string | null;
    /** From the group's stream and its meetings, read by the handler. */
    group: {
      areas: readonly Area[];
      partners: readonly GroupPartner[];
      dissolved: boolean;
      scopeDecisionAgreed: boolean;
    };
  }
>;
/**
 * `addedOn`, `removedOn`, `reportedOn`, `changedOn`, `closedOn`: the day it happened, when entered
 * after the fact; null for today.
 */
export type AddWorkstreamMember = WorkstreamCommand<
  'AddWorkstreamMember',
  { member: Member | null; personId: string; addedOn?: string | null }
>;
export type RemoveWorkstreamMember = WorkstreamCommand<
  'RemoveWorkstreamMember',
  {
    personId: string;
    removedOn?: string | null;
    /** Whether the one removing may read the workstream's tasks (R43), read by the handler: a refusal names them only then. */
    actorMayReadTasks: boolean;
  }
>;
export type ChangeWorkstreamLead = WorkstreamCommand<
  'ChangeWorkstreamLead',
  {
    leadPartnerId: string;
    lead: Member | null;
    personId: string;
    partners: readonly GroupPartner[];
    changedOn?: string | null;
  }
>;
export type ReportWorkstreamStatus = WorkstreamCommand<
  'ReportWorkstreamStatus',
  { rag: Rag; note: string; reportedOn?: string | null }
>;
export type AddTask = WorkstreamCommand<
  'AddTask',
  { taskId: string; title: string; description: string; ownerId: string; dueDate: string; addedOn?: string | null }
>;
export type ChangeTask = WorkstreamCommand<
  'StartTask' | 'UnblockTask' | 'CompleteTask',
  { taskId: string; changedOn?: string | null }
>;
export type BlockTask = WorkstreamCommand<'BlockTask', { taskId: string; reason: string; changedOn?: string | null }>;
export type CancelTask = WorkstreamCommand<'CancelTask', { taskId: string; reason: string; changedOn?: string | null }>;
export type ReassignTask = WorkstreamCommand<
  'ReassignTask',
  { taskId: string; ownerId: string; changedOn?: string | null }
>;
export type ChangeTaskDueDate = WorkstreamCommand<
  'ChangeTaskDueDate',
  { taskId: string; dueDate: string; reason: string; changedOn?: string | null }
>;
/**
 * The receiving workstream as it stands, read from its stream: everything the arrival will need is
 * checked before the departure is recorded, so a task never leaves without being able to arrive.
 */
export type CarryTaskOut = WorkstreamCommand<
  'CarryTaskOut',
  {
    taskId: string;
    toWorkstreamId: string;
    /**
     * `since`: the target's first day, which the task cannot arrive before; its lead and members with
     * the days they joined, which the task cannot arrive before its owner's. `groupId` is empty when
     * no workstream has the id.
     */
    target: TaskOwners & { groupId: string; open: boolean; knowsTask: boolean; since: IsoDate };
    changedOn?: string | null;
  }
>;
/**
 * The arrival half of a carry-over. `task`, `changedOn` and `carriedOutHere` come from the source
 * stream's own record of the departure, which authorised the move; never from the caller or a read model.
 */
export type CarryTaskIn = WorkstreamCommand<
  'CarryTaskIn',
  { task: TaskRecord; fromWorkstreamId: string; carriedOutHere: boolean; changedOn: IsoDate }
>;
export type CloseWorkstream = WorkstreamCommand<'CloseWorkstream', { outcomeReport: string; closedOn?: string | null }>;

export type WorkstreamCommandUnion =
  | CommissionWorkstream
  | AddWorkstreamMember
  | RemoveWorkstreamMember
  | ChangeWorkstreamLead
  | ReportWorkstreamStatus
  | AddTask
  | ChangeTask
  | BlockTask
  | CancelTask
  | ReassignTask
  | ChangeTaskDueDate
  | CarryTaskOut
  | CarryTaskIn
  | CloseWorkstream;
