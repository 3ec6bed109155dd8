import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DomainError, isPracticeReviewOverdue, practiceReviewStage } from '@app/domain';
import { ReportsUpQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { requestMeta } from '../common/command-gateway';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { PracticeReviewService } from './practice-review.service';
import {
  NotifySeriousIncidentInput,
  PracticeReview,
  PracticeReviewStage,
  PublishLocalReviewInput,
  RecordPanelNotificationInput,
  RecordRapidReviewDecisionInput,
} from './reports-up.types';
import { toPracticeReview } from './reports-up.views';
import { GroupTimeViews } from '../common/group-time-views';

/**
 * L5: practice reviews, recorded in the area's own stream by its business manager or a
 * representative of one of its statutory partners, never by the region (R11). Each mutation
 * answers with the review and the deadlines it set.
 */
@Resolver(() => PracticeReview)
export class PracticeReviewResolver {
  constructor(
    private readonly service: PracticeReviewService,
    private readonly reviews: ReportsUpQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    private readonly views: GroupTimeViews,
  ) {}

  private read(reviewId: string, areaId: string): PracticeReview {
    const row = this.reviews.practiceReview(reviewId);
    if (!row || row.areaId !== areaId)
      throw new DomainError('NOT_FOUND', `This area has no practice review with id ${reviewId}.`);
    return toPracticeReview(row, this.views.today().on);
  }

  @Query(() => [PracticeReview], {
    description:
      "L5: every practice review of the group's areas the reader may read (R43: the group's members, auditors, and each area's business managers for their own area; an administrator reads the group but no area's reports, so gets an empty list, as in the group's inbox; anyone else is refused with FORBIDDEN); restricted reviews only to those R42 allows. status is the stage; overdueOnly keeps those with a deadline passed and its step not taken, as at today.",
  })
  async practiceReviews(
    @Args('groupId', { type: () => ID }) groupId: string,
    @CurrentIdentity() identity: Identity,
    @Args('status', { type: () => PracticeReviewStage, nullable: true }) status?: PracticeReviewStage | null,
    @Args('overdueOnly', { type: () => Boolean, defaultValue: false }) overdueOnly = false,
  ): Promise<PracticeReview[]> {
    this.known.group(groupId);
    const readable = await this.access.areaReportsReadable(identity.personId, groupId);
    const today = this.views.today().on;
    const rows = this.reviews
      .practiceReviewsOfGroup(groupId)
      .filter((row) => readable.has(row.areaId))
      .filter((row) => !status || practiceReviewStage(row) === (status as string))
      .filter((row) => !overdueOnly || isPracticeReviewOverdue(row, today));
    const visible = await Promise.all(
      rows.map((row) =>
        this.access.mayReadItem(identity.personId, groupId, { restricted: row.restricted, areaIds: [row.areaId] }),
      ),
    );
    return rows.filter((_, index) => visible[index]).map((row) => toPracticeReview(row, today));
  }

  @Mutation(() => PracticeReview, {
    description:
      'L5: the local authority became aware of a serious incident (and, if it has, notified the national panel): reference number and dates only (R40). Notification is due 5 working days after awareness; the rapid review 15 working days after notification.',
  })
  async notifySeriousIncident(
    @Args('input') input: NotifySeriousIncidentInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PracticeReview> {
    const reviewId = await this.service.notifySeriousIncident(input, requestMeta(identity, context));
    return this.read(reviewId, input.areaId);
  }

  @Mutation(() => PracticeReview, { description: 'L5: the national panel notified after the incident was recorded.' })
  async recordPanelNotification(
    @Args('input') input: RecordPanelNotificationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PracticeReview> {
    await this.service.recordPanelNotification(input, requestMeta(identity, context));
    return this.read(input.reviewId, input.areaId);
  }

  @Mutation(() => PracticeReview, {
    description: "L5: the rapid review's decision, with its reason; a local review is then due within 6 months.",
  })
  async recordRapidReviewDecision(
    @Args('input') input: RecordRapidReviewDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PracticeReview> {
    await this.service.recordRapidReviewDecision(input, requestMeta(identity, context));
    return this.read(input.reviewId, input.areaId);
  }

  @Mutation(() => PracticeReview, { description: 'L5: the local child safeguarding practice review published.' })
  async publishLocalReview(
    @Args('input') input: PublishLocalReviewInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<PracticeReview> {
    await this.service.publishLocalReview(input, requestMeta(identity, context));
    return this.read(input.reviewId, input.areaId);
  }
}
