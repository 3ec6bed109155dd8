import { DomainError } from '../shared/domain-error';
import { localPublicationOn, minutesApprovedOn, minutesPublishedOn } from './minutes-dates';

const NOW = '2026-12-01T09:00:00.000Z';
const meetingDate = '2026-06-11';
const codeOf = (decide: () => unknown): string | undefined => {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

describe('the day minutes were approved (R10)', () => {
  it('given the chair approving them, when no day is given, then it is today in London', () =>
    expect(minutesApprovedOn(null, { meetingDate, atMeetingStartsAt: null, now: '2026-07-01T23:30:00.000Z' })).toBe(
      '2026-07-02',
    ));
  it('given the chair approving them, when a day after the meeting is given, then it is that day', () =>
    expect(minutesApprovedOn('2026-06-25', { meetingDate, atMeetingStartsAt: null, now: NOW })).toBe('2026-06-25'));
  it('given a later meeting approving them, when no day is given, then it is that meeting’s day', () =>
    expect(minutesApprovedOn(null, { meetingDate, atMeetingStartsAt: '2026-09-10T09:00:00.000Z', now: NOW })).toBe(
      '2026-09-10',
    ));
  it('given a later meeting approving them, when another day is given, then it is refused', () =>
    expect(
      codeOf(() =>
        minutesApprovedOn('2026-09-11', { meetingDate, atMeetingStartsAt: '2026-09-10T09:00:00.000Z', now: NOW }),
      ),
    ).toBe('VALIDATION_FAILED'));
  it('when the day is after today, then it is refused', () =>
    expect(codeOf(() => minutesApprovedOn('2026-12-02', { meetingDate, atMeetingStartsAt: null, now: NOW }))).toBe(
      'VALIDATION_FAILED',
    ));
  it('when the day is before the meeting, then it is out of range', () =>
    expect(codeOf(() => minutesApprovedOn('2026-06-10', { meetingDate, atMeetingStartsAt: null, now: NOW }))).toBe(
      'OUT_OF_RANGE',
    ));
  it('when the day is not a date, then it is refused', () =>
    expect(codeOf(() => minutesApprovedOn('25/06/2026', { meetingDate, atMeetingStartsAt: null, now: NOW }))).toBe(
      'VALIDATION_FAILED',
    ));
});

describe('the day minutes were published (R10)', () => {
  const approvedOn = '2026-06-25';
  it('given approved minutes, when no day is given, then it is today in London', () =>
    expect(minutesPublishedOn(null, { approvedOn, now: NOW })).toBe('2026-12-01'));
  it('given approved minutes, when the day of their approval is given, then it is that day', () =>
    expect(minutesPublishedOn(approvedOn, { approvedOn, now: NOW })).toBe(approvedOn));
  it('when the day is before their approval, then it is out of range', () =>
    expect(codeOf(() => minutesPublishedOn('2026-06-24', { approvedOn, now: NOW }))).toBe('OUT_OF_RANGE'));
  it('when the day is after today, then it is refused', () =>
    expect(codeOf(() => minutesPublishedOn('2026-12-02', { approvedOn, now: NOW }))).toBe('VALIDATION_FAILED'));
});

describe('the day an area published the region’s minutes (R10)', () => {
  const minutesPublishedOn = '2026-06-30';
  it('given minutes the region published, when the area gives the same day, then it is that day', () =>
    expect(localPublicationOn('2026-06-30', { minutesPublishedOn, now: NOW })).toBe('2026-06-30'));
  it('given minutes the region published, when the area gives a later day, then it is that day', () =>
    expect(localPublicationOn('2026-07-03', { minutesPublishedOn, now: NOW })).toBe('2026-07-03'));
  it('when the day is before the region published them, then it is out of range', () =>
    expect(codeOf(() => localPublicationOn('2026-06-29', { minutesPublishedOn, now: NOW }))).toBe('OUT_OF_RANGE'));
  it('when the day is after today, then it is refused', () =>
    expect(codeOf(() => localPublicationOn('2026-12-02', { minutesPublishedOn, now: NOW }))).toBe('VALIDATION_FAILED'));
  it('when the day is not a date, then it is refused', () =>
    expect(codeOf(() => localPublicationOn('30/06/2026', { minutesPublishedOn, now: NOW }))).toBe('VALIDATION_FAILED'));
});
