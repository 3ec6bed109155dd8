import { dateOrToday, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { requireWebAddress } from '../shared/web-address';
import { requireSinceAreaJoined } from './area-joined';
import { requireStatutoryRecorder } from './area-recorders';
import { localReviewPublicationDueOn, panelNotificationDueOn, rapidReviewDueOn } from './deadlines';
import {
  PracticeReviewCommand,
  PracticeReviewEvent,
  PracticeReviewState,
  PRACTICE_REVIEW_COMMANDS,
  RAPID_REVIEW_DECISIONS,
} from './practice-review.events';

export type PracticeReviews = Readonly<Record<string, PracticeReviewState>>;

export const isPracticeReviewCommand = (command: { type: string }): command is PracticeReviewCommand =>
  (PRACTICE_REVIEW_COMMANDS as readonly string[]).includes(command.type);

export function evolvePracticeReviews(reviews: PracticeReviews, event: { type: string }): PracticeReviews {
  const e = event as PracticeReviewEvent;
  switch (e.type) {
    case 'SeriousIncidentNotified':
      return {
        ...reviews,
        [e.data.reviewId]: {
          reviewId: e.data.reviewId,
          reference: e.data.reference,
          restricted: e.data.restricted,
          awareOn: e.data.awareOn,
          notifiedOn: e.data.notifiedOn,
          decision: null,
          decidedOn: null,
          publishedOn: null,
        },
      };
    case 'PanelNotificationRecorded':
      return { ...reviews, [e.data.reviewId]: { ...reviews[e.data.reviewId], notifiedOn: e.data.notifiedOn } };
    case 'RapidReviewDecisionRecorded':
      return {
        ...reviews,
        [e.data.reviewId]: { ...reviews[e.data.reviewId], decision: e.data.decision, decidedOn: e.data.decidedOn },
      };
    case 'LocalReviewPublished':
      return { ...reviews, [e.data.reviewId]: { ...reviews[e.data.reviewId], publishedOn: e.data.publishedOn } };
    default:
      return reviews;
  }
}

function reviewOf(reviews: PracticeReviews, reviewId: string): PracticeReviewState {
  const review = reviews[reviewId];
  if (!review) throw new DomainError('NOT_FOUND', `This area has no practice review with id ${reviewId}.`);
  return review;
}

/** L5: a practice review's dates and decisions, each checked against the one before it. */
export function decidePracticeReview(command: PracticeReviewCommand, reviews: PracticeReviews): PracticeReviewEvent[] {
  const { actor, areaId, groupId, recorders, now, reviewId } = command.data;
  switch (command.type) {
    case 'NotifySeriousIncident': {
      requireStatutoryRecorder(actor, areaId, recorders, 'notifies a serious incident');
      const reference = command.data.reference.trim();
      if (Object.values(reviews).some((review) => review.reference === reference))
        throw new DomainError('ALREADY_EXISTS', `This area already has a practice review with reference ${reference}.`);
      const { awareOn, notifiedOn } = command.data;
      requireNotFuture(awareOn, now, 'The day the local authority became aware');
      requireSinceAreaJoined(awareOn, command.data.areaJoinedOn, 'The day the local authority became aware');
      if (notifiedOn !== null) checkNotified(notifiedOn, awareOn, now);
      return [
        {
          type: 'SeriousIncidentNotified',
          data: {
            areaId,
            groupId,
            reviewId,
            reference,
            awareOn,
            notifiedOn,
            notificationDueOn: panelNotificationDueOn(awareOn),
            rapidReviewDueOn: notifiedOn === null ? null : rapidReviewDueOn(notifiedOn),
            restricted: command.data.restricted,
          },
        },
      ];
    }
    case 'RecordPanelNotification': {
      requireStatutoryRecorder(actor, areaId, recorders, 'records the notification to the national panel');
      const review = reviewOf(reviews, reviewId);
      if (review.notifiedOn !== null)
        throw new DomainError('ALREADY_EXISTS', `The national panel was already notified on ${review.notifiedOn}.`);
      const notifiedOn = dateOrToday(command.data.notifiedOn, now);
      checkNotified(notifiedOn, review.awareOn, now);
      return [
        {
          type: 'PanelNotificationRecorded',
          data: { areaId, reviewId, notifiedOn, rapidReviewDueOn: rapidReviewDueOn(notifiedOn) },
        },
      ];
    }
    case 'RecordRapidReviewDecision': {
      requireStatutoryRecorder(actor, areaId, recorders, "records the rapid review's decision");
      const review = reviewOf(reviews, reviewId);
      if (review.notifiedOn === null)
        throw new DomainError(
          'CONFLICT',
          'The rapid review follows the notification to the national panel: record that first.',
        );
      if (review.decision !== null)
        throw new DomainError('ALREADY_EXISTS', `The rapid review already decided ${review.decision}.`);
      const { decision } = command.data;
      if (!RAPID_REVIEW_DECISIONS.includes(decision))
        throw new DomainError('VALIDATION_FAILED', `The decision is one of ${RAPID_REVIEW_DECISIONS.join(', ')}.`);
      const reason = command.data.reason.trim();
      if (!reason) throw new DomainError('VALIDATION_FAILED', "The rapid review's decision needs its reason.");
      const decidedOn = dateOrToday(command.data.decidedOn, now);
      requireNotFuture(decidedOn, now, 'The day of the decision');
      requireNotBefore(decidedOn, review.notifiedOn, 'The day of the decision', 'the notification to the panel');
      return [
        {
          type: 'RapidReviewDecisionRecorded',
          data: {
            areaId,
            groupId,
            reviewId,
            restricted: review.restricted,
            decision,
            reason,
            decidedOn,
            publicationDueOn: decision === 'LCSPR' ? localReviewPublicationDueOn(decidedOn) : null,
          },
        },
      ];
    }
    case 'PublishLocalReview': {
      requireStatutoryRecorder(actor, areaId, recorders, 'publishes its local review');
      const review = reviewOf(reviews, reviewId);
      if (review.decision !== 'LCSPR' || review.decidedOn === null)
        throw new DomainError('CONFLICT', 'Only a review the rapid review decided to start (LCSPR) is published.');
      if (review.publishedOn !== null)
        throw new DomainError('ALREADY_EXISTS', `The local review was already published on ${review.publishedOn}.`);
      const publishedOn = dateOrToday(command.data.publishedOn, now);
      requireNotFuture(publishedOn, now, 'The day of publication');
      requireNotBefore(publishedOn, review.decidedOn, 'The day of publication', 'the decision to start the review');
      const link = requireWebAddress(command.data.link, 'The link to the review');
      return [{ type: 'LocalReviewPublished', data: { areaId, reviewId, publishedOn, link } }];
    }
  }
}

function checkNotified(notifiedOn: IsoDate, awareOn: IsoDate, now: string): void {
  requireNotFuture(notifiedOn, now, 'The day the national panel was notified');
  requireNotBefore(
    notifiedOn,
    awareOn,
    'The day the national panel was notified',
    'the day the local authority became aware',
  );
}
