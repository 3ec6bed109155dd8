import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, nextYearlyReportDueOn, reportUpStatus, SENT_ITEM_STATUSES } from '@app/domain';
import { InboxItemRow, pageOfFiltered, ReportsUpQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { requestMeta } from '../common/command-gateway';
import { ConnectionShape, toConnection } from '../common/connection';
import { derivedId } from '../common/derived-id';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { InboxItemRef, ReportsUpService } from './reports-up.service';
import {
  AcknowledgeInboxItemInput,
  DefineMeasureInput,
  InboxArgs,
  InboxItem,
  InboxItemConnection,
  PerformanceMeasure,
  ReportUpStatusKind,
  YearlyReportDue,
  RaiseEscalationInput,
  ReportsUpArgs,
  ResolveEscalationInput,
  RespondToEscalationInput,
  ShareLocalDecisionInput,
  SubmitPerformanceFiguresInput,
  SubmitYearlyReportInput,
} from './reports-up.types';
import { awaitsRegion, inboxStatus, toInboxItem } from './reports-up.views';
import { GroupTimeViews } from '../common/group-time-views';

/**
 * L2: what an area sends up, recorded in its own stream by its business manager, and what the
 * region does with it (acknowledges; answers and resolves an escalation), recorded in the
 * region's own `regional-reports-<groupId>` stream, never the area's (R11).
 */
@Resolver(() => InboxItem)
export class ReportsUpResolver {
  constructor(
    private readonly service: ReportsUpService,
    private readonly reports: ReportsUpQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    private readonly views: GroupTimeViews,
  ) {}

  /** The item as its reader may see it (R42). */
  async view(row: InboxItemRow, personId: string): Promise<InboxItem> {
    const visible = await this.access.mayReadItem(personId, row.groupId, {
      restricted: row.restricted,
      areaIds: [row.areaId],
    });
    return toInboxItem(row, this.answersTo(row), visible, this.views.today().on);
  }

  /** The region's responses to an escalation and its resolution; nothing else is answered but acknowledged. */
  private answersTo(row: InboxItemRow) {
    return row.kind === 'ESCALATION' ? this.reports.escalationResponses(row.itemId) : [];
  }

  private async item({ groupId, itemId }: InboxItemRef, personId: string): Promise<InboxItem> {
    const row = this.reports.inboxItem(groupId, itemId);
    if (!row) throw new DomainError('NOT_FOUND', `There is no item ${itemId} in the group's inbox.`);
    return this.view(row, personId);
  }

  @Mutation(() => InboxItem, {
    description:
      'L2: the area’s yearly report (s.16G: at least once in every 12 months), with the days it was sent to the national panel and the What Works centre (due within 7 days of publication).',
  })
  async submitYearlyReport(
    @Args('input') input: SubmitYearlyReportInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.item(await this.service.submitYearlyReport(input, requestMeta(identity, context)), identity.personId);
  }

  @Mutation(() => InboxItem, {
    description:
      "L2: a count for one quarter of a measure from the group's list; due by the end of the month after the quarter.",
  })
  async submitPerformanceFigures(
    @Args('input') input: SubmitPerformanceFiguresInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.item(
      await this.service.submitPerformanceFigures(input, requestMeta(identity, context)),
      identity.personId,
    );
  }

  @Mutation(() => InboxItem, {
    description: 'L2: an issue the area raises to the region; restricted (R42) when marked.',
  })
  async raiseEscalation(
    @Args('input') input: RaiseEscalationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.item(await this.service.raiseEscalation(input, requestMeta(identity, context)), identity.personId);
  }

  @Mutation(() => InboxItem, { description: 'L2: a decision the area took for itself, shared with the region.' })
  async shareLocalDecision(
    @Args('input') input: ShareLocalDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.item(await this.service.shareLocalDecision(input, requestMeta(identity, context)), identity.personId);
  }

  @Mutation(() => InboxItem, {
    description: 'The region (a current representative of the group) acknowledges an item in its inbox.',
  })
  async acknowledgeInboxItem(
    @Args('input') input: AcknowledgeInboxItemInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    await this.service.acknowledgeInboxItem(input, requestMeta(identity, context));
    return this.item(input, identity.personId);
  }

  @Mutation(() => InboxItem, {
    description: "The region's response to an escalation, recorded in the region's stream (R11).",
  })
  async respondToEscalation(
    @Args('input') input: RespondToEscalationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    await this.service.respondToEscalation(input, requestMeta(identity, context));
    return this.item(input, identity.personId);
  }

  @Mutation(() => InboxItem, { description: 'The region resolves an escalation; no response follows once resolved.' })
  async resolveEscalation(
    @Args('input') input: ResolveEscalationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    await this.service.resolveEscalation(input, requestMeta(identity, context));
    return this.item(input, identity.personId);
  }

  @Mutation(() => PerformanceMeasure, {
    description: "Adds a named measure to the group's list (L2): its chair or an administrator.",
  })
  async defineMeasure(
    @Args('input') input: DefineMeasureInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PerformanceMeasure> {
    const measureId = await this.service.defineMeasure(input, requestMeta(identity, context));
    const measure = this.reports.measuresOfGroup(input.groupId).find((m) => m.measureId === measureId);
    if (!measure) throw new DomainError('NOT_FOUND', `The group keeps no measure with id ${measureId}.`);
    return { id: measure.measureId, name: measure.name };
  }

  @Query(() => [PerformanceMeasure], {
    description: "The measures the area's group asks figures for: for whoever may read the area's reports (R43).",
  })
  async performanceMeasures(
    @Args('areaId', { type: () => ID }) areaId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<PerformanceMeasure[]> {
    const groupId = this.known.area(areaId);
    await this.access.assertAreaFeed(identity.personId, areaId, 'measures');
    return this.reports.measuresOfGroup(groupId).map((m) => ({ id: m.measureId, name: m.name }));
  }

  @Query(() => InboxItemConnection, {
    description:
      'L2: what one area sent up, in the order recorded, with due days and the region\'s acknowledgement: for whoever may read the area\'s reports (R43), its business manager included; restricted items titled "Restricted" to those R42 does not allow. status is as at today.',
  })
  async reportsUp(
    @Args() args: ReportsUpArgs,
    @CurrentIdentity() identity: Identity,
  ): Promise<ConnectionShape<InboxItem>> {
    const groupId = this.known.area(args.areaId);
    await this.access.assertAreaFeed(identity.personId, args.areaId, 'reportsUp');
    return this.inbox(groupId, args, identity.personId);
  }

  /** L2: each readable area's next yearly report, as at today. */
  async yearlyReportsDue(groupId: string, personId: string): Promise<YearlyReportDue[]> {
    const areaIds = await this.access.readableAreasOfGroup(personId, groupId);
    const last = this.reports.lastYearlyReports(groupId);
    const today = this.views.today().on;
    return areaIds.map((areaId) => {
      const lastPublishedOn = last.get(areaId) ?? null;
      const dueOn = lastPublishedOn === null ? null : nextYearlyReportDueOn(lastPublishedOn);
      return {
        id: derivedId('YearlyReportDue', areaId),
        areaId,
        lastPublishedOn,
        dueOn,
        status: reportUpStatus(dueOn, null, today) as ReportUpStatusKind,
      };
    });
  }

  /** The group's inbox as `personId` may read it: only areas whose reports they may read (R43). */
  async inbox(groupId: string, args: InboxArgs, personId: string): Promise<ConnectionShape<InboxItem>> {
    if (args.status && !SENT_ITEM_STATUSES.includes(args.status)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Nothing an area has sent is still due: ask for ${SENT_ITEM_STATUSES.join(' or ')}.`,
        { field: 'status' },
      );
    }
    const readable = new Set(await this.access.readableAreasOfGroup(personId, groupId));
    const today = this.views.today().on;
    const rows = this.reports
      .inboxItems({ groupId, kind: args.kind ?? null, areaId: args.areaId ?? null })
      .filter((row) => readable.has(row.areaId))
      .filter((row) => !args.status || inboxStatus(row, today) === args.status)
      .filter((row) => args.acknowledged == null || (row.acknowledgedAt !== null) === args.acknowledged)
      .filter(
        (row) =>
          args.awaitingAcknowledgement == null ||
          awaitsRegion(row, this.answersTo(row), today) === args.awaitingAcknowledgement,
      );
    const page = pageOfFiltered(rows, args.first, args.after ?? null);
    const connection = toConnection(page, (row) => row);
    const nodes = await Promise.all(connection.edges.map((edge) => this.view(edge.node, personId)));
    return {
      ...connection,
      edges: connection.edges.map((edge, index) => ({ cursor: edge.cursor, node: nodes[index] })),
    };
  }
}

@Resolver(() => RegionalGroup)
export class GroupInboxFields {
  constructor(
    private readonly reports: ReportsUpResolver,
    private readonly access: ReadAccess,
    private readonly known: KnownEntities,
  ) {}

  @ResolveField(() => [ID], {
    description:
      "R43: the group's areas, in its order, whose feeds and reports the reader may read today: those the inbox and the other lists of the areas' reports show. Empty for an administrator, who reads the group's business but not its areas'.",
  })
  readableAreaIds(@Parent() group: RegionalGroup, @CurrentIdentity() identity: Identity): Promise<string[]> {
    return this.access.readableAreasOfGroup(identity.personId, group.id);
  }

  @ResolveField(() => InboxItemConnection, {
    description:
      'L2: every item the group\'s areas sent up, in the order recorded, with the region\'s acknowledgement; only the areas whose reports the reader may read (R43), restricted items titled "Restricted" to those R42 does not allow. status is as at today.',
  })
  inbox(
    @Parent() group: RegionalGroup,
    @Args() args: InboxArgs,
    @CurrentIdentity() identity: Identity,
  ): Promise<ConnectionShape<InboxItem>> {
    if (args.areaId) this.known.areaOfGroup(args.areaId, group.id, 'areaId');
    return this.reports.inbox(group.id, args, identity.personId);
  }

  @ResolveField(() => [YearlyReportDue], {
    description:
      "L2: each area's next yearly report (at least once in every 12 months), for the areas whose reports the reader may read.",
  })
  yearlyReportsDue(@Parent() group: RegionalGroup, @CurrentIdentity() identity: Identity): Promise<YearlyReportDue[]> {
    return this.reports.yearlyReportsDue(group.id, identity.personId);
  }
}
