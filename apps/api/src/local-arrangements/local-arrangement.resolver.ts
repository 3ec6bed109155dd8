import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import {
  dateOrToday,
  implementationOn,
  isRecommendationOverdue,
  knownAgencyTypeCodes,
  LocalRecordCommand,
  localArrangementDecider,
  localArrangementStream,
  participatesOn,
  participationGapsOn,
  regionalGroupDecider,
  regionalGroupStream,
  requiredTypesOn,
  successorsOf,
  workstreamDecider,
  workstreamStream,
} from '@app/domain';
import { childId, EventStore, newEntityId, readState } from '@app/event-store';
import { LocalArrangementQueries, MembershipQueries, RegionalGroupQueries, TimeView } from '@app/read-models';
import { Actors } from '../auth/actors';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { ChangeStreamCommand } from '../common/change-stream.command';
import { PreparedCommand } from '../common/command-gateway';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { IdempotentInput } from '../common/idempotency-key.input';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import {
  EndRelevantAgencyInput,
  PublishArrangementsInput,
  RecordArrangementsImplementedInput,
  RecordLocalGroupInput,
  RecordRelevantAgencyInput,
  RecordSecretaryOfStateNotifiedInput,
} from './local-arrangement.inputs';
import { LocalArrangement, LocalGroup, PublishedArrangements, RelevantAgency } from './local-arrangement.types';
import {
  AppointScrutineerInput,
  PublishScrutinyReportInput,
  RecordScrutinyActivityInput,
  RespondToScrutinyRecommendationInput,
} from './scrutiny.inputs';
import { Scrutineer, ScrutinyActivity, ScrutinyReport } from './scrutiny.types';

type AreaInput = IdempotentInput & { areaId: string };
/** What every area command carries besides its own fields. */
type AreaContext = { areaId: string; managedAreaIds: string[]; actor: PreparedCommand['actor']; now: string };

/**
 * An area's own arrangement (L1, L4): recorded by that area's business manager only, never by the
 * region (R11); read by whoever may read the area's feed (R43).
 */
@Resolver(() => LocalArrangement)
export class LocalArrangementResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly actors: Actors,
    private readonly access: ReadAccess,
    private readonly known: KnownEntities,
    private readonly views: GroupTimeViews,
    private readonly membership: MembershipQueries,
    private readonly groups: RegionalGroupQueries,
    private readonly records: LocalArrangementQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private arrangement(areaId: string, view: TimeView): LocalArrangement {
    const groupId = this.membership.groupOfArea(areaId) as string;
    const area = this.groups.areas([areaId]).get(areaId);
    return {
      id: derivedId('LocalArrangement', areaId),
      area: { id: areaId, name: area?.name ?? areaId },
      asAt: view.on,
      view,
      groupId,
    };
  }

  private async change(
    operation: string,
    input: AreaInput,
    identity: Identity,
    context: GraphqlContext,
    build: (area: AreaContext, groupId: string) => LocalRecordCommand | Promise<LocalRecordCommand>,
  ): Promise<LocalArrangement> {
    this.known.area(input.areaId);
    const groupId = this.membership.groupOfArea(input.areaId) as string;
    await this.commands.execute(
      new ChangeStreamCommand(
        localArrangementStream(input.areaId),
        localArrangementDecider,
        // The group, so that a partner's representative responding to scrutiny acts for that partner (R41).
        groupId,
        operation,
        input,
        { identity, correlationId: context.correlationId },
        async ({ actor, now }) =>
          build(
            {
              areaId: input.areaId,
              managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), identity.personId),
              actor,
              now,
            },
            groupId,
          ),
      ),
    );
    return this.arrangement(input.areaId, this.views.today());
  }

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
    return this.arrangement(areaId, this.views.of(groupId, asAt ?? null, asRecordedAt ?? null));
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
    return this.change('recordRelevantAgency', input, identity, context, async (area, groupId) => {
      const group = await this.group(groupId);
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
    return this.change('endRelevantAgency', input, identity, context, (area) => ({
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
    return this.change('recordLocalGroup', input, identity, context, async (area, groupId) => {
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
    return this.change('publishArrangements', input, identity, context, (area) => ({
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
    return this.change('recordSecretaryOfStateNotified', input, identity, context, (area) => ({
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
    return this.change('recordArrangementsImplemented', input, identity, context, (area) => ({
      type: 'RecordArrangementsImplemented',
      data: { ...area, version: input.version, implementedOn: dateOrToday(input.implementedOn, area.now) },
    }));
  }

  private async group(groupId: string) {
    const group = await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
    return group.status === 'active' ? group : null;
  }

  @ResolveField(() => [Scrutineer], {
    description: 'L6: every scrutineer appointed by the view; `current` on its day.',
  })
  scrutineers(@Parent() arrangement: LocalArrangement): Scrutineer[] {
    return this.records.scrutineers(arrangement.area.id, arrangement.view).map(({ scrutineerId, ...row }) => ({
      ...row,
      id: scrutineerId,
      current: participatesOn(row, arrangement.view.on),
    }));
  }

  @ResolveField(() => [ScrutinyActivity], { description: 'L6: what the scrutineers examined by the day seen on.' })
  scrutinyActivities(@Parent() arrangement: LocalArrangement): ScrutinyActivity[] {
    return this.records.scrutinyActivities(arrangement.area.id, arrangement.view).map(({ activityId, ...row }) => ({
      ...row,
      id: activityId,
    }));
  }

  @ResolveField(() => [ScrutinyReport], { description: 'L6: reports published by the day seen on, with responses.' })
  scrutinyReports(@Parent() arrangement: LocalArrangement): ScrutinyReport[] {
    const on = arrangement.view.on;
    return this.records.scrutinyReports(arrangement.area.id, arrangement.view).map(({ reportId, ...report }) => ({
      ...report,
      id: reportId,
      recommendations: report.recommendations.map(({ recommendationId, responses, ...recommendation }) => {
        const latest = recommendation.targetPartnerIds.map(
          (partnerId) => responses.filter((r) => r.partnerId === partnerId).at(-1)?.response ?? null,
        );
        return {
          ...recommendation,
          id: recommendationId,
          overdue: isRecommendationOverdue(latest, recommendation.dueDate, on),
          responses: responses.map((response, index) => ({
            ...response,
            id: derivedId('ScrutinyResponse', recommendationId, index),
          })),
        };
      }),
    }));
  }

  @Mutation(() => LocalArrangement, { description: "The area's business manager. L6: an independent scrutineer." })
  appointScrutineer(
    @Args('input') input: AppointScrutineerInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('appointScrutineer', input, identity, context, (area) => ({
      type: 'AppointScrutineer',
      data: {
        ...area,
        scrutineerId: newEntityId(
          'scrutineer',
          identity.personId,
          input.idempotencyKey,
          localArrangementStream(input.areaId),
        ),
        name: input.name,
        from: input.from,
        to: input.to ?? null,
      },
    }));
  }

  @Mutation(() => LocalArrangement, { description: "The area's business manager. L6: what a scrutineer examined." })
  recordScrutinyActivity(
    @Args('input') input: RecordScrutinyActivityInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('recordScrutinyActivity', input, identity, context, (area) => ({
      type: 'RecordScrutinyActivity',
      data: {
        ...area,
        activityId: newEntityId(
          'scrutiny-activity',
          identity.personId,
          input.idempotencyKey,
          localArrangementStream(input.areaId),
        ),
        scrutineerId: input.scrutineerId,
        examined: input.examined,
        on: dateOrToday(input.on, area.now),
      },
    }));
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L6: a scrutiny report with recommendations to partners of the group.",
  })
  publishScrutinyReport(
    @Args('input') input: PublishScrutinyReportInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('publishScrutinyReport', input, identity, context, async (area, groupId) => {
      const reportId = newEntityId(
        'scrutiny-report',
        identity.personId,
        input.idempotencyKey,
        localArrangementStream(input.areaId),
      );
      const group = await this.group(groupId);
      return {
        type: 'PublishScrutinyReport',
        data: {
          ...area,
          reportId,
          scrutineerId: input.scrutineerId,
          title: input.title,
          publishedOn: dateOrToday(input.publishedOn, area.now),
          recommendations: input.recommendations.map((r, index) => ({
            recommendationId: childId(reportId, 'recommendation', index),
            text: r.text,
            targetPartnerIds: r.targetPartnerIds,
            dueDate: r.dueDate,
          })),
          groupPartnerIds: Object.keys(group?.partners ?? {}),
        },
      };
    });
  }

  @Mutation(() => LocalArrangement, {
    description:
      'A representative of a target partner, for that partner only (R9, R41): a response to a scrutiny recommendation.',
  })
  respondToScrutinyRecommendation(
    @Args('input') input: RespondToScrutinyRecommendationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('respondToScrutinyRecommendation', input, identity, context, async (area, groupId) => {
      const group = await this.group(groupId);
      return {
        type: 'RespondToScrutinyRecommendation',
        data: {
          ...area,
          recommendationId: input.recommendationId,
          partnerId: input.partnerId,
          response: input.response,
          reason: input.reason ?? null,
          respondedOn: input.respondedOn ?? null,
          successors: successorsOf(Object.values(group?.partners ?? {})),
        },
      };
    });
  }
}
