import { mayOpenMeeting, mayOpenMeetingOn, openingRefusal } from './meeting-opening';

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

describe('mayOpenMeeting (R7)', () => {
  const scheduled = { status: 'SCHEDULED' as const, meetingDate: '2026-12-10' };

  it('given a scheduled meeting of a standing group, when its day has come, then it may be opened', () => {
    expect(mayOpenMeeting(scheduled, false, '2026-12-10')).toBe(true);
  });

  it('given a meeting before its day, already open or closed, or of a dissolved group, then it may not be opened', () => {
    expect(mayOpenMeeting(scheduled, false, '2026-12-09')).toBe(false);
    expect(mayOpenMeeting({ ...scheduled, status: 'OPEN' }, false, '2026-12-10')).toBe(false);
    expect(mayOpenMeeting({ ...scheduled, status: 'CLOSED' }, false, '2026-12-10')).toBe(false);
    expect(mayOpenMeeting(scheduled, true, '2026-12-10')).toBe(false);
  });
});

describe('openingRefusal (R7): the one answer the decider throws and pages ask', () => {
  const scheduled = { status: 'SCHEDULED' as const, meetingDate: '2026-12-10' };
  it('given a scheduled meeting on its day in a group still running, then nothing refuses it', () => {
    expect(openingRefusal(scheduled, false, '2026-12-10')).toBeNull();
  });
  it('given a dissolved group, an open meeting or a day not yet come, then each is refused with its own code', () => {
    expect(openingRefusal(scheduled, true, '2026-12-10')?.code).toBe('GROUP_DISSOLVED');
    expect(openingRefusal({ ...scheduled, status: 'OPEN' }, false, '2026-12-10')?.code).toBe('MEETING_NOT_OPEN');
    expect(openingRefusal(scheduled, false, '2026-12-09')?.code).toBe('VALIDATION_FAILED');
  });
});
