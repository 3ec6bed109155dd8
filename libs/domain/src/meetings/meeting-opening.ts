import { IsoDate } from '../shared/dates';

/**
 * R7 on `date`: a meeting is opened once its day has come, never before. Opening fixes the membership
 * its quorum is counted from, and its attendance and decisions are facts of the day it is held.
 */
export function mayOpenMeetingOn(meetingDate: IsoDate, date: IsoDate): boolean {
  return meetingDate <= date;
}
