import { IsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/**
 * R7 on `date`: a meeting is opened once its day has come, never before. Opening fixes the membership
 * its quorum is counted from, and its attendance and decisions are facts of the day it is held.
 */
export function mayOpenMeetingOn(meetingDate: IsoDate, date: IsoDate): boolean {
  return meetingDate <= date;
}

/** Why a dissolved group's meetings take no business, opening included. */
export const DISSOLVED = 'The regional group has been dissolved; it takes no further business.';

type OpeningMeeting = { readonly status: 'SCHEDULED' | 'OPEN' | 'CLOSED'; readonly meetingDate: IsoDate };

/**
 * Why a meeting may not be opened on `date`, or null when it may: its group dissolved, the meeting
 * no longer scheduled, or its day not yet come. The decider throws it; pages ask `mayOpenMeeting`.
 */
export function openingRefusal(meeting: OpeningMeeting, groupDissolved: boolean, date: IsoDate): DomainError | null {
  if (groupDissolved) return new DomainError('GROUP_DISSOLVED', DISSOLVED);
  if (meeting.status !== 'SCHEDULED')
    return new DomainError('MEETING_NOT_OPEN', `The meeting is already ${meeting.status.toLowerCase()}.`);
  if (!mayOpenMeetingOn(meeting.meetingDate, date))
    return new DomainError(
      'VALIDATION_FAILED',
      `The meeting’s date (${meeting.meetingDate}) is in the future; record it once it has happened.`,
    );
  return null;
}

/** Whether a meeting may be opened on `date` (`openingRefusal` says why not). */
export function mayOpenMeeting(meeting: OpeningMeeting, groupDissolved: boolean, date: IsoDate): boolean {
  return openingRefusal(meeting, groupDissolved, date) === null;
}
