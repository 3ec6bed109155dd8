import { IsoDate } from '../shared/dates';

/**
 * R7 on `date`: a meeting is opened once its day has come, never before. Opening fixes the membership
 * its quorum is counted from, and its attendance and decisions are facts of the day it is held.
 */
export function mayOpenMeetingOn(meetingDate: IsoDate, date: IsoDate): boolean {
  return meetingDate <= date;
}

/**
 * Whether a meeting may be opened on `date`: still scheduled, its group not dissolved, and its day
 * come. The decider refuses each failing condition with its own reason; pages ask this once.
 */
export function mayOpenMeeting(
  meeting: { readonly status: 'SCHEDULED' | 'OPEN' | 'CLOSED'; readonly meetingDate: IsoDate },
  groupDissolved: boolean,
  date: IsoDate,
): boolean {
  return meeting.status === 'SCHEDULED' && !groupDissolved && mayOpenMeetingOn(meeting.meetingDate, date);
}
