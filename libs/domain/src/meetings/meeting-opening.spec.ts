import { mayOpenMeetingOn } from './meeting-opening';

describe('mayOpenMeetingOn (R7)', () => {
  it('given a meeting held on 10 December 2026, when the day is before it, then it may not be opened', () => {
    expect(mayOpenMeetingOn('2026-12-10', '2026-12-01')).toBe(false);
    expect(mayOpenMeetingOn('2026-12-10', '2026-12-09')).toBe(false);
  });

  it('given a meeting held on 10 December 2026, when the day is its own or later, then it may be opened', () => {
    expect(mayOpenMeetingOn('2026-12-10', '2026-12-10')).toBe(true);
    expect(mayOpenMeetingOn('2026-12-10', '2027-01-04')).toBe(true);
  });
});
