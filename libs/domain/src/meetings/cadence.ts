import { addMonthsToDate, groupDateOf, IsoDate } from '../shared/dates';

export type MeetingTimes = Readonly<{ status: string; startsAt: string; openedAt: string | null }>;

/**
 * R6 at the moment `now`: the last meeting held, the next one, and whether no meeting was held
 * within the cadence of the terms in force, counted from the last one held, or from the day the
 * group was established before any. `meetings` are in date order: those the group had booked by
 * `now` (A3, `meetingBookedOn`), so that a past day's next meeting is never one booked afterwards.
 * The next meeting is the first dated after `now` that had not opened by then: one held since
 * still counts, as it stood on that day.
 */
export function cadenceAt<Meeting extends MeetingTimes>(
  meetings: readonly Meeting[],
  establishedOn: IsoDate,
  cadenceMonths: number,
  now: string,
): { last: Meeting | null; next: Meeting | null; overdue: boolean } {
  const held = meetings.filter((m) => m.status !== 'SCHEDULED' && m.startsAt <= now);
  const last = held[held.length - 1] ?? null;
  const next = meetings.find((m) => m.startsAt > now && (m.openedAt === null || m.openedAt > now)) ?? null;
  const since = last ? groupDateOf(last.startsAt) : establishedOn;
  return { last, next, overdue: addMonthsToDate(since, cadenceMonths) < groupDateOf(now) };
}
