import { Inject, Injectable } from '@nestjs/common';
import {
  areaJoinedOn,
  LocalArrangementCommand,
  localArrangementStream,
  RegionalReportsCommand,
  regionalReportsDecider,
  regionalReportsStream,
  SentItem,
  sentItemIn,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { ReportsUpQueries } from '@app/read-models';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { KnownEntities } from '../common/known-entities';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { AreaInput } from './area.input';
import { AreaAttempt, AreaContext, LocalArrangementService } from './local-arrangement.service';
import {
  AcknowledgeInboxItemInput,
  DefineMeasureInput,
  InboxItemInput,
  RaiseEscalationInput,
  ResolveEscalationInput,
  RespondToEscalationInput,
  ShareLocalDecisionInput,
  SubmitPerformanceFiguresInput,
  SubmitYearlyReportInput,
} from './reports-up.types';

/** Where the caller reads what was sent up: the group's inbox holds the item. */
export type InboxItemRef = Readonly<{ groupId: string; itemId: string }>;

/** What an item sent up is built from: the area's attempt and the day the area joined its group. */
type SendUpAttempt = AreaAttempt & Readonly<{ area: AreaContext & Readonly<{ areaJoinedOn: string }> }>;

/**
 * L2: what an area sends up, in its own stream, by its business manager; and what the region does
 * with it (acknowledges; answers and resolves an escalation) in the region's own
 * `regional-reports-<groupId>` stream, never the area's (R11).
 */
@Injectable()
export class ReportsUpService {
  constructor(
    private readonly areas: LocalArrangementService,
    private readonly gateway: CommandGateway,
    private readonly reports: ReportsUpQueries,
    private readonly known: KnownEntities,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  submitYearlyReport(input: SubmitYearlyReportInput, meta: RequestMeta): Promise<InboxItemRef> {
    const reportId = newEntityId('yearly-report', meta.identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(reportId, 'submitYearlyReport', input, meta, ({ area }) => ({
      type: 'SubmitYearlyReport',
      data: {
        ...area,
        reportId,
        period: input.period,
        publishedOn: input.publishedOn,
        link: input.link,
        sentToNationalPanelOn: input.sentToNationalPanelOn,
        sentToWhatWorksOn: input.sentToWhatWorksOn,
      },
    }));
  }

  /** The measure must be on the group's list, as the region's own stream holds it. */
  submitPerformanceFigures(input: SubmitPerformanceFiguresInput, meta: RequestMeta): Promise<InboxItemRef> {
    const figuresId = newEntityId('performance-figures', meta.identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(figuresId, 'submitPerformanceFigures', input, meta, async ({ area, group }) => {
      const { measures } = await readState(this.store, regionalReportsStream(group.groupId), regionalReportsDecider);
      const defined = Object.hasOwn(measures, input.measureId);
      return {
        type: 'SubmitPerformanceFigures',
        data: {
          ...area,
          figuresId,
          measure: defined ? { measureId: input.measureId, name: measures[input.measureId] } : null,
          period: input.period,
          count: input.count,
          submittedOn: input.submittedOn ?? null,
        },
      };
    });
  }

  raiseEscalation(input: RaiseEscalationInput, meta: RequestMeta): Promise<InboxItemRef> {
    const escalationId = newEntityId('escalation', meta.identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(escalationId, 'raiseEscalation', input, meta, ({ area, group }) => ({
      type: 'RaiseEscalation',
      data: {
        ...area,
        groupId: group.groupId,
        escalationId,
        title: input.title,
        detail: input.detail,
        restricted: input.restricted,
        raisedOn: input.raisedOn ?? null,
      },
    }));
  }

  shareLocalDecision(input: ShareLocalDecisionInput, meta: RequestMeta): Promise<InboxItemRef> {
    const decisionId = newEntityId('local-decision', meta.identity.personId, input.idempotencyKey, input.areaId);
    return this.sendUp(decisionId, 'shareLocalDecision', input, meta, ({ area }) => ({
      type: 'ShareLocalDecision',
      data: {
        ...area,
        decisionId,
        title: input.title,
        decision: input.decision,
        decidedOn: input.decidedOn ?? null,
      },
    }));
  }

  acknowledgeInboxItem(input: AcknowledgeInboxItemInput, meta: RequestMeta): Promise<void> {
    return this.answer(input, 'acknowledgeInboxItem', meta, ({ actor, now }, item) => ({
      type: 'AcknowledgeInboxItem',
      data: { groupId: input.groupId, item, actor, now },
    }));
  }

  respondToEscalation(input: RespondToEscalationInput, meta: RequestMeta): Promise<void> {
    return this.answer(input, 'respondToEscalation', meta, ({ actor, now }, escalation) => ({
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

  resolveEscalation(input: ResolveEscalationInput, meta: RequestMeta): Promise<void> {
    return this.answer(input, 'resolveEscalation', meta, ({ actor, now }, escalation) => ({
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

  /** Answers the new measure's id. */
  async defineMeasure(input: DefineMeasureInput, meta: RequestMeta): Promise<string> {
    this.known.group(input.groupId);
    const measureId = newEntityId('measure', meta.identity.personId, input.idempotencyKey, input.groupId);
    await this.gateway.change(
      { operation: 'defineMeasure', input, meta },
      input.groupId,
      regionalReportsStream(input.groupId),
      regionalReportsDecider,
      ({ actor, now }): RegionalReportsCommand => ({
        type: 'DefineMeasure',
        data: { groupId: input.groupId, measureId, name: input.name, actor, now },
      }),
    );
    return measureId;
  }

  private async sendUp(
    itemId: string,
    operation: string,
    input: AreaInput,
    meta: RequestMeta,
    build: (attempt: SendUpAttempt) => LocalArrangementCommand | Promise<LocalArrangementCommand>,
  ): Promise<InboxItemRef> {
    const groupId = await this.areas.change(operation, input, meta, ({ area, group }) =>
      build({ area: { ...area, areaJoinedOn: areaJoinedOn(group, area.areaId) }, group }),
    );
    return { groupId, itemId };
  }

  /** What the region does, in its own stream, about an item one of its areas sent (found in that area's stream). */
  private async answer(
    input: InboxItemInput,
    operation: string,
    meta: RequestMeta,
    build: (prepared: PreparedCommand, item: SentItem | null) => RegionalReportsCommand,
  ): Promise<void> {
    this.known.group(input.groupId);
    // The inbox only says which area's stream to read: whether the item was sent is that stream's fact.
    const row = this.reports.inboxItem(input.groupId, input.itemId);
    await this.gateway.change(
      { operation, input, meta },
      input.groupId,
      regionalReportsStream(input.groupId),
      regionalReportsDecider,
      async (prepared) => {
        const events = row ? await this.store.readStream(localArrangementStream(row.areaId)) : [];
        return build(prepared, sentItemIn(events, input.itemId));
      },
    );
  }
}
