import { addMonthsToDate, IsoDate } from '../shared/dates';
import { addWorkingDays } from '../shared/working-days';
import { addDays, format, parse } from 'date-fns';

/** L5: a statutory deadline as at a date: still due, met by the day it fell due, or missed. */
export type DeadlineStatus = 'DUE' | 'MET' | 'MISSED';

export function deadlineStatus(dueOn: IsoDate, doneOn: IsoDate | null, asAt: IsoDate): DeadlineStatus {
  if (doneOn !== null && doneOn <= asAt) return doneOn <= dueOn ? 'MET' : 'MISSED';
  return asAt > dueOn ? 'MISSED' : 'DUE';
}

/** L5: the local authority notifies the national panel within 5 working days of becoming aware. */
export const panelNotificationDueOn = (awareOn: IsoDate): IsoDate => addWorkingDays(awareOn, 5);

/** L5: the rapid review is decided within 15 working days of the panel notification (Working Together 2023). */
export const rapidReviewDueOn = (notifiedOn: IsoDate): IsoDate => addWorkingDays(notifiedOn, 15);

/** L5: a local child safeguarding practice review is published within 6 months of the decision to start it. */
export const localReviewPublicationDueOn = (decidedOn: IsoDate): IsoDate => addMonthsToDate(decidedOn, 6);

/** L2: what an area sends up, as at a date: not yet due, late (past due, sent or not), or received in time. */
export type ReportUpStatus = 'DUE' | 'LATE' | 'RECEIVED';

export function reportUpStatus(dueOn: IsoDate | null, receivedOn: IsoDate | null, asAt: IsoDate): ReportUpStatus {
  if (receivedOn !== null && receivedOn <= asAt) return dueOn === null || receivedOn <= dueOn ? 'RECEIVED' : 'LATE';
  return dueOn !== null && asAt > dueOn ? 'LATE' : 'DUE';
}

/**
 * L2: the statuses an item the area has sent can have. The day it was sent cannot be one still to
 * come, so as at any day since it is received in time or late, never still due.
 */
export const SENT_ITEM_STATUSES: readonly ReportUpStatus[] = ['LATE', 'RECEIVED'];

/** L2, Children Act 2004 s.16G: a yearly report at least once in every 12 months after the last one. */
export const nextYearlyReportDueOn = (lastPublishedOn: IsoDate): IsoDate => addMonthsToDate(lastPublishedOn, 12);

/** L2, Working Together 2023: a yearly report goes to the national panel and the What Works centre within 7 days of publication. */
export const yearlyReportDispatchDueOn = (publishedOn: IsoDate): IsoDate =>
  format(addDays(parse(publishedOn, 'yyyy-MM-dd', new Date(2000, 0, 1, 12)), 7), 'yyyy-MM-dd');

/** A quarter of the financial year the figures count, as `2026-Q3`: calendar quarters, Q1 January to March. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The first day of a quarter written like `2026-Q3`. */
export function quarterStartsOn(quarter: string): IsoDate {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return `${match[1]}-${String(Number(match[2]) * 3 - 2).padStart(2, '0')}-01`;
}

/** L2: a quarter's performance figures are due by the end of the month after the quarter ends. */
export function figuresDueOn(quarter: string): IsoDate {
  const firstDayAfter = addMonthsToDate(quarterStartsOn(quarter), 3);
  const lastDay = parse(addMonthsToDate(firstDayAfter, 1), 'yyyy-MM-dd', new Date(2000, 0, 1, 12));
  return format(addDays(lastDay, -1), 'yyyy-MM-dd');
}

/** A practice review's dates as recorded: what its stage and deadlines are computed from. */
export type PracticeReviewDates = Readonly<{
  notificationDueOn: IsoDate;
  notifiedOn: IsoDate | null;
  rapidReviewDueOn: IsoDate | null;
  decision: string | null;
  decidedOn: IsoDate | null;
  publicationDueOn: IsoDate | null;
  publishedOn: IsoDate | null;
}>;

export type PracticeReviewStage = 'AWAITING_NOTIFICATION' | 'AWAITING_DECISION' | 'IN_REVIEW' | 'CLOSED';

/** L5: where a review stands: a local review stays open until published; a referral or no review closes it. */
export function practiceReviewStage(review: PracticeReviewDates): PracticeReviewStage {
  if (review.notifiedOn === null) return 'AWAITING_NOTIFICATION';
  if (review.decision === null) return 'AWAITING_DECISION';
  if (review.decision === 'LCSPR' && review.publishedOn === null) return 'IN_REVIEW';
  return 'CLOSED';
}

/** L5: overdue as at `asAt` when a deadline has passed with its step still not taken (a step taken late is missed, not overdue). */
export function isPracticeReviewOverdue(review: PracticeReviewDates, asAt: IsoDate): boolean {
  const open = (dueOn: IsoDate | null, doneOn: IsoDate | null) =>
    dueOn !== null && (doneOn === null || doneOn > asAt) && asAt > dueOn;
  return (
    open(review.notificationDueOn, review.notifiedOn) ||
    open(review.rapidReviewDueOn, review.decidedOn) ||
    open(review.publicationDueOn, review.publishedOn)
  );
}
