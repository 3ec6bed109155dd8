import { Injectable } from '@nestjs/common';
import {
  areaJoinedOn,
  groupDateOf,
  LocalArrangementCommand,
  statutoryPartnersOfArea,
  StatutoryRecorders,
} from '@app/domain';
import { newEntityId } from '@app/event-store';
import { RequestMeta } from '../common/command-gateway';
import { AreaInput } from './area.input';
import { AreaContext, LocalArrangementService } from './local-arrangement.service';
import {
  NotifySeriousIncidentInput,
  PublishLocalReviewInput,
  RecordPanelNotificationInput,
  RecordRapidReviewDecisionInput,
} from './reports-up.types';

/** What every practice-review command carries: who acts for which area of which group, and who may record it. */
type ReviewContext = Pick<AreaContext, 'areaId' | 'actor' | 'now'> & {
  groupId: string;
  areaJoinedOn: string;
  recorders: StatutoryRecorders;
};

/**
 * L5: practice reviews, in the area's own stream, by its business manager or a representative of
 * one of the statutory partners covering it on the day, read from the group's stream on every
 * attempt; never by the region (R11). Each answers the review's id.
 */
@Injectable()
export class PracticeReviewService {
  constructor(private readonly areas: LocalArrangementService) {}

  async notifySeriousIncident(input: NotifySeriousIncidentInput, meta: RequestMeta): Promise<string> {
    const reviewId = newEntityId('practice-review', meta.identity.personId, input.idempotencyKey, input.areaId);
    await this.record('notifySeriousIncident', input, meta, (review) => ({
      type: 'NotifySeriousIncident',
      data: {
        ...review,
        reviewId,
        reference: input.reference,
        awareOn: input.awareOn,
        notifiedOn: input.notifiedOn ?? null,
        restricted: input.restricted,
      },
    }));
    return reviewId;
  }

  async recordPanelNotification(input: RecordPanelNotificationInput, meta: RequestMeta): Promise<string> {
    await this.record('recordPanelNotification', input, meta, (review) => ({
      type: 'RecordPanelNotification',
      data: { ...review, reviewId: input.reviewId, notifiedOn: input.notifiedOn ?? null },
    }));
    return input.reviewId;
  }

  async recordRapidReviewDecision(input: RecordRapidReviewDecisionInput, meta: RequestMeta): Promise<string> {
    await this.record('recordRapidReviewDecision', input, meta, (review) => ({
      type: 'RecordRapidReviewDecision',
      data: {
        ...review,
        reviewId: input.reviewId,
        decision: input.decision,
        reason: input.decisionReason,
        decidedOn: input.decidedOn ?? null,
      },
    }));
    return input.reviewId;
  }

  async publishLocalReview(input: PublishLocalReviewInput, meta: RequestMeta): Promise<string> {
    await this.record('publishLocalReview', input, meta, (review) => ({
      type: 'PublishLocalReview',
      data: { ...review, reviewId: input.reviewId, publishedOn: input.publishedOn ?? null, link: input.link },
    }));
    return input.reviewId;
  }

  private async record(
    operation: string,
    input: AreaInput,
    meta: RequestMeta,
    build: (review: ReviewContext) => LocalArrangementCommand,
  ): Promise<void> {
    await this.areas.change(operation, input, meta, ({ area: { areaId, managedAreaIds, actor, now }, group }) =>
      build({
        areaId,
        groupId: group.groupId,
        areaJoinedOn: areaJoinedOn(group, areaId),
        recorders: { managedAreaIds, statutoryPartnerIds: statutoryPartnersOfArea(group, areaId, groupDateOf(now)) },
        actor,
        now,
      }),
    );
  }
}
