import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { addDaysToDate, DomainError, versionInForce, isPolicyReviewOverdue } from '@app/domain';
import { PolicyQueries, PolicyRow, PolicyVersionRow, TimeView } from '@app/read-models';
import { KnownEntities } from '../common/known-entities';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { requestMeta } from '../common/command-gateway';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import { Viewed } from '../graphql/loaders';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { areaDecision } from './area-decision';
import { PolicyService } from './policy.service';
import {
  ApprovePolicyInput,
  AreaAdoption,
  Communication,
  DraftPolicyInput,
  IssueRegionalCommunicationInput,
  Policy,
  PolicyAdoptionChange,
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
    private readonly service: PolicyService,
    private readonly policies: PolicyQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
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
      recordedTitle: row.title,
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

  @Query(() => Policy, {
    nullable: true,
    description:
      'One policy; asAt (YYYY-MM-DD) gives its status, versions, version in force, review date and status, reviews and the areas’ decisions as they stood that day, as known now, and asRecordedAt as the platform showed them at that moment (A3); a day before the policy existed is OUT_OF_RANGE. Null when refused, the refusal (with its code) in errors, so the rest of the query still answers.',
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
    const view = this.views.ofEntity(today.groupId, { id, what: 'policy' }, asked.asAt, asked.asRecordedAt, (seen) =>
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
    const today = this.views.today();
    const until = addDaysToDate(today.on, withinDays);
    return this.policies.dueForReview(groupId, until).map((row) => this.toPolicy(row, today));
  }

  @ResolveField(() => String, {
    description:
      'The title of the version in force today (or on asAt); before any version is in force, the title as it stood then: the draft’s, or that of a version published to take effect later. Under asRecordedAt, as the platform held them at that moment.',
  })
  async title(@Parent() policy: Policy, @Context() context: GraphqlContext): Promise<string> {
    const versions = await context.loaders.versionsOfPolicy.load(seen(policy));
    return versionInForce({ versions }, policy.view.on)?.title ?? policy.recordedTitle;
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
  async draftPolicy(
    @Args('input') input: DraftPolicyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    return this.read(await this.service.draft(input, requestMeta(identity, context)));
  }

  @Mutation(() => Policy, { description: 'A new draft; it needs approval again before it is published.' })
  async revisePolicyDraft(
    @Args('input') input: RevisePolicyDraftInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    return this.read(await this.service.reviseDraft(input, requestMeta(identity, context)));
  }

  @Mutation(() => Policy, { description: 'At an open, quorate meeting, linking the decision recorded there.' })
  async approvePolicy(
    @Args('input') input: ApprovePolicyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    return this.read(await this.service.approve(input, requestMeta(identity, context)));
  }

  @Mutation(() => Policy, {
    description: 'Publishes the approved draft as the next version; it flows into every area’s feed.',
  })
  async publishPolicyVersion(
    @Args('input') input: PublishPolicyVersionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    return this.read(await this.service.publishVersion(input, requestMeta(identity, context)));
  }

  @Mutation(() => Policy)
  async recordPolicyReview(
    @Args('input') input: RecordPolicyReviewInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    return this.read(await this.service.recordReview(input, requestMeta(identity, context)));
  }

  @Mutation(() => Policy)
  async retirePolicy(
    @Args('input') input: RetirePolicyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Policy> {
    return this.read(await this.service.retire(input, requestMeta(identity, context)));
  }

  /**
   * What an area's decision answers (R43): the area's own row, and the policy, with every area's
   * decisions, only when the sender may read the group's business as the policy query requires.
   */
  private async adoptionChange(
    policyId: string,
    input: { areaId: string; version: number },
    identity: Identity,
    context: GraphqlContext,
  ): Promise<PolicyAdoptionChange> {
    const policy = this.read(policyId);
    return {
      policyId,
      adoption: (await areaDecision(context, policyId, input.areaId, input.version)) as AreaAdoption,
      policy: (await this.access.mayReadGroup(identity.personId, policy.groupId)) ? policy : null,
    };
  }

  @Mutation(() => PolicyAdoptionChange, {
    description:
      'The area’s own business manager records the area’s decision on a version; the answer holds the policy only for a sender who may read the group’s business (R43).',
  })
  async recordPolicyAdoption(
    @Args('input') input: RecordPolicyAdoptionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PolicyAdoptionChange> {
    const policyId = await this.service.recordAdoption(input, requestMeta(identity, context));
    return this.adoptionChange(policyId, input, identity, context);
  }

  @Mutation(() => PolicyAdoptionChange, {
    description:
      'A7, R11: the area’s own business manager corrects the area’s recorded decision on a version, with a mandatory reason; the original stays in the history and under asRecordedAt. The answer holds the policy only for a sender who may read the group’s business (R43).',
  })
  async correctPolicyAdoption(
    @Args('input') input: CorrectPolicyAdoptionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PolicyAdoptionChange> {
    const policyId = await this.service.correctAdoption(input, requestMeta(identity, context));
    return this.adoptionChange(policyId, input, identity, context);
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
    const id = await this.service.issueCommunication(input, requestMeta(identity, context));
    return { id, title: input.title.trim(), cascadeBy: input.cascadeBy, restricted: input.restricted };
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
