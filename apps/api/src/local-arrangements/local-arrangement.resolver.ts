import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import {
  dateOrToday,
  implementationOn,
  knownAgencyTypeCodes,
  localArrangementStream,
  participatesOn,
  participationGapsOn,
  requiredTypesOn,
  workstreamDecider,
  workstreamStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { LocalArrangementQueries, MembershipQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { AreaRecords } from './area-records';
import {
  EndRelevantAgencyInput,
  PublishArrangementsInput,
  RecordArrangementsImplementedInput,
  RecordLocalGroupInput,
  RecordRelevantAgencyInput,
  RecordSecretaryOfStateNotifiedInput,
} from './local-arrangement.inputs';
import { LocalArrangement, LocalGroup, PublishedArrangements, RelevantAgency } from './local-arrangement.types';

/**
 * An area's own arrangement (L1, L4): recorded by that area's business manager only, never by the
 * region (R11); read by whoever may read the area's feed (R43).
 */
@Resolver(() => LocalArrangement)
export class LocalArrangementResolver {
  constructor(
    private readonly areas: AreaRecords,
    private readonly access: ReadAccess,
    private readonly known: KnownEntities,
    private readonly views: GroupTimeViews,
    private readonly membership: MembershipQueries,
    private readonly records: LocalArrangementQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => LocalArrangement, {
    description:
      "An area's own arrangement as it stood on a day (asAt) or as the platform showed it (asRecordedAt). For the area's business managers, the group's current representatives and auditors (R43).",
  })
  async localArrangement(
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('asAt', { type: () => String, nullable: true }) asAt: string | null,
    @Args('asRecordedAt', { type: () => Date, nullable: true }) asRecordedAt: Date | null,
    @CurrentIdentity() identity: Identity,
  ): Promise<LocalArrangement> {
    this.known.area(areaId);
    await this.access.assertAreaFeed(identity.personId, areaId);
    const groupId = this.membership.groupOfArea(areaId) as string;
    return this.areas.arrangement(areaId, this.views.of(groupId, asAt ?? null, asRecordedAt ?? null));
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
  recordRelevantAgency(
    @Args('input') input: RecordRelevantAgencyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.areas.change('recordRelevantAgency', input, identity, context, async (area, groupId) => {
      const group = await this.areas.group(groupId);
      return {
        type: 'RecordRelevantAgency',
        data: {
          ...area,
          agencyId: newEntityId(
            'relevant-agency',
            identity.personId,
            input.idempotencyKey,
            localArrangementStream(input.areaId),
          ),
          name: input.name,
          agencyType: input.agencyType,
          from: input.from,
          to: input.to ?? null,
          knownAgencyTypes: knownAgencyTypeCodes(group?.definedAgencyTypes ?? []),
        },
      };
    });
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L1: a relevant agency stops taking part.",
  })
  endRelevantAgency(
    @Args('input') input: EndRelevantAgencyInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.areas.change('endRelevantAgency', input, identity, context, (area) => ({
      type: 'EndRelevantAgency',
      data: { ...area, agencyId: input.agencyId, to: input.to },
    }));
  }

  @Mutation(() => LocalArrangement, {
    description:
      "The area's business manager. L1: one of the area's own groups, a working group linked to regional workstreams.",
  })
  recordLocalGroup(
    @Args('input') input: RecordLocalGroupInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.areas.change('recordLocalGroup', input, identity, context, async (area, groupId) => {
      // Each link is checked against the workstream's own stream: it must exist and be the area's group's.
      const linked = await Promise.all(
        input.workstreamIds.map((id) => readState(this.store, workstreamStream(id), workstreamDecider)),
      );
      return {
        type: 'RecordLocalGroup',
        data: {
          ...area,
          localGroupId: newEntityId(
            'local-group',
            identity.personId,
            input.idempotencyKey,
            localArrangementStream(input.areaId),
          ),
          name: input.name,
          kind: input.kind,
          meetingsPerYear: input.meetingsPerYear,
          workstreamIds: input.workstreamIds,
          groupWorkstreamIds: input.workstreamIds.filter(
            (_, index) => linked[index].status !== 'NONE' && linked[index].groupId === groupId,
          ),
        },
      };
    });
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L4: a version of its published arrangements.",
  })
  publishArrangements(
    @Args('input') input: PublishArrangementsInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.areas.change('publishArrangements', input, identity, context, (area) => ({
      type: 'PublishArrangements',
      data: {
        ...area,
        version: input.version,
        publishedOn: input.publishedOn,
        secretaryOfStateNotifiedOn: input.secretaryOfStateNotifiedOn ?? null,
      },
    }));
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L4: the day the Secretary of State was notified of a version.",
  })
  recordSecretaryOfStateNotified(
    @Args('input') input: RecordSecretaryOfStateNotifiedInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.areas.change('recordSecretaryOfStateNotified', input, identity, context, (area) => ({
      type: 'RecordSecretaryOfStateNotified',
      data: { ...area, version: input.version, notifiedOn: dateOrToday(input.notifiedOn, area.now) },
    }));
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L4: the day a version was implemented.",
  })
  recordArrangementsImplemented(
    @Args('input') input: RecordArrangementsImplementedInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.areas.change('recordArrangementsImplemented', input, identity, context, (area) => ({
      type: 'RecordArrangementsImplemented',
      data: { ...area, version: input.version, implementedOn: dateOrToday(input.implementedOn, area.now) },
    }));
  }
}
