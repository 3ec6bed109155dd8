import { addMonthsToDate, IsoDate } from '../shared/dates';

/** R12: terms of reference are reviewed at least every 12 months. */
export const REVIEW_INTERVAL_MONTHS = 12;
/** A review shows as due this many months before its date. */
const DUE_WITHIN_MONTHS = 1;

/** The version in force on `date`: the latest adopted by then, or null before any (R12, A3). */
export function termsAdoptedBy<Terms extends Readonly<{ adoptedOn: IsoDate }>>(
  versions: readonly Terms[],
  date: IsoDate,
): Terms | null {
  return [...versions].reverse().find((terms) => terms.adoptedOn <= date) ?? null;
}

export type ReviewStatus = 'NOT_DUE' | 'DUE' | 'OVERDUE';

/**
 * R12 on `date`: the next review is 12 months after the last review or the adoption of the version
 * in force, whichever is later; DUE within a month of it, OVERDUE after it.
 */
export function termsReviewOn(
  adoptedOn: IsoDate,
  reviewedOn: readonly IsoDate[],
  date: IsoDate,
): { nextReviewDue: IsoDate; status: ReviewStatus } {
  const last = [adoptedOn, ...reviewedOn.filter((day) => day <= date)].sort().pop() as IsoDate;
  const nextReviewDue = addMonthsToDate(last, REVIEW_INTERVAL_MONTHS);
  const status =
    nextReviewDue < date ? 'OVERDUE' : addMonthsToDate(date, DUE_WITHIN_MONTHS) >= nextReviewDue ? 'DUE' : 'NOT_DUE';
  return { nextReviewDue, status };
}

export type NoticeStatus = 'OPEN' | 'WITHDRAWN' | 'EFFECTIVE';

/** R13 on `date`: withdrawn from the day it was withdrawn, effective from its effective date, open until then. */
export function noticeStatusOn(
  notice: Readonly<{ effectiveOn: IsoDate; withdrawnOn: IsoDate | null }>,
  date: IsoDate,
): NoticeStatus {
  if (notice.withdrawnOn !== null && notice.withdrawnOn <= date) return 'WITHDRAWN';
  return notice.effectiveOn <= date ? 'EFFECTIVE' : 'OPEN';
}
