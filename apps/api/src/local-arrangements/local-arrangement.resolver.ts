import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { implementationOn, participatesOn, participationGapsOn, requiredTypesOn } from '@app/domain';
import { LocalArrangementQueries, MembershipQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { requestMeta } from '../common/command-gateway';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { AreaRecordsService } from './area-records.service';
import {
  EndRelevantAgencyInput,
  PublishArrangementsInput,
  RecordArrangementsImplementedInput,
  RecordLocalGroupInput,
  RecordRelevantAgencyInput,
  RecordSecretaryOfStateNotifiedInput,
} from './local-arrangement.inputs';
import { LocalArrangement, LocalGroup, PublishedArrangements, RelevantAgency } from './local-arrangement.types';
import { LocalArrangementViews } from './local-arrangement.view';

/**
 * An area's own arrangement (L1, L4): recorded by that area's business manager only, never by the
 * region (R11); read by whoever may read the area's feed (R43).
 */
@Resolver(() => LocalArrangement)
export class LocalArrangementResolver {
  constructor(
    private readonly service: AreaRecordsService,
    private readonly arrangements: LocalArrangementViews,
    private readonly access: ReadAccess,
    private readonly known: KnownEntities,
    private readonly views: GroupTimeViews,
    private readonly membership: MembershipQueries,
    private readonly records: LocalArrangementQueries,
  ) {}

  @Query(() => LocalArrangement, {
    nullable: true,
    description:
      "An area's own arrangement as it stood on a day (asAt) or as the platform showed it (asRecordedAt). For the area's business managers, the group's current representatives and auditors (R43). Null when refused, the refusal (with its code) in errors, so the rest of the query still answers.",
  })
  async localArrangement(
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('asAt', { type: () => String, nullable: true }) asAt: string | null,
    @Args('asRecordedAt', { type: () => Date, nullable: true }) asRecordedAt: Date | null,
    @CurrentIdentity() identity: Identity,
  ): Promise<LocalArrangement> {
    const groupId = this.known.area(areaId);
    await this.access.assertAreaFeed(identity.personId, areaId, 'localArrangement');
    return this.arrangements.of(areaId, this.views.of(groupId, asAt ?? null, asRecordedAt ?? null));
  }

  @ResolveField(() => [RelevantAgency], {
    description: 'Every relevant agency with its days; `current` on the day seen on.',
  })
  relevantAgencies(@Parent() arrangement: LocalArrangement): RelevantAgency[] {
    return this.records.relevantAgencies(arrangement.area.id, arrangement.view).map((row) => ({
      id: row.agencyId,
      name: row.name,
      agencyType: row.agencyType,
      from: row.from,
      to: row.to,
      current: participatesOn(row, arrangement.view.on),
    }));
  }

  @ResolveField(() => [LocalGroup])
  localGroups(@Parent() arrangement: LocalArrangement): LocalGroup[] {
    return this.records.localGroups(arrangement.area.id, arrangement.view).map(({ localGroupId, ...row }) => ({
      ...row,
      id: localGroupId,
    }));
  }

  @ResolveField(() => [PublishedArrangements], { description: 'Versions published by the day seen on (L4).' })
  publishedArrangements(@Parent() arrangement: LocalArrangement): PublishedArrangements[] {
    return this.records.publishedArrangements(arrangement.area.id, arrangement.view).map((row) => {
      const implementation = implementationOn(row.publishedOn, row.implementedOn, arrangement.view.on);
      return {
        id: derivedId('PublishedArrangements', row.areaId, row.version),
        version: row.version,
        publishedOn: row.publishedOn,
        secretaryOfStateNotifiedOn: row.secretaryOfStateNotifiedOn,
        implementedOn: row.implementedOn,
        implementationDueOn: implementation.dueOn,
        implementationStatus: implementation.status,
      };
    });
  }

  @ResolveField(() => [String], {
    description:
      'L1: agency types required of participants on the day seen on that neither a relevant agency nor a covering core partner brings.',
  })
  participationGaps(@Parent() arrangement: LocalArrangement): string[] {
    const { view, groupId } = arrangement;
    const requirements = this.records.requirementsOfGroups([groupId], view).get(groupId) ?? [];
    const required = requiredTypesOn({ statutoryTypesPerArea: [] }, requirements, 'PARTICIPANTS', view.on);
    const members = (this.membership.partnersOfGroups([groupId], view).get(groupId) ?? []).filter((p) => p.member);
    const areasOf = this.membership.areaIdsOfPartners(
      members.map((p) => p.partnerId),
      view,
    );
    const partners = members
      .filter((p) => areasOf.get(p.partnerId)?.includes(arrangement.area.id))
      .map((p) => ({ agencyType: p.agencyType, from: view.on, to: null }));
    const agencies = this.records.relevantAgencies(arrangement.area.id, view);
    return participationGapsOn(required, [...partners, ...agencies], view.on);
  }

  @Mutation(() => LocalArrangement, { description: "The area's business manager. L1: a relevant agency taking part." })
  async recordRelevantAgency(
    @Args('input') input: RecordRelevantAgencyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.recordRelevantAgency(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L1: a relevant agency stops taking part.",
  })
  async endRelevantAgency(
    @Args('input') input: EndRelevantAgencyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.endRelevantAgency(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description:
      "The area's business manager. L1: one of the area's own groups, a working group linked to regional workstreams.",
  })
  async recordLocalGroup(
    @Args('input') input: RecordLocalGroupInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.recordLocalGroup(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L4: a version of its published arrangements.",
  })
  async publishArrangements(
    @Args('input') input: PublishArrangementsInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.publishArrangements(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L4: the day the Secretary of State was notified of a version.",
  })
  async recordSecretaryOfStateNotified(
    @Args('input') input: RecordSecretaryOfStateNotifiedInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.recordSecretaryOfStateNotified(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L4: the day a version was implemented.",
  })
  async recordArrangementsImplemented(
    @Args('input') input: RecordArrangementsImplementedInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.recordArrangementsImplemented(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }
}
