import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  groupDateOf,
  leadCandidatesOf,
  meetingDecider,
  meetingStream,
  takesChanges,
  WorkstreamCommandUnion,
  workstreamDecider,
  WorkstreamEvent,
  workstreamStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { MeetingQueries } from '@app/read-models';
import { Actors } from '../auth/actors';
import { ReadAccess } from '../auth/read-access';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import {
  AddTaskInput,
  AddWorkstreamMemberInput,
  CarryTaskOverInput,
  ChangeTaskDueDateInput,
  ChangeWorkstreamLeadInput,
  CloseWorkstreamInput,
  CommissionWorkstreamInput,
  ReassignTaskInput,
  ReportWorkstreamStatusInput,
  TaskInput,
  RemoveWorkstreamMemberInput,
  TaskReasonInput,
} from './workstream.inputs';

type Build = (context: PreparedCommand, groupId: string) => WorkstreamCommandUnion | Promise<WorkstreamCommandUnion>;

/**
 * The workstreams' use cases (W1-W3, D2, R11): each prepares who acts, reads the facts of other
 * streams its rule needs inside the retry loop, and has the workstream decider decide. Each
 * answers the id of the workstream the caller sees the result on.
 */
@Injectable()
export class WorkstreamService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly actors: Actors,
    private readonly meetings: MeetingQueries,
    private readonly access: ReadAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async commission(input: CommissionWorkstreamInput, meta: RequestMeta): Promise<string> {
    const workstreamId = newEntityId('workstream', meta.identity.personId, input.idempotencyKey);
    const { groupId } = input;
    await this.gateway.change(
      { operation: 'commissionWorkstream', input, meta },
      groupId,
      workstreamStream(workstreamId),
      workstreamDecider,
      async ({ actor, now }): Promise<WorkstreamCommandUnion> => {
        const group = await this.actors.group(groupId);
        if (group.status !== 'active')
          throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
        return {
          type: 'CommissionWorkstream',
          data: {
            workstreamId,
            groupId,
            name: input.name,
            kind: input.kind,
            purpose: input.purpose,
            termsOfReference: input.termsOfReference,
            leadPartnerId: input.leadPartnerId,
            lead: await this.member(input.leadPersonId),
            areaIds: input.areaIds,
            startDate: input.startDate,
            endDate: input.endDate ?? null,
            scopeDecisionId: input.scopeDecisionId ?? null,
            group: {
              areas: group.areas,
              partners: leadCandidatesOf(group),
              dissolved: group.dissolvedAt !== null,
              scopeDecisionAgreed: await this.scopeAgreed(groupId, input.scopeDecisionId),
            },
            actor,
            now,
          },
        };
      },
    );
    return workstreamId;
  }

  addMember(input: AddWorkstreamMemberInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'addWorkstreamMember', input, meta, async ({ actor, now }) => ({
      type: 'AddWorkstreamMember',
      data: {
        personId: input.personId,
        member: await this.member(input.personId),
        addedOn: input.addedOn ?? null,
        actor,
        now,
      },
    }));
  }

  removeMember(input: RemoveWorkstreamMemberInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'removeWorkstreamMember', input, meta, async ({ actor, now }) => ({
      type: 'RemoveWorkstreamMember',
      data: {
        personId: input.personId,
        removedOn: input.removedOn ?? null,
        actorMayReadTasks: await this.access.mayReadWorkstream(actor.personId, input.workstreamId),
        actor,
        now,
      },
    }));
  }

  changeLead(input: ChangeWorkstreamLeadInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'changeWorkstreamLead', input, meta, async ({ actor, now }, groupId) => {
      const group = await this.actors.group(groupId);
      return {
        type: 'ChangeWorkstreamLead',
        data: {
          personId: input.personId,
          lead: await this.member(input.personId),
          leadPartnerId: input.leadPartnerId,
          partners: group.status === 'active' ? leadCandidatesOf(group) : [],
          changedOn: input.changedOn ?? null,
          actor,
          now,
        },
      };
    });
  }

  reportStatus(input: ReportWorkstreamStatusInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'reportWorkstreamStatus', input, meta, ({ actor, now }) => ({
      type: 'ReportWorkstreamStatus',
      data: { rag: input.rag, note: input.note, reportedOn: input.reportedOn ?? null, actor, now },
    }));
  }

  addTask(input: AddTaskInput, meta: RequestMeta): Promise<string> {
    const stream = workstreamStream(input.workstreamId);
    const taskId = newEntityId('task', meta.identity.personId, input.idempotencyKey, stream);
    return this.change(input.workstreamId, 'addTask', input, meta, ({ actor, now }) => ({
      type: 'AddTask',
      data: {
        taskId,
        title: input.title,
        description: input.description,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        addedOn: input.addedOn ?? null,
        actor,
        now,
      },
    }));
  }

  /** Starting, unblocking and completing a task: the operation is named for the command. */
  moveTask(type: 'StartTask' | 'UnblockTask' | 'CompleteTask', input: TaskInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, type, input, meta, ({ actor, now }) => ({
      type,
      data: { taskId: input.taskId, changedOn: input.changedOn ?? null, actor, now },
    }));
  }

  blockTask(input: TaskReasonInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'blockTask', input, meta, ({ actor, now }) => ({
      type: 'BlockTask',
      data: { taskId: input.taskId, reason: input.reason, changedOn: input.changedOn ?? null, actor, now },
    }));
  }

  cancelTask(input: TaskReasonInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'cancelTask', input, meta, ({ actor, now }) => ({
      type: 'CancelTask',
      data: { taskId: input.taskId, reason: input.reason, changedOn: input.changedOn ?? null, actor, now },
    }));
  }

  reassignTask(input: ReassignTaskInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'reassignTask', input, meta, ({ actor, now }) => ({
      type: 'ReassignTask',
      data: { taskId: input.taskId, ownerId: input.ownerId, changedOn: input.changedOn ?? null, actor, now },
    }));
  }

  changeTaskDueDate(input: ChangeTaskDueDateInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'changeTaskDueDate', input, meta, ({ actor, now }) => ({
      type: 'ChangeTaskDueDate',
      data: {
        taskId: input.taskId,
        dueDate: input.dueDate,
        reason: input.reason,
        changedOn: input.changedOn ?? null,
        actor,
        now,
      },
    }));
  }

  /**
   * W3 in two steps, each on its own stream: the task leaves the source (decided on the target's
   * facts as they stand), then arrives in the target (authorised by the source's record of the
   * departure, whoever leads the target). A retry with the same key finishes whichever step is left.
   */
  async carryTaskOver(input: CarryTaskOverInput, meta: RequestMeta): Promise<string> {
    const source = await this.state(input.workstreamId);
    if (source.status !== 'NONE' && source.tasks[input.taskId]) {
      await this.change(input.workstreamId, 'carryTaskOver', input, meta, async ({ actor, now }) => {
        const target = await this.state(input.toWorkstreamId);
        return {
          type: 'CarryTaskOut',
          data: {
            taskId: input.taskId,
            toWorkstreamId: input.toWorkstreamId,
            target: {
              groupId: target.status === 'NONE' ? '' : target.groupId,
              open: target.status !== 'NONE' && takesChanges(target.status),
              knowsTask:
                target.status !== 'NONE' &&
                (target.carriedOut.includes(input.taskId) || target.tasks[input.taskId] !== undefined),
              lead: target.status === 'NONE' ? { personId: '', name: '' } : target.lead,
              members: target.status === 'NONE' ? {} : target.members,
              since: target.status === 'NONE' ? groupDateOf(now) : target.since,
            },
            changedOn: input.changedOn ?? null,
            actor,
            now,
          },
        };
      });
    }
    const target = await this.state(input.toWorkstreamId);
    if (target.status === 'NONE' || target.tasks[input.taskId] === undefined) {
      await this.change(input.toWorkstreamId, 'carryTaskIn', input, meta, async ({ actor, now }) => {
        const departure = await this.departure(input.workstreamId, input.taskId, input.toWorkstreamId);
        return {
          type: 'CarryTaskIn',
          data: {
            task: departure?.task ?? {
              taskId: input.taskId,
              title: '',
              description: '',
              ownerId: '',
              dueDate: '',
              status: 'TO_DO',
              blockedReason: null,
            },
            fromWorkstreamId: input.workstreamId,
            carriedOutHere: departure !== null,
            changedOn: departure?.changedOn ?? groupDateOf(now),
            actor,
            now,
          },
        };
      });
    }
    return input.workstreamId;
  }

  close(input: CloseWorkstreamInput, meta: RequestMeta): Promise<string> {
    return this.change(input.workstreamId, 'closeWorkstream', input, meta, ({ actor, now }) => ({
      type: 'CloseWorkstream',
      data: { outcomeReport: input.outcomeReport, closedOn: input.closedOn ?? null, actor, now },
    }));
  }

  /** A change to an existing workstream, acting for the partner of the group its stream names. */
  private async change(
    workstreamId: string,
    operation: string,
    input: IdempotentInput,
    meta: RequestMeta,
    build: Build,
  ): Promise<string> {
    const stream = workstreamStream(workstreamId);
    const groupId = await this.actors.groupOfStream(stream, `There is no workstream with id ${workstreamId}.`);
    await this.gateway.change({ operation, input, meta }, groupId, stream, workstreamDecider, (context) =>
      build(context, groupId),
    );
    return workstreamId;
  }

  private state(workstreamId: string) {
    return readState(this.store, workstreamStream(workstreamId), workstreamDecider);
  }

  private async member(personId: string) {
    const person = (await this.actors.access()).people.get(personId);
    return person ? { personId, name: person.name } : null;
  }

  /**
   * R11: the decision was recorded at a meeting of this group, as that meeting's stream says. The
   * store keeps no index by decision, so the read model only says which meeting stream to read.
   */
  private async scopeAgreed(groupId: string, decisionId: string | null | undefined): Promise<boolean> {
    const meetingId = decisionId ? this.meetings.meetingOfDecision(decisionId) : null;
    if (!decisionId || !meetingId) return false;
    const meeting = await readState(this.store, meetingStream(meetingId), meetingDecider);
    return meeting.status !== 'NONE' && meeting.groupId === groupId && meeting.decisionIds.includes(decisionId);
  }

  /** The source workstream's record of a task leaving for `toWorkstreamId`, with the task as it stood. */
  private async departure(workstreamId: string, taskId: string, toWorkstreamId: string) {
    const events = (await this.store.readStream(workstreamStream(workstreamId))) as unknown as WorkstreamEvent[];
    const out = [...events].reverse().find((e) => e.type === 'TaskCarriedOut' && e.data.taskId === taskId);
    return out?.type === 'TaskCarriedOut' && out.data.toWorkstreamId === toWorkstreamId ? out.data : null;
  }
}
