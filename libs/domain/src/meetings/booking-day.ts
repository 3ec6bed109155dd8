import { dayItHappened } from '../audit/day-it-happened';
import { groupDateOf, IsoDate } from '../shared/dates';

/**
 * The day a meeting was booked, when the sender enters it after the fact (`bookedOn`), resolved by
 * the rule for days a change happened (`dayItHappened`): a real day, not after today, not before
 * the group was established (the platform holds no booking of a group that did not exist yet) and
 * not after the meeting's own day, which it may be (a meeting called that morning). Null when none
 * is entered: the booking then reads as made on the day it is recorded (`meetingBookedOn`), so
 * today is not written down as if someone had said so.
 */
export function bookingDayEntered(
  given: string | null | undefined,
  now: string,
  { startsAt, establishedOn }: Readonly<{ startsAt: string; establishedOn: IsoDate }>,
): IsoDate | null {
  if (given == null) return null;
  return dayItHappened(
    given,
    now,
    { field: 'bookedOn', label: 'The day the meeting was booked' },
    {
      notBefore: [{ on: establishedOn, what: 'the group was established' }],
      notAfter: [{ on: groupDateOf(startsAt), what: 'the meeting’s own day' }],
    },
  );
}
