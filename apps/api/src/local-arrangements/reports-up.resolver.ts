import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  dateOf,
  DomainError,
  LocalArrangementCommand,
  localArrangementDecider,
  localArrangementStream,
  RegionalReportsCommand,
  regionalReportsDecider,
  nextYearlyReportDueOn,
  regionalReportsStream,
  reportUpStatus,
  SentItem,
  sentItemIn,
} from '@app/domain';
import { EventStore, newEntityId } from '@app/event-store';
import { InboxItemRow, pageOfFiltered, RegionalGroupQueries, ReportsUpQueries } from '@app/read-models';
import { Clock } from '@app/platform';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { CommandGateway, PreparedCommand, requestMeta } from '../common/command-gateway';
import { ConnectionShape, toConnection } from '../common/connection';
import { derivedId } from '../common/derived-id';
import { IdempotentInput } from '../common/idempotency-key.input';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { CLOCK, EVENT_STORE } from '../infrastructure/injection-tokens';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { AreaFacts } from './area-facts';
import {
  AcknowledgeInboxItemInput,
  DefineMeasureInput,
  InboxArgs,
  InboxItem,
  InboxItemConnection,
  InboxItemInput,
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
import { inboxStatus, toInboxItem } from './reports-up.views';

/**
 * L2: what an area sends up, recorded in its own stream by its business manager, and what the
 * region does with it (acknowledges; answers and resolves an escalation), recorded in the
 * region's own `regional-reports-<groupId>` stream, never the area's (R11).
 */
@Resolver(() => InboxItem)
export class ReportsUpResolver {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly facts: AreaFacts,
    private readonly reports: ReportsUpQueries,
    private readonly groups: RegionalGroupQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return dateOf(this.clock.now().toISOString());
  }

  /** The item as its reader may see it (R42). */
  async view(row: InboxItemRow, personId: string): Promise<InboxItem> {
    const visible = await this.access.mayReadItem(personId, row.groupId, {
      restricted: row.restricted,
      areaIds: [row.areaId],
    });
    const responses = row.kind === 'ESCALATION' && visible ? this.reports.escalationResponses(row.itemId) : [];
    return toInboxItem(row, responses, visible, this.today());
  }

  private async item(groupId: string, itemId: string, personId: string): Promise<InboxItem> {
    const [row] = this.reports.inboxItems({ groupId, kind: null, areaId: null }).filter((r) => r.itemId === itemId);
    if (!row) throw new DomainError('NOT_FOUND', `There is no item ${itemId} in the group's inbox.`);
    return this.view(row, personId);
  }

  /** One thing the area sends up, by its business manager, in the area's own stream. */
  private async sendUp(
    areaId: string,
    itemId: string,
    operation: string,
    input: IdempotentInput,
    identity: Identity,
    context: GraphqlContext,
    build: (
      prepared: PreparedCommand,
      managedAreaIds: readonly string[],
    ) => LocalArrangementCommand | Promise<LocalArrangementCommand>,
  ): Promise<InboxItem> {
    const groupId = this.facts.groupOf(areaId);
    await this.gateway.change(
      { operation: operation, input, meta: requestMeta(identity, context) },
      groupId,
      localArrangementStream(areaId),
      localArrangementDecider,
      async (prepared) => build(prepared, await this.facts.managedAreaIds(identity.personId)),
    );
    return this.item(groupId, itemId, identity.personId);
  }

  /** What the region does, in its own stream, about an item one of its areas sent (found in that area's stream). */
  private async answer(
    input: InboxItemInput,
    operation: string,
    identity: Identity,
    context: GraphqlContext,
    build: (prepared: PreparedCommand, item: SentItem | null) => RegionalReportsCommand,
  ): Promise<InboxItem> {
    this.known.group(input.groupId);
    const [row] = this.reports
      .inboxItems({ groupId: input.groupId, kind: null, areaId: null })
      .filter((r) => r.itemId === input.itemId);
    await this.gateway.change(
      { operation: operation, input, meta: requestMeta(identity, context) },
      input.groupId,
      regionalReportsStream(input.groupId),
      regionalReportsDecider,
      async (prepared) => {
        const events = row ? await this.store.readStream(localArrangementStream(row.areaId)) : [];
        return build(prepared, sentItemIn(events, input.itemId));
      },
    );
    return this.item(input.groupId, input.itemId, identity.personId);
  }

  @Mutation(() => InboxItem, {
    description:
      'L2: the area’s yearly report (s.16G: at least once in every 12 months), with the days it was sent to the national panel and the What Works centre (due within 7 days of publication).',
  })
  submitYearlyReport(
    @Args('input') input: SubmitYearlyReportInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    const reportId = newEntityId('yearly-report', identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(
      input.areaId,
      reportId,
      'submitYearlyReport',
      input,
      identity,
      context,
      ({ actor, now }, managedAreaIds) => ({
        type: 'SubmitYearlyReport',
        data: {
          areaId: input.areaId,
          reportId,
          period: input.period,
          publishedOn: input.publishedOn,
          link: input.link,
          sentToNationalPanelOn: input.sentToNationalPanelOn,
          sentToWhatWorksOn: input.sentToWhatWorksOn,
          managedAreaIds,
          actor,
          now,
        },
      }),
    );
  }

  @Mutation(() => InboxItem, {
    description:
      "L2: a count for one quarter of a measure from the group's list; due by the end of the month after the quarter.",
  })
  submitPerformanceFigures(
    @Args('input') input: SubmitPerformanceFiguresInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    const figuresId = newEntityId('performance-figures', identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(
      input.areaId,
      figuresId,
      'submitPerformanceFigures',
      input,
      identity,
      context,
      async ({ actor, now }, managedAreaIds) => {
        const groupId = this.facts.groupOf(input.areaId);
        const events = await this.store.readStream(regionalReportsStream(groupId));
        const defined = events.find(
          (e) => e.type === 'MeasureDefined' && (e.data as { measureId: string }).measureId === input.measureId,
        );
        return {
          type: 'SubmitPerformanceFigures',
          data: {
            areaId: input.areaId,
            figuresId,
            measure: defined ? { measureId: input.measureId, name: (defined.data as { name: string }).name } : null,
            period: input.period,
            count: input.count,
            managedAreaIds,
            actor,
            now,
          },
        };
      },
    );
  }

  @Mutation(() => InboxItem, {
    description: 'L2: an issue the area raises to the region; restricted (R42) when marked.',
  })
  raiseEscalation(
    @Args('input') input: RaiseEscalationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    const escalationId = newEntityId('escalation', identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(
      input.areaId,
      escalationId,
      'raiseEscalation',
      input,
      identity,
      context,
      ({ actor, now }, managedAreaIds) => ({
        type: 'RaiseEscalation',
        data: {
          areaId: input.areaId,
          groupId: this.facts.groupOf(input.areaId),
          escalationId,
          title: input.title,
          detail: input.detail,
          restricted: input.restricted,
          raisedOn: input.raisedOn ?? null,
          managedAreaIds,
          actor,
          now,
        },
      }),
    );
  }

  @Mutation(() => InboxItem, { description: 'L2: a decision the area took for itself, shared with the region.' })
  shareLocalDecision(
    @Args('input') input: ShareLocalDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    const decisionId = newEntityId('local-decision', identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(
      input.areaId,
      decisionId,
      'shareLocalDecision',
      input,
      identity,
      context,
      ({ actor, now }, managedAreaIds) => ({
        type: 'ShareLocalDecision',
        data: {
          areaId: input.areaId,
          decisionId,
          title: input.title,
          decision: input.decision,
          decidedOn: input.decidedOn ?? null,
          managedAreaIds,
          actor,
          now,
        },
      }),
    );
  }

  @Mutation(() => InboxItem, {
    description: 'The region (a current representative of the group) acknowledges an item in its inbox.',
  })
  acknowledgeInboxItem(
    @Args('input') input: AcknowledgeInboxItemInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.answer(input, 'acknowledgeInboxItem', identity, context, ({ actor, now }, item) => ({
      type: 'AcknowledgeInboxItem',
      data: { groupId: input.groupId, item, actor, now },
    }));
  }

  @Mutation(() => InboxItem, {
    description: "The region's response to an escalation, recorded in the region's stream (R11).",
  })
  respondToEscalation(
    @Args('input') input: RespondToEscalationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.answer(input, 'respondToEscalation', identity, context, ({ actor, now }, escalation) => ({
      type: 'RespondToEscalation',
      data: {
        groupId: input.groupId,
        escalation,
        response: input.response,
        respondedOn: input.respondedOn ?? null,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => InboxItem, { description: 'The region resolves an escalation; no response follows once resolved.' })
  resolveEscalation(
    @Args('input') input: ResolveEscalationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<InboxItem> {
    return this.answer(input, 'resolveEscalation', identity, context, ({ actor, now }, escalation) => ({
      type: 'ResolveEscalation',
      data: {
        groupId: input.groupId,
        escalation,
        resolution: input.resolution,
        resolvedOn: input.resolvedOn ?? null,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => PerformanceMeasure, {
    description: "Adds a named measure to the group's list (L2): its chair or an administrator.",
  })
  async defineMeasure(
    @Args('input') input: DefineMeasureInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PerformanceMeasure> {
    this.known.group(input.groupId);
    const measureId = newEntityId('measure', identity.personId, input.idempotencyKey, input.groupId);
    await this.gateway.change(
      { operation: 'defineMeasure', input, meta: requestMeta(identity, context) },
      input.groupId,
      regionalReportsStream(input.groupId),
      regionalReportsDecider,
      ({ actor, now }): RegionalReportsCommand => ({
        type: 'DefineMeasure',
        data: { groupId: input.groupId, measureId, name: input.name, actor, now },
      }),
    );
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
    const groupId = this.facts.groupOf(areaId);
    await this.access.assertAreaFeed(identity.personId, areaId);
    return this.reports.measuresOfGroup(groupId).map((m) => ({ id: m.measureId, name: m.name }));
  }

  @Query(() => InboxItemConnection, {
    description:
      'L2: what one area sent up, oldest first, with due days and the region\'s acknowledgement: for whoever may read the area\'s reports (R43), its business manager included; restricted items titled "Restricted" to those R42 does not allow. status is as at today.',
  })
  async reportsUp(
    @Args() args: ReportsUpArgs,
    @CurrentIdentity() identity: Identity,
  ): Promise<ConnectionShape<InboxItem>> {
    const groupId = this.facts.groupOf(args.areaId);
    await this.access.assertAreaFeed(identity.personId, args.areaId);
    return this.inbox(groupId, args, identity.personId);
  }

  /** L2: each readable area's next yearly report, as at today. */
  async yearlyReportsDue(groupId: string, personId: string): Promise<YearlyReportDue[]> {
    const areaIds = (this.groups.areasOfGroups([groupId]).get(groupId) ?? []).map((area) => area.areaId);
    const readable = await this.access.readableAreaIds(personId, areaIds);
    const last = this.reports.lastYearlyReports(groupId);
    const today = this.today();
    return areaIds
      .filter((areaId) => readable.has(areaId))
      .map((areaId) => {
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
    const areaIds = (this.groups.areasOfGroups([groupId]).get(groupId) ?? []).map((area) => area.areaId);
    const readable = await this.access.readableAreaIds(personId, areaIds);
    const today = this.today();
    const rows = this.reports
      .inboxItems({ groupId, kind: args.kind ?? null, areaId: args.areaId ?? null })
      .filter((row) => readable.has(row.areaId))
      .filter((row) => !args.status || inboxStatus(row, today) === args.status)
      .filter((row) => args.acknowledged == null || (row.acknowledgedAt !== null) === args.acknowledged);
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
  constructor(private readonly reports: ReportsUpResolver) {}

  @ResolveField(() => InboxItemConnection, {
    description:
      'L2: every item the group\'s areas sent up, oldest first, with the region\'s acknowledgement; only the areas whose reports the reader may read (R43), restricted items titled "Restricted" to those R42 does not allow. status is as at today.',
  })
  inbox(
    @Parent() group: RegionalGroup,
    @Args() args: InboxArgs,
    @CurrentIdentity() identity: Identity,
  ): Promise<ConnectionShape<InboxItem>> {
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
