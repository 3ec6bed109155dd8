import { Injectable } from '@nestjs/common';
import { dateOf, LocalArrangementCommand, statutoryPartnersOfArea, StatutoryRecorders } from '@app/domain';
import { newEntityId } from '@app/event-store';
import { RequestMeta } from '../common/command-gateway';
import { AreaInput } from './area.input';
import { AreaAttempt, LocalArrangementService } from './local-arrangement.service';
import {
  NotifySeriousIncidentInput,
  PublishLocalReviewInput,
  RecordPanelNotificationInput,
  RecordRapidReviewDecisionInput,
} from './reports-up.types';

type Build = (attempt: AreaAttempt, recorders: StatutoryRecorders) => LocalArrangementCommand;

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
    await this.record('notifySeriousIncident', input, meta, ({ area, group }, recorders) => ({
      type: 'NotifySeriousIncident',
      data: {
        areaId: area.areaId,
        reviewId,
        reference: input.reference,
        awareOn: input.awareOn,
        notifiedOn: input.notifiedOn ?? null,
        restricted: input.restricted,
        groupId: group.groupId,
        recorders,
        actor: area.actor,
        now: area.now,
      },
    }));
    return reviewId;
  }

  async recordPanelNotification(input: RecordPanelNotificationInput, meta: RequestMeta): Promise<string> {
    await this.record('recordPanelNotification', input, meta, ({ area, group }, recorders) => ({
      type: 'RecordPanelNotification',
      data: {
        areaId: area.areaId,
        reviewId: input.reviewId,
        notifiedOn: input.notifiedOn ?? null,
        groupId: group.groupId,
        recorders,
        actor: area.actor,
        now: area.now,
      },
    }));
    return input.reviewId;
  }

  async recordRapidReviewDecision(input: RecordRapidReviewDecisionInput, meta: RequestMeta): Promise<string> {
    await this.record('recordRapidReviewDecision', input, meta, ({ area, group }, recorders) => ({
      type: 'RecordRapidReviewDecision',
      data: {
        areaId: area.areaId,
        reviewId: input.reviewId,
        decision: input.decision,
        reason: input.decisionReason,
        decidedOn: input.decidedOn ?? null,
        groupId: group.groupId,
        recorders,
        actor: area.actor,
        now: area.now,
      },
    }));
    return input.reviewId;
  }

  async publishLocalReview(input: PublishLocalReviewInput, meta: RequestMeta): Promise<string> {
    await this.record('publishLocalReview', input, meta, ({ area, group }, recorders) => ({
      type: 'PublishLocalReview',
      data: {
        areaId: area.areaId,
        reviewId: input.reviewId,
        publishedOn: input.publishedOn ?? null,
        link: input.link,
        groupId: group.groupId,
        recorders,
        actor: area.actor,
        now: area.now,
      },
    }));
    return input.reviewId;
  }

  private async record(operation: string, input: AreaInput, meta: RequestMeta, build: Build): Promise<void> {
    await this.areas.change(operation, input, meta, (attempt) =>
      build(attempt, {
        managedAreaIds: attempt.area.managedAreaIds,
        statutoryPartnerIds: statutoryPartnersOfArea(attempt.group, attempt.area.areaId, dateOf(attempt.area.now)),
      }),
    );
  }
}
