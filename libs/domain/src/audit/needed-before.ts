import { IsoDate } from '../shared/dates';

type LaterEvents = 'EVERY_LATER_EVENT' | readonly string[];

const MINUTES_ONWARDS = ['MinutesApproved', 'MinutesPublished', 'LocalPublicationRecorded'] as const;

/**
 * Events whose data holds no date of their own, each with the later events of its own stream that
 * cannot have happened before it ('EVERY_LATER_EVENT' for the event that opens the stream): a meeting
 * is booked before anything happens at it and a policy drafted before anything happens to it; a meeting
 * closes, and its minutes are drafted, before the minutes are approved or published anywhere; a draft
 * is revised before it is approved or published. Only these: the group's, an area's or a workstream's
 * stream takes history entered years late beside today's business, and a correction (A7) is made when
 * recorded, so stream order alone says nothing of the world's order there.
 */
const NEEDED_BEFORE: ReadonlyMap<string, LaterEvents> = new Map<string, LaterEvents>([
  ['MeetingScheduled', 'EVERY_LATER_EVENT'],
  ['MeetingClosed', MINUTES_ONWARDS],
  ['MinutesDrafted', MINUTES_ONWARDS],
  ['PolicyDrafted', 'EVERY_LATER_EVENT'],
  ['PolicyDraftRevised', ['PolicyApproved', 'PolicyVersionPublished']],
]);

export type DayOfEvent = Readonly<{ type: string; happenedOn: IsoDate }>;

/** Whether a later event of its stream can move the day of an event of this type back (see `happenedOnGivenLater`). */
export function isMovedBackByLaterEvents(type: string): boolean {
  return NEEDED_BEFORE.has(type);
}

/**
 * The day a meeting was booked, as far as its booking says: the day entered for it (`enteredOn`,
 * history entered after the fact, see `bookingDayEntered`), else the day it was recorded; and never
 * after the meeting's own day, since a meeting cannot have been booked after it was held: one
 * entered late without a booking day reads as booked on its own day, and one whose day a correction
 * moved before the day entered reads as booked on its new day (and on the day entered again, should
 * a later correction move it back). The meetings view lists a meeting from this day and the history
 * dates its booking on it; a later event of its stream that needed it may move it further back
 * (`happenedOnGivenLater`).
 */
export function meetingBookedOn(recordedOn: IsoDate, startsOn: IsoDate, enteredOn?: IsoDate | null): IsoDate {
  const bookedOn = enteredOn ?? recordedOn;
  return startsOn < bookedOn ? startsOn : bookedOn;
}

/**
 * The day an event without a date of its own happened, once `later`, an event after it in its own
 * stream, is known. Such an event happened, as far as its data says,
 * on the day it was recorded: a policy drafted and approved in December 2024 but entered in December
 * 2026 would read as drafted two years after its approval. It cannot have happened after a later
 * event that needed it, so its day is the earlier of its own and that event's: the latest day it
 * can have happened on. A later event that does not need it leaves its day as it is.
 */
export function happenedOnGivenLater(earlier: DayOfEvent, later: DayOfEvent): IsoDate {
  const neededBy = NEEDED_BEFORE.get(earlier.type);
  const needed = neededBy === 'EVERY_LATER_EVENT' || (neededBy?.includes(later.type) ?? false);
  return needed && later.happenedOn < earlier.happenedOn ? later.happenedOn : earlier.happenedOn;
}
