import { dayItHappened, inField } from '../audit/day-it-happened';
import { DomainError } from '../shared/domain-error';
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

/**
 * The day a meeting was booked, entered again with a correction of its date (`bookedOn`): checked
 * as when it was booked, against the corrected start. Null when none is given, and the day entered
 * before still stands; a meeting cannot have been booked after it was held, so a correction to
 * before that day is refused unless it gives the booking day too, rather than leaving the meeting
 * booked after its own day.
 */
export function bookingDayCorrected(
  given: string | null | undefined,
  now: string,
  meeting: Readonly<{ startsAt: string; establishedOn: IsoDate; bookedOn: IsoDate | null }>,
): IsoDate | null {
  if (given != null) return bookingDayEntered(given, now, meeting);
  const startsOn = groupDateOf(meeting.startsAt);
  const { bookedOn } = meeting;
  if (bookedOn !== null && startsOn < bookedOn) {
    return inField('startsAt', () => {
      throw new DomainError(
        'OUT_OF_RANGE',
        `The meeting’s corrected day (${startsOn}) is before the day it was booked (${bookedOn}); give the day it was booked too (bookedOn).`,
        { earliest: bookedOn },
      );
    });
  }
  return null;
}
