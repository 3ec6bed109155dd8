import DataLoader from 'dataloader';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { groupDateOf, isTaskOverdue, DomainError, mayChangeTask, successorOn } from '@app/domain';
import { TaskFilter, TaskRow, TimeView, WHOLE_RECORD, WorkstreamQueries, WorkstreamRow } from '@app/read-models';
import { CLOCK, Clock } from '@app/platform';
import { KnownEntities } from '../common/known-entities';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { requestMeta } from '../common/command-gateway';
import { PageArgs, toConnection } from '../common/connection';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import { Viewed } from '../graphql/loaders';
import { LocalArea } from '../regional-group/regional-group.types';
import { WorkstreamService } from './workstream.service';
import { workstreamPeopleToday } from './workstream-people-today';
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
import {
  Rag,
  StatusReport,
  Task,
  TaskChange,
  TaskConnection,
  TaskCount,
  TaskStatus,
  Workstream,
  WorkstreamKind,
  WorkstreamPerson,
} from './workstream.types';

/** Whether a workstream was asked asAt a day or asRecordedAt a moment (A3). */
export interface Asked {
  readonly asAt: string | null;
  readonly asRecordedAt: Date | null;
}

const NOT_ASKED: Asked = { asAt: null, asRecordedAt: null };

/** The key of a workstream's loaders: its id and the view it is seen on. */
const seen = (workstream: Workstream): Viewed => ({ id: workstream.id, args: { view: workstream.view } });

/** The workstream as seen on `view` (today, recorded now, unless asked asAt or asRecordedAt). */
export function toWorkstream(row: WorkstreamRow, view: TimeView, asked: Asked = NOT_ASKED): Workstream {
  return {
    id: row.workstreamId,
    groupId: row.groupId,
    name: row.name,
    kind: row.kind as WorkstreamKind,
    purpose: row.purpose,
    termsOfReference: row.termsOfReference,
    namedLeadPartnerId: row.leadPartnerId,
    lead: { personId: row.leadPersonId, name: row.leadName },
    startDate: row.startDate,
    endDate: row.endDate,
    scopeDecisionId: row.scopeDecisionId,
    status: row.status,
    outcomeReport: row.outcomeReport,
    closedOn: row.closedOn,
    closedAt: row.closedAt,
    asAt: asked.asAt === null && asked.asRecordedAt === null ? null : view.on,
    asRecordedAt: asked.asRecordedAt,
    view,
  };
}

/** A task as seen on `view` (whose day `overdue` is as of) or, without one, today and recorded now. */
function toTask(row: TaskRow, today: string, view: TimeView | null = null): Task {
  return { ...row, id: row.taskId, status: row.status as TaskStatus, overdue: isTaskOverdue(row, today), view };
}

@ArgsType()
class TaskArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  workstreamId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  ownerId?: string | null;

  @Field(() => TaskStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TaskStatus))
  status?: TaskStatus | null;

  @Field({ defaultValue: false, description: 'Only open tasks past their due date, as of today.' })
  @IsBoolean()
  overdue: boolean = false;
}

@ArgsType()
class WorkstreamTaskArgs extends PageArgs {
  @Field(() => TaskStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TaskStatus))
  status?: TaskStatus | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  overdue: boolean = false;
}

/** Workstreams and the tasks their leads and members track (W1-W3, D2, R11). */
@Resolver(() => Workstream)
export class WorkstreamResolver {
  constructor(
    private readonly service: WorkstreamService,
    private readonly workstreams: WorkstreamQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly views: GroupTimeViews,
  ) {}

  /** Per request: whose tasks its reader may read (the context object lives as long as the request). */
  private readonly taskAccess = new WeakMap<GraphqlContext, DataLoader<string, boolean>>();

  private read(workstreamId: string): Workstream {
    const row = this.workstreams.workstream(workstreamId);
    if (!row) throw new DomainError('NOT_FOUND', `There is no workstream with id ${workstreamId}.`);
    return toWorkstream(row, this.views.today());
  }

  @Query(() => Workstream, {
    nullable: true,
    description:
      "For the group's business readers (R43) and the workstream's own lead and members. asAt (YYYY-MM-DD) gives its status, lead, members, status reports and tasks as they stood that day, as known now, and asRecordedAt as the platform showed them at that moment (A3); a day before the workstream existed is OUT_OF_RANGE. Null when refused, the refusal (with its code) in errors, so the rest of the query still answers.",
  })
  async workstream(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
    @Args('asAt', { type: () => String, nullable: true, description: 'YYYY-MM-DD' }) asAt?: string | null,
    @Args('asRecordedAt', { type: () => Date, nullable: true }) asRecordedAt?: Date | null,
  ): Promise<Workstream> {
    const workstream = this.read(id);
    await this.assertReadable(identity, workstream);
    const asked = { asAt: asAt ?? null, asRecordedAt: asRecordedAt ?? null };
    const view = this.views.ofEntity(
      workstream.groupId,
      { id, what: 'workstream' },
      asked.asAt,
      asked.asRecordedAt,
      (seenOn) => this.workstreams.firstDay(id, seenOn),
    );
    // Through the loader, so the fields asking what the reader may do today find today's row already read.
    const row = await context.loaders.workstream.load({ id, args: { view } });
    if (!row) throw new DomainError('NOT_FOUND', `There is no workstream with id ${id}.`);
    return toWorkstream(row, view, asked);
  }

  private async assertReadable(identity: Identity, workstream: Workstream): Promise<void> {
    const id = workstream.id;
    const readable =
      (await this.access.mayReadWorkstream(identity.personId, id)) ||
      (await this.access.mayReadGroup(identity.personId, workstream.groupId));
    if (!readable)
      throw new DomainError(
        'FORBIDDEN',
        "A workstream is for its lead and members, the group's current representatives, administrators and auditors.",
      );
  }

  @Query(() => TaskConnection, {
    description:
      'Tasks across a group’s workstreams, by workstream, owner, status and overdue; only of the workstreams whose tasks the reader may read (R43).',
  })
  async tasks(@Args() args: TaskArgs, @CurrentIdentity() identity: Identity) {
    if (args.groupId) this.known.group(args.groupId);
    if (args.workstreamId) this.known.workstream(args.workstreamId);
    if (args.ownerId) this.known.person(args.ownerId);
    if (args.workstreamId) await this.access.assertWorkstream(identity.personId, args.workstreamId);
    const filter: TaskFilter = {
      groupId: args.groupId,
      workstreamId: args.workstreamId,
      workstreamIds: await this.readableWorkstreamIds(identity.personId, args.groupId ?? null),
      ownerId: args.ownerId,
      status: args.status,
      overdueOn: args.overdue ? this.views.today().on : null,
    };
    const today = this.views.today().on;
    return toConnection(this.workstreams.tasks(filter, args.first, args.after ?? null), (row) => toTask(row, today));
  }

  @Query(() => TaskConnection, {
    description: 'The tasks the caller owns, in every workstream whose tasks they may still read.',
  })
  async myTasks(@Args() args: WorkstreamTaskArgs, @CurrentIdentity() identity: Identity) {
    const today = this.views.today().on;
    const filter: TaskFilter = {
      ownerId: identity.personId,
      workstreamIds: await this.readableWorkstreamIds(identity.personId, null),
      status: args.status,
      overdueOn: args.overdue ? today : null,
    };
    return toConnection(this.workstreams.tasks(filter, args.first, args.after ?? null), (row) => toTask(row, today));
  }

  @ResolveField(() => [LocalArea])
  async areas(@Parent() workstream: Workstream, @Context() context: GraphqlContext): Promise<LocalArea[]> {
    const areas = await context.loaders.area.loadMany(await context.loaders.areaIdsOfWorkstream.load(workstream.id));
    return areas.flatMap((area) => (area && !(area instanceof Error) ? [{ id: area.areaId, name: area.name }] : []));
  }

  @ResolveField(() => ID, {
    description:
      'The partner leading on the day seen (W1): the one named lead, or the last of its line of successors that had taken over its leads by then (R16: an ICB for its CCG from 1 July 2022). That partner is shown even on a day it was no core partner of the group: after it left (a CCG whose ICB has since left shows the ICB), or, for a workstream commissioned before the lead partner was checked, before it was admitted.',
  })
  async leadPartnerId(@Parent() workstream: Workstream, @Context() context: GraphqlContext): Promise<string> {
    const { groupId, view, namedLeadPartnerId } = workstream;
    const partners = await context.loaders.partnersOfGroup.load({ id: groupId, args: { view } });
    return successorOn(partners, namedLeadPartnerId, view.on);
  }

  @ResolveField(() => [WorkstreamPerson])
  members(@Parent() workstream: Workstream, @Context() context: GraphqlContext): Promise<WorkstreamPerson[]> {
    return context.loaders.membersOfWorkstream.load(seen(workstream));
  }

  @ResolveField(() => [StatusReport], { description: 'Newest first.' })
  async statusReports(@Parent() workstream: Workstream, @Context() context: GraphqlContext): Promise<StatusReport[]> {
    const reports = await context.loaders.reportsOfWorkstream.load(seen(workstream));
    return reports.map((r) => ({ ...r, rag: r.rag as Rag }));
  }

  @ResolveField(() => StatusReport, { nullable: true })
  async latestStatus(
    @Parent() workstream: Workstream,
    @Context() context: GraphqlContext,
  ): Promise<StatusReport | null> {
    const [latest] = await context.loaders.reportsOfWorkstream.load(seen(workstream));
    return latest ? { ...latest, rag: latest.rag as Rag } : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the lead has reported since the group last met (W1).' })
  async reportedSinceLastMeeting(
    @Parent() workstream: Workstream,
    @Context() context: GraphqlContext,
  ): Promise<boolean> {
    const now = workstream.asAt === null ? this.clock.now().toISOString() : `${workstream.view.on}T23:59:59.999Z`;
    const [meetings, [latest]] = await Promise.all([
      context.loaders.meetingsOfGroup.load({ id: workstream.groupId, args: { view: workstream.view } }),
      context.loaders.reportsOfWorkstream.load(seen(workstream)),
    ]);
    const held = meetings.filter((m) => m.status !== 'SCHEDULED' && m.startsAt <= now);
    const lastMeeting = held[held.length - 1];
    // A report dated the day the group met is taken as made for that meeting, not since it.
    return latest !== undefined && (!lastMeeting || latest.reportedOn > groupDateOf(lastMeeting.startsAt));
  }

  /**
   * Whether the person may read a workstream's tasks, asked once per request for every workstream
   * a list shows, so a group's workstreams are checked together.
   */
  private mayReadTasks(context: GraphqlContext, personId: string, workstreamId: string): Promise<boolean> {
    let loader = this.taskAccess.get(context);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const readable = new Set(await this.access.readableWorkstreamIds(personId, ids));
        return ids.map((id) => readable.has(id));
      });
      this.taskAccess.set(context, loader);
    }
    return loader.load(workstreamId);
  }

  private async assertTasks(context: GraphqlContext, personId: string, workstreamId: string): Promise<void> {
    if (!(await this.mayReadTasks(context, personId, workstreamId))) throw this.access.refusal('workstream');
  }

  /** The workstreams, of one group or of all, whose tasks the person may read. */
  private async readableWorkstreamIds(personId: string, groupId: string | null): Promise<string[]> {
    const ids = groupId
      ? (this.workstreams.workstreamsOfGroups([groupId]).get(groupId) ?? []).map((w) => w.workstreamId)
      : this.workstreams.allWorkstreamIds();
    return this.access.readableWorkstreamIds(personId, ids);
  }

  @ResolveField(() => TaskConnection, { description: 'FORBIDDEN to anyone who may not read its tasks (R43).' })
  async workstreamTasks(
    @Parent() workstream: Workstream,
    @Args() args: WorkstreamTaskArgs,
    @Context() context: GraphqlContext,
    @CurrentIdentity() identity: Identity,
  ) {
    await this.assertTasks(context, identity.personId, workstream.id);
    const today = workstream.asAt ?? this.views.today().on;
    const page = await context.loaders.tasksOfWorkstream.load({
      id: workstream.id,
      args: {
        status: args.status ?? null,
        overdueOn: args.overdue ? today : null,
        first: args.first,
        after: args.after ?? null,
        view: workstream.view,
      },
    });
    return toConnection(page, (row) => toTask(row, today, workstream.asAt === null ? null : workstream.view));
  }

  @ResolveField(() => [TaskCount], { description: 'FORBIDDEN to anyone who may not read its tasks (R43).' })
  async taskCounts(
    @Parent() workstream: Workstream,
    @Context() context: GraphqlContext,
    @CurrentIdentity() identity: Identity,
  ): Promise<TaskCount[]> {
    await this.assertTasks(context, identity.personId, workstream.id);
    const counts = await context.loaders.taskCountsOfWorkstream.load(seen(workstream));
    return counts.map((c) => ({ status: c.status as TaskStatus, count: c.count }));
  }

  @Mutation(() => Workstream, {
    description: 'Administrator or chair. Flows into the feed of each area it concerns (D2).',
  })
  async commissionWorkstream(
    @Args('input') input: CommissionWorkstreamInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.commission(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream, { description: 'The lead, the chair or an administrator.' })
  async addWorkstreamMember(
    @Args('input') input: AddWorkstreamMemberInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.addMember(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream, {
    description:
      'The lead, the chair or an administrator, on removedOn; refused while the member owns open tasks, or owned one still open on that day.',
  })
  async removeWorkstreamMember(
    @Args('input') input: RemoveWorkstreamMemberInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.removeMember(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async changeWorkstreamLead(
    @Args('input') input: ChangeWorkstreamLeadInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.changeLead(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream, { description: 'The lead reports red, amber or green with a note (W1).' })
  async reportWorkstreamStatus(
    @Args('input') input: ReportWorkstreamStatusInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.reportStatus(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream, { description: 'The lead, or a member for themself.' })
  async addTask(
    @Args('input') input: AddTaskInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.addTask(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async startTask(
    @Args('input') input: TaskInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.moveTask('StartTask', input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async unblockTask(
    @Args('input') input: TaskInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.moveTask('UnblockTask', input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async completeTask(
    @Args('input') input: TaskInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.moveTask('CompleteTask', input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async blockTask(
    @Args('input') input: TaskReasonInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.blockTask(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async cancelTask(
    @Args('input') input: TaskReasonInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.cancelTask(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async reassignTask(
    @Args('input') input: ReassignTaskInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.reassignTask(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream)
  async changeTaskDueDate(
    @Args('input') input: ChangeTaskDueDateInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.changeTaskDueDate(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream, {
    description:
      'The lead, the chair or an administrator. Records the task leaving this workstream, then arriving in the other with its status and history (W3). Retry with the same idempotencyKey if the second step did not complete.',
  })
  async carryTaskOver(
    @Args('input') input: CarryTaskOverInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Workstream> {
    return this.read(await this.service.carryTaskOver(input, requestMeta(identity, context)));
  }

  @Mutation(() => Workstream, {
    description: 'Task-and-finish groups only, once no task is open (OPEN_TASKS otherwise).',
  })
  async closeWorkstream(
    @Args('input') input: CloseWorkstreamInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.read(await this.service.close(input, requestMeta(identity, context)));
  }
}

@Resolver(() => Task)
export class TaskFields {
  constructor(private readonly views: GroupTimeViews) {}

  @ResolveField(() => [TaskChange], {
    description:
      'The task’s history, across workstreams it was carried between: every change, or under a workstream seen as at a day or a moment, the changes up to then.',
  })
  history(@Parent() task: Task, @Context() context: GraphqlContext): Promise<TaskChange[]> {
    return context.loaders.historyOfTask.load({ id: task.id, args: { view: task.view ?? WHOLE_RECORD } });
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the reader may change the task today (W2): its workstream’s lead any task, a member their own. False for a task of a closed workstream (W3), and for one seen as at a day or a moment, which is history.',
  })
  async viewerMayChange(
    @Parent() task: Task,
    @Context() context: GraphqlContext,
    @CurrentIdentity() identity: Identity,
  ): Promise<boolean> {
    if (task.view !== null) return false;
    const today = await workstreamPeopleToday(this.views, context, task.workstreamId);
    return today !== null && mayChangeTask(today.people, identity.personId, task.ownerId);
  }
}
