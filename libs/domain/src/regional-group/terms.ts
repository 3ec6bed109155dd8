import { addMonthsToDate, IsoDate } from '../shared/dates';
import { STATUTORY_AGENCY_TYPES } from './agency-types';
import { TermsOfReferenceData } from './regional-group.events';

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

/** What a group works to before it adopts terms of its own: the figures of the Avon and Somerset terms. */
export const DEFAULT_TERMS: TermsOfReferenceData = {
  version: 'default',
  summary: 'Platform defaults until the group adopts terms of reference.',
  quorumPercentage: 66,
  meetingCadenceMonths: 3,
  noticePeriodMonths: 12,
  statutoryTypesPerArea: STATUTORY_AGENCY_TYPES,
  adoptedOn: '1970-01-01',
  firstReviewBy: null,
};

export type TermsInForce = Readonly<{ terms: TermsOfReferenceData; platformDefault: boolean }>;

/**
 * R7, R12 on `date`: the version adopted by then, or, before the group adopts any, the platform's
 * default, saying which, so that nobody takes the default for the group's own.
 */
export function termsInForceOn(versions: readonly TermsOfReferenceData[], date: IsoDate): TermsInForce {
  const adopted = termsAdoptedBy(versions, date);
  return adopted ? { terms: adopted, platformDefault: false } : { terms: DEFAULT_TERMS, platformDefault: true };
}

export type ReviewStatus = 'NOT_DUE' | 'DUE' | 'OVERDUE';

/**
 * R12 on `date`: the next review is 12 months after the last review held by then; before the version
 * in force is first reviewed, on the day its terms name for that (never later than 12 months after
 * its adoption). DUE within a month of it, OVERDUE after it.
 */
export function termsReviewOn(
  inForce: Readonly<{ adoptedOn: IsoDate; firstReviewBy: IsoDate | null }>,
  reviewedOn: readonly IsoDate[],
  date: IsoDate,
): { nextReviewDue: IsoDate; status: ReviewStatus } {
  const { adoptedOn, firstReviewBy } = inForce;
  const last = [adoptedOn, ...reviewedOn.filter((day) => day <= date)].sort().pop() as IsoDate;
  const yearOn = addMonthsToDate(last, REVIEW_INTERVAL_MONTHS);
  const nextReviewDue = last === adoptedOn && firstReviewBy !== null && firstReviewBy < yearOn ? firstReviewBy : yearOn;
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
