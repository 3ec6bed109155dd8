import { IsoDate } from '../shared/dates';
import { Message } from '../shared/decider';
import { Actor } from '../shared/roles';
import { StatutoryRecorders } from './area-recorders';

/** L5: what the partners decide after the rapid review. */
export const RAPID_REVIEW_DECISIONS = ['LCSPR', 'NATIONAL_PANEL_REFERRAL', 'NO_REVIEW'] as const;
export type RapidReviewDecision = (typeof RAPID_REVIEW_DECISIONS)[number];

/** L5, R40: a serious incident by its reference number and dates only, never case details. */
export type SeriousIncidentNotified = Message<
  'SeriousIncidentNotified',
  {
    areaId: string;
    /** The area's group: whose members may read it when restricted (R42). */
    groupId: string;
    reviewId: string;
    reference: string;
    awareOn: IsoDate;
    notifiedOn: IsoDate | null;
    /** The deadlines as counted when recorded: 5 working days from awareness, 15 from notification. */
    notificationDueOn: IsoDate;
    rapidReviewDueOn: IsoDate | null;
    restricted: boolean;
  }
>;
export type PanelNotificationRecorded = Message<
  'PanelNotificationRecorded',
  { areaId: string; reviewId: string; notifiedOn: IsoDate; rapidReviewDueOn: IsoDate }
>;
export type RapidReviewDecisionRecorded = Message<
  'RapidReviewDecisionRecorded',
  {
    areaId: string;
    groupId: string;
    reviewId: string;
    /** Copied from the review: the reason is as restricted as the review is (R42). */
    restricted: boolean;
    decision: RapidReviewDecision;
    reason: string;
    decidedOn: IsoDate;
    /** Set only for a local review: 6 months from the decision to start it. */
    publicationDueOn: IsoDate | null;
  }
>;
export type LocalReviewPublished = Message<
  'LocalReviewPublished',
  { areaId: string; reviewId: string; publishedOn: IsoDate; link: string }
>;
export type PracticeReviewEvent =
  SeriousIncidentNotified | PanelNotificationRecorded | RapidReviewDecisionRecorded | LocalReviewPublished;

type ByRecorder = {
  areaId: string;
  groupId: string;
  recorders: StatutoryRecorders;
  actor: Actor;
  now: string;
  /** The day the area joined its group, as the group's stream holds it: no review of it begins before. */
  areaJoinedOn: IsoDate;
};

export type NotifySeriousIncident = Message<
  'NotifySeriousIncident',
  ByRecorder & {
    reviewId: string;
    reference: string;
    awareOn: IsoDate;
    notifiedOn: IsoDate | null;
    restricted: boolean;
  }
>;
export type RecordPanelNotification = Message<
  'RecordPanelNotification',
  ByRecorder & { reviewId: string; notifiedOn: IsoDate | null }
>;
export type RecordRapidReviewDecision = Message<
  'RecordRapidReviewDecision',
  ByRecorder & { reviewId: string; decision: RapidReviewDecision; reason: string; decidedOn: IsoDate | null }
>;
export type PublishLocalReview = Message<
  'PublishLocalReview',
  ByRecorder & { reviewId: string; publishedOn: IsoDate | null; link: string }
>;
export type PracticeReviewCommand =
  NotifySeriousIncident | RecordPanelNotification | RecordRapidReviewDecision | PublishLocalReview;

export const PRACTICE_REVIEW_COMMANDS: readonly PracticeReviewCommand['type'][] = [
  'NotifySeriousIncident',
  'RecordPanelNotification',
  'RecordRapidReviewDecision',
  'PublishLocalReview',
];

/** One practice review as the area's stream holds it. */
export type PracticeReviewState = Readonly<{
  reviewId: string;
  reference: string;
  restricted: boolean;
  awareOn: IsoDate;
  notifiedOn: IsoDate | null;
  decision: RapidReviewDecision | null;
  decidedOn: IsoDate | null;
  publishedOn: IsoDate | null;
}>;
