import { happenedOnGivenLater, isMovedBackByLaterEvents, meetingBookedOn } from './needed-before';

/** The day the demo's history of Avon and Somerset is entered, in its tests. */
const ENTERED_ON = '2026-11-23';

describe('happenedOnGivenLater: an event without a date of its own happened before what needed it', () => {
  it.each([
    // given the event without a date, when a later event of its stream is known, then its day
    ['PolicyDrafted', ENTERED_ON, 'PolicyApproved', '2024-12-12', '2024-12-12'],
    ['PolicyDrafted', ENTERED_ON, 'PolicyVersionPublished', '2024-12-12', '2024-12-12'],
    ['PolicyDraftRevised', ENTERED_ON, 'PolicyApproved', '2026-11-19', '2026-11-19'],
    ['MeetingScheduled', ENTERED_ON, 'MeetingOpened', '2025-12-11', '2025-12-11'],
    ['MeetingScheduled', ENTERED_ON, 'RecommendationResponded', '2026-02-16', '2026-02-16'],
    ['MeetingClosed', ENTERED_ON, 'MinutesApproved', '2025-12-19', '2025-12-19'],
    ['MinutesDrafted', ENTERED_ON, 'MinutesPublished', '2026-01-06', '2026-01-06'],
    ['MeetingClosed', ENTERED_ON, 'LocalPublicationRecorded', '2026-01-09', '2026-01-09'],
  ])(
    'given %s recorded on %s, when a later %s happened on %s, then it happened on %s',
    (type, day, laterType, laterDay, expected) => {
      expect(happenedOnGivenLater({ type, happenedOn: day }, { type: laterType, happenedOn: laterDay })).toBe(expected);
    },
  );

  it.each([
    // an earlier move stands: a later event on a later day does not undo it
    ['MeetingScheduled', '2025-12-11', 'MinutesApproved', '2025-12-19'],
    // entered as it happened: the later event is no earlier than it
    ['PolicyDrafted', '2026-11-19', 'PolicyApproved', '2026-11-19'],
    // a meeting may close after a response given at it, and a draft be revised after a review
    ['MeetingClosed', ENTERED_ON, 'RecommendationResponded', '2026-02-16'],
    ['PolicyDraftRevised', ENTERED_ON, 'PolicyReviewed', '2026-01-05'],
    // a correction is made when it is recorded (A7); a workstream's stream takes reports entered late beside today's tasks
    ['MinutesCorrected', ENTERED_ON, 'LocalPublicationRecorded', '2026-01-09'],
    ['TaskAdded', ENTERED_ON, 'WorkstreamStatusReported', '2026-11-05'],
  ])('given %s on %s, when a later %s happened on %s, then its day stands', (type, day, laterType, laterDay) => {
    expect(happenedOnGivenLater({ type, happenedOn: day }, { type: laterType, happenedOn: laterDay })).toBe(day);
  });

  it('given the types a later event can move back, then only events without a date of their own are among them', () => {
    expect(
      ['MeetingScheduled', 'MeetingClosed', 'MinutesDrafted', 'PolicyDrafted', 'PolicyDraftRevised'].every(
        isMovedBackByLaterEvents,
      ),
    ).toBe(true);
    expect(
      ['MeetingOpened', 'PolicyApproved', 'MinutesCorrected', 'TaskAdded', 'constructor'].some(
        isMovedBackByLaterEvents,
      ),
    ).toBe(false);
  });
});

describe('meetingBookedOn: a meeting was booked no later than its own day', () => {
  it.each([
    // given the day its booking was recorded, when the meeting starts on a day, then it was booked on
    ['booked ahead', ENTERED_ON, '2026-12-10', ENTERED_ON],
    ['booked for the day it is recorded', ENTERED_ON, ENTERED_ON, ENTERED_ON],
    ['entered a year after it was held', ENTERED_ON, '2025-12-11', '2025-12-11'],
    ['entered the day after it was held', ENTERED_ON, '2026-11-22', '2026-11-22'],
  ])(
    'given a meeting %s, recorded on %s, when it starts on %s, then it was booked on %s',
    (_, recordedOn, startsOn, expected) => {
      expect(meetingBookedOn(recordedOn, startsOn)).toBe(expected);
    },
  );

  it.each([
    // given the day entered for its booking, when the meeting starts on a day, then it was booked on
    ['booked at the meeting before it', '2025-09-11', '2025-12-11', '2025-09-11'],
    ['booked that morning', '2025-12-11', '2025-12-11', '2025-12-11'],
    ['booked ahead, entered before it is held', '2026-11-02', '2026-12-10', '2026-11-02'],
    // a correction moved the meeting before the day entered: it cannot have been booked after it was held
    ['moved by a correction to before the day entered', '2025-09-11', '2025-09-04', '2025-09-04'],
  ])(
    'given a meeting %s, entered on %s, when it starts on %s, then it was booked on %s, whenever recorded',
    (_, enteredOn, startsOn, expected) => {
      expect(meetingBookedOn(ENTERED_ON, startsOn, enteredOn)).toBe(expected);
    },
  );

  it('given no day entered for its booking (an older booking, or none given), then it falls back to the day recorded', () => {
    expect(meetingBookedOn(ENTERED_ON, '2026-12-10', null)).toBe(ENTERED_ON);
    expect(meetingBookedOn(ENTERED_ON, '2025-12-11', undefined)).toBe('2025-12-11');
  });
});
