import { dateOrToday, groupDateOf, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/**
 * R10: the day minutes were approved. At a later meeting it is that meeting's day; by the chair, the
 * day given (today in London when omitted). Never in the future, never before the meeting itself.
 */
export function minutesApprovedOn(
  given: IsoDate | null,
  facts: Readonly<{ meetingDate: IsoDate; atMeetingStartsAt: string | null; now: string }>,
): IsoDate {
  const { meetingDate, atMeetingStartsAt, now } = facts;
  const atMeetingDate = atMeetingStartsAt ? groupDateOf(atMeetingStartsAt) : null;
  if (atMeetingDate && given && given !== atMeetingDate)
    throw new DomainError(
      'VALIDATION_FAILED',
      `Minutes approved at a meeting are approved on its day (${atMeetingDate}), not ${given}.`,
    );
  const approvedOn = atMeetingDate ?? dateOrToday(given, now);
  requireNotFuture(approvedOn, now, 'The day the minutes were approved');
  requireNotBefore(approvedOn, meetingDate, 'The day the minutes were approved', 'the meeting');
  return approvedOn;
}

/** R10: the day approved minutes were published: today in London when omitted, never in the future, never before their approval. */
export function minutesPublishedOn(
  given: IsoDate | null,
  facts: Readonly<{ approvedOn: IsoDate; now: string }>,
): IsoDate {
  const label = 'The day the minutes were published';
  const publishedOn = dateOrToday(given, facts.now);
  requireNotFuture(publishedOn, facts.now, label);
  requireNotBefore(publishedOn, facts.approvedOn, label, 'their approval');
  return publishedOn;
}

/**
 * R10: the day an area published the region's minutes itself: a date, never in the future, and
 * never before the region published them (the area publishes what flowed down to it).
 */
export function localPublicationOn(
  given: string,
  facts: Readonly<{ minutesPublishedOn: IsoDate; now: string }>,
): IsoDate {
  const label = 'The day the area published the minutes';
  requireNotFuture(given, facts.now, label);
  requireNotBefore(given, facts.minutesPublishedOn, label, 'the day the region published them');
  return given;
}
