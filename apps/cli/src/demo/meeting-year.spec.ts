import { MEETINGS, NEXT_MEETING } from './meeting-year';

describe("the demo's year of meetings", () => {
  const inLondon = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  it('given meetings in winter and in British Summer Time, when read in London, then each starts at 10:00', () => {
    const starts = [...MEETINGS.map((meeting) => meeting.startsAt), NEXT_MEETING];
    expect(starts.map((startsAt) => inLondon.format(new Date(startsAt)))).toEqual(starts.map(() => '10:00'));
  });
});
