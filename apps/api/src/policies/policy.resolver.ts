import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  communicationDecider,
  communicationStream,
  DomainError,
  localArrangementDecider,
  IssueRegionalCommunication,
  LocalArrangementCommand,
  localArrangementStream,
  meetingDecider,
  meetingQuorum,
  meetingStream,
  PolicyCommandUnion,
  policyDecider,
  PolicyEvent,
  policyStream,
  versionInForce,
  isPolicyReviewOverdue,
  workstreamDecider,
  workstreamStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { PolicyQueries, PolicyRow, PolicyVersionRow, TimeView } from '@app/read-models';
import { Clock } from '@app/platform';
import { Actors } from '../auth/actors';
import { KnownEntities } from '../common/known-entities';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { ChangeStreamCommand } from '../common/change-stream.command';
import { PreparedCommand } from '../common/command-gateway';
import { derivedId } from '../common/derived-id';
import { CommandBus } from '@nestjs/cqrs';
import { GroupTimeViews } from '../common/group-time-views';
import { IdempotentInput } from '../common/idempotency-key.input';
import { GraphqlContext } from '../graphql/graphql-context';
import { Viewed } from '../graphql/loaders';
import { CLOCK, EVENT_STORE } from '../infrastructure/injection-tokens';
import { RegionalGroup } from '../regional-group/regional-group.types';
import {
  ApprovePolicyInput,
  AreaAdoption,
  Communication,
  DraftPolicyInput,
  IssueRegionalCommunicationInput,
  Policy,
  PolicyReview,
  PolicyVersion,
  PublishPolicyVersionInput,
  CorrectPolicyAdoptionInput,
  RecordPolicyAdoptionInput,
  RecordPolicyReviewInput,
  RetirePolicyInput,
  RevisePolicyDraftInput,
} from './policy.types';

const NOT_ASKED = { asAt: null, asRecordedAt: null };

/** The key of a policy's loaders: its id and the view it is seen on. */
const seen = (policy: Policy): Viewed => ({ id: policy.id, args: { view: policy.view } });

/** Regional policies flowing down, each area's own decision on them (D1), and communications (D5). */
function toVersion(policyId: string, row: PolicyVersionRow): PolicyVersion {
  return { ...row, id: derivedId('PolicyVersion', policyId, row.version) };
}

@Resolver(() => Policy)
export class PolicyResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly policies: PolicyQueries,
    private readonly actors: Actors,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly views: GroupTimeViews,
  ) {}

  /** The policy as seen on `view` (today, recorded now, unless asked asAt or asRecordedAt). */
  toPolicy(
    row: PolicyRow,
    view: TimeView,
    asked: { asAt: string | null; asRecordedAt: Date | null } = NOT_ASKED,
  ): Policy {
    return {
      id: row.policyId,
      groupId: row.groupId,
      title: row.title,
      workstreamId: row.workstreamId,
      status: row.status,
      draft:
        row.draftTitle !== null
          ? {
              id: derivedId('PolicyDraft', row.policyId),
              title: row.draftTitle,
              body: row.draftBody ?? '',
              summary: row.draftSummary ?? '',
              approved: row.draftApproved === 1,
            }
          : null,
      reviewDueOn: row.reviewDueOn,
      reviewOverdue: isPolicyReviewOverdue(row, view.on),
      retiredReason: row.retiredReason,
      asAt: asked.asAt === null && asked.asRecordedAt === null ? null : view.on,
      asRecordedAt: asked.asRecordedAt,
      view,
    };
  }

  private read(policyId: string, view: TimeView = this.views.today()): Policy {
    const row = this.policies.policySeen(policyId, view);
    if (!row) throw new DomainError('NOT_FOUND', `There is no policy with id ${policyId}.`);
    return this.toPolicy(row, view);
  }

  private async policyState(policyId: string) {
    const state = await readState(this.store, policyStream(policyId), policyDecider);
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', `There is no policy with id ${policyId}.`);
    return state;
  }

  /** One policy command, as the caller acting in the policy's group (known when drafting; otherwise read from its stream). */
  private async change(
    policyId: string,
    groupId: string | null,
    operation: string,
    input: IdempotentInput,
    identity: Identity,
    context: GraphqlContext,
    build: (prepared: PreparedCommand) => PolicyCommandUnion | Promise<PolicyCommandUnion>,
  ) {
    const group =
      groupId ?? (await this.actors.groupOfStream(policyStream(policyId), `There is no policy with id ${policyId}.`));
    await this.commands.execute(
      new ChangeStreamCommand(
        policyStream(policyId),
        policyDecider,
        group,
        operation,
        input,
        { identity, correlationId: context.correlationId },
        build,
      ),
    );
    return this.read(policyId);
  }

  private async groupFacts(groupId: string) {
    const group = await this.actors.group(groupId);
    if (group.status !== 'active') throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    return group;
  }

  private async groupOfWorkstream(workstreamId: string): Promise<string | null> {
    const workstream = await readState(this.store, workstreamStream(workstreamId), workstreamDecider);
    return workstream.status === 'NONE' ? null : workstream.groupId;
  }

  @Query(() => Policy, {
    description:
      'One policy; asAt (YYYY-MM-DD) gives its status, versions, version in force, review date and status, reviews and the areas’ decisions as they stood that day, as known now, and asRecordedAt as the platform showed them at that moment (A3); a day before the policy existed is OUT_OF_RANGE.',
  })
  async policy(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asAt', { type: () => String, nullable: true, description: 'YYYY-MM-DD' }) asAt?: string | null,
    @Args('asRecordedAt', { type: () => Date, nullable: true }) asRecordedAt?: Date | null,
  ): Promise<Policy> {
    const today = this.policies.policy(id);
    if (!today) throw new DomainError('NOT_FOUND', `There is no policy with id ${id}.`);
    await this.access.assertGroup(identity.personId, today.groupId);
    const asked = { asAt: asAt ?? null, asRecordedAt: asRecordedAt ?? null };
    const view = this.views.ofEntity(today.groupId, asked.asAt, asked.asRecordedAt, 'policy', (seen) =>
      this.policies.firstDay(id, seen),
    );
    const row = this.policies.policySeen(id, view);
    if (!row) throw new DomainError('NOT_FOUND', `There is no policy with id ${id}.`);
    return this.toPolicy(row, view, asked);
  }

  @Query(() => [Policy], {
    description: 'Published policies whose review falls within the next `withinDays` days, or has passed.',
  })
  async policiesDueForReview(
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('withinDays', { type: () => Int, defaultValue: 30 }) withinDays: number,
    @CurrentIdentity() identity: Identity,
  ): Promise<Policy[]> {
    this.known.group(groupId);
    await this.access.assertGroup(identity.personId, groupId);
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3660)
      throw new DomainError('VALIDATION_FAILED', 'withinDays is a whole number of days from 0 to 3660.');
    const until = new Date(this.clock.now().getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
    const today = this.views.today();
    return this.policies.dueForReview(groupId, until).map((row) => this.toPolicy(row, today));
  }

  @ResolveField(() => [PolicyVersion], {
    description: 'Every published version; a later one supersedes an earlier from its effective date.',
  })
  async versions(@Parent() policy: Policy, @Context() context: GraphqlContext): Promise<PolicyVersion[]> {
    return (await context.loaders.versionsOfPolicy.load(seen(policy))).map((row) => toVersion(policy.id, row));
  }

  @ResolveField(() => PolicyVersion, { nullable: true, description: 'The version in force today, or on asAt.' })
  async currentVersion(@Parent() policy: Policy, @Context() context: GraphqlContext): Promise<PolicyVersion | null> {
    const versions = await context.loaders.versionsOfPolicy.load(seen(policy));
    const row = versionInForce({ versions }, policy.view.on);
    return row ? toVersion(policy.id, row) : null;
  }

  @ResolveField(() => [AreaAdoption], {
    description: 'The table of areas by versions: each decision an area had recorded, as it stood on the day seen on.',
  })
  async adoption(@Parent() policy: Policy, @Context() context: GraphqlContext): Promise<AreaAdoption[]> {
    const adoptions = await context.loaders.adoptionsOfPolicy.load(seen(policy));
    return adoptions.map((row) => ({ ...row, id: derivedId('AreaAdoption', policy.id, row.version, row.areaId) }));
  }

  @ResolveField(() => [ID], { description: 'Areas the latest version went to that have not yet decided on it.' })
  async undecidedAreaIds(@Parent() policy: Policy, @Context() context: GraphqlContext): Promise<string[]> {
    const [versions, adoptions, versionAreas] = await Promise.all([
      context.loaders.versionsOfPolicy.load(seen(policy)),
      context.loaders.adoptionsOfPolicy.load(seen(policy)),
      context.loaders.versionAreasOfPolicy.load(policy.id),
    ]);
    const latest = versions.at(-1);
    if (!latest) return [];
    const decided = new Set(adoptions.filter((a) => a.version === latest.version).map((a) => a.areaId));
    return versionAreas
      .filter((area) => area.version === latest.version && !decided.has(area.areaId))
      .map((area) => area.areaId);
  }

  @ResolveField(() => [PolicyReview])
  reviews(@Parent() policy: Policy, @Context() context: GraphqlContext): Promise<PolicyReview[]> {
    return context.loaders.reviewsOfPolicy.load(seen(policy));
  }

  @Mutation(() => Policy, { description: 'Administrator or chair.' })
  draftPolicy(
    @Args('input') input: DraftPolicyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    const policyId = newEntityId('policy', identity.personId, input.idempotencyKey);
    return this.change(policyId, input.groupId, 'draftPolicy', input, identity, context, async ({ actor, now }) => ({
      type: 'DraftPolicy',
      data: {
        policyId,
        groupId: input.groupId,
        title: input.title,
        workstreamId: input.workstreamId ?? null,
        workstreamGroupId: input.workstreamId ? await this.groupOfWorkstream(input.workstreamId) : null,
        body: input.body,
        summary: input.summary,
        groupDissolved: (await this.groupFacts(input.groupId)).dissolvedAt !== null,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => Policy, { description: 'A new draft; it needs approval again before it is published.' })
  revisePolicyDraft(
    @Args('input') input: RevisePolicyDraftInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input.policyId, null, 'revisePolicyDraft', input, identity, context, ({ actor, now }) => ({
      type: 'RevisePolicyDraft',
      data: { title: input.title, body: input.body, summary: input.summary, actor, now },
    }));
  }

  @Mutation(() => Policy, { description: 'At an open, quorate meeting, linking the decision recorded there.' })
  approvePolicy(
    @Args('input') input: ApprovePolicyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input.policyId, null, 'approvePolicy', input, identity, context, async ({ actor, now }) => {
      const meeting = await readState(this.store, meetingStream(input.meetingId), meetingDecider);
      if (meeting.status === 'NONE')
        throw new DomainError('NOT_FOUND', `There is no meeting with id ${input.meetingId}.`);
      return {
        type: 'ApprovePolicy',
        data: {
          meeting: {
            meetingId: meeting.meetingId,
            groupId: meeting.groupId,
            open: meeting.status === 'OPEN',
            quorate: meetingQuorum(meeting).isQuorate,
            decisionIds: meeting.decisionIds,
          },
          decisionId: input.decisionId,
          actor,
          now,
        },
      };
    });
  }

  @Mutation(() => Policy, {
    description: 'Publishes the approved draft as the next version; it flows into every area’s feed.',
  })
  publishPolicyVersion(
    @Args('input') input: PublishPolicyVersionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(
      input.policyId,
      null,
      'publishPolicyVersion',
      input,
      identity,
      context,
      async ({ actor, now }) => ({
        type: 'PublishPolicyVersion',
        data: {
          effectiveOn: input.effectiveOn,
          reviewOn: input.reviewOn,
          areas: (await this.groupFacts((await this.policyState(input.policyId)).groupId)).areas,
          actor,
          now,
        },
      }),
    );
  }

  @Mutation(() => Policy)
  recordPolicyReview(
    @Args('input') input: RecordPolicyReviewInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input.policyId, null, 'recordPolicyReview', input, identity, context, ({ actor, now }) => ({
      type: 'RecordPolicyReview',
      data: { outcome: input.outcome, nextReviewOn: input.nextReviewOn ?? null, actor, now },
    }));
  }

  @Mutation(() => Policy)
  retirePolicy(
    @Args('input') input: RetirePolicyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input.policyId, null, 'retirePolicy', input, identity, context, ({ actor, now }) => ({
      type: 'RetirePolicy',
      data: { reason: input.reason, actor, now },
    }));
  }

  @Mutation(() => Policy, { description: 'The area’s own business manager records the area’s decision on a version.' })
  async recordPolicyAdoption(
    @Args('input') input: RecordPolicyAdoptionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    const policy = await this.policyState(input.policyId);
    await this.commands.execute(
      new ChangeStreamCommand(
        localArrangementStream(input.areaId),
        localArrangementDecider,
        null,
        'recordPolicyAdoption',
        input,
        { identity, correlationId: context.correlationId },
        async ({ actor, now }): Promise<LocalArrangementCommand> => {
          const events = (await this.store.readStream(policyStream(input.policyId))) as unknown as PolicyEvent[];
          const published = events.find((e) => e.type === 'PolicyVersionPublished' && e.data.version === input.version);
          return {
            type: 'RecordPolicyAdoption',
            data: {
              areaId: input.areaId,
              policyId: policy.policyId,
              version: input.version,
              decision: input.decision,
              variation: input.variation ?? null,
              reason: input.reason ?? null,
              decidedOn: input.decidedOn ?? null,
              publishedToArea:
                published?.type === 'PolicyVersionPublished' &&
                published.data.areas.some((a) => a.areaId === input.areaId),
              managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), identity.personId),
              actor,
              now,
            },
          };
        },
      ),
    );
    return this.read(input.policyId);
  }

  @Mutation(() => Policy, {
    description:
      'A7, R11: the area’s own business manager corrects the area’s recorded decision on a version, with a mandatory reason; the original stays in the history and under asRecordedAt.',
  })
  async correctPolicyAdoption(
    @Args('input') input: CorrectPolicyAdoptionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    const policy = await this.policyState(input.policyId);
    await this.commands.execute(
      new ChangeStreamCommand(
        localArrangementStream(input.areaId),
        localArrangementDecider,
        null,
        'correctPolicyAdoption',
        input,
        { identity, correlationId: context.correlationId },
        async ({ actor, now }): Promise<LocalArrangementCommand> => ({
          type: 'CorrectPolicyAdoption',
          data: {
            areaId: input.areaId,
            policyId: policy.policyId,
            version: input.version,
            decision: input.decision,
            variation: input.variation ?? null,
            reason: input.notAdoptedReason ?? null,
            decidedOn: input.decidedOn ?? null,
            correctionReason: input.reason ?? '',
            managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), identity.personId),
            actor,
            now,
          },
        }),
      ),
    );
    return this.read(input.policyId);
  }

  @Mutation(() => Communication, {
    description:
      'D5: to the audience areas’ feeds; each area acknowledges it there (feedItemAcknowledgements shows who has).',
  })
  async issueRegionalCommunication(
    @Args('input') input: IssueRegionalCommunicationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Communication> {
    const communicationId = newEntityId('communication', identity.personId, input.idempotencyKey);
    await this.commands.execute(
      new ChangeStreamCommand(
        communicationStream(communicationId),
        communicationDecider,
        input.groupId,
        'issueRegionalCommunication',
        input,
        { identity, correlationId: context.correlationId },
        async ({ actor, now }): Promise<IssueRegionalCommunication> => {
          const group = await this.groupFacts(input.groupId);
          return {
            type: 'IssueRegionalCommunication',
            data: {
              communicationId,
              groupId: input.groupId,
              title: input.title,
              body: input.body,
              areaIds: input.areaIds,
              cascadeBy: input.cascadeBy,
              restricted: input.restricted,
              group: { areas: group.areas, dissolved: group.dissolvedAt !== null },
              actor,
              now,
            },
          };
        },
      ),
    );
    return { id: communicationId, title: input.title.trim(), cascadeBy: input.cascadeBy, restricted: input.restricted };
  }
}

@Resolver(() => RegionalGroup)
export class GroupPolicyFields {
  constructor(
    private readonly resolver: PolicyResolver,
    private readonly views: GroupTimeViews,
  ) {}

  @ResolveField(() => [Policy], {
    description: 'The policies that existed on the day the group is seen on, each as it stood then (A3).',
  })
  async policies(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<Policy[]> {
    const view = group.view ?? this.views.today();
    const rows = await context.loaders.policiesOfGroup.load({ id: group.id, args: { view } });
    return rows.map((row) => this.resolver.toPolicy(row, view, group));
  }
}
