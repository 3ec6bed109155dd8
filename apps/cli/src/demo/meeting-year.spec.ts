import { extraordinaryMeetingBookedOn, MEETINGS, minutesText, NEXT_MEETING } from './meeting-year';

describe("the demo's year of meetings", () => {
  const inLondon = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  it('given meetings in winter and in British Summer Time, when read in London, then each starts at 10:00', () => {
    const starts = [...MEETINGS, NEXT_MEETING].map((meeting) => meeting.startsAt);
    expect(starts.map((startsAt) => inLondon.format(new Date(startsAt)))).toEqual(starts.map(() => '10:00'));
  });

  it('given the quarterly meetings, when each was booked, then it was booked at the one before', () => {
    const meetings = [...MEETINGS, NEXT_MEETING];
    expect(meetings.slice(1).map((meeting) => meeting.bookedOn)).toEqual(
      meetings.slice(0, -1).map((meeting) => meeting.startsAt.slice(0, 10)),
    );
  });

  it('given the meeting of 11 June 2026, which was not quorate, when its notes are written, then the day is in words', () => {
    expect(minutesText('2026-06-11T09:00:00Z', false)).toBe(
      'Notes of the meeting of 11 June 2026: the meeting was not quorate and took no decisions.',
    );
    expect(minutesText('2026-03-12T10:00:00Z', true)).toMatch(/^Minutes of the meeting of 12 March 2026 at /);
  });
});

describe('extraordinaryMeetingBookedOn: a fortnight before the meeting’s day in London', () => {
  it.each([
    ['in winter', '2024-12-12T10:00:00Z', '2024-11-28'],
    // 23:30 UTC on 10 June is half past midnight on 11 June in London (British Summer Time).
    ['just after midnight in British Summer Time', '2026-06-10T23:30:00Z', '2026-05-28'],
  ])('given a meeting %s starting at %s, then it was booked on %s', (_, startsAt, bookedOn) => {
    expect(extraordinaryMeetingBookedOn(startsAt)).toBe(bookedOn);
  });
});
