import { refusalOf } from '../testing/given-when-then';
import { bookingDayCorrected, bookingDayEntered } from './booking-day';

/** 23 November 2026, 9am in London: the day the demo's year of meetings is entered. */
const NOW = '2026-11-23T09:00:00.000Z';
/** Avon and Somerset's group, and its meeting of 11 December 2025 entered a year late. */
const HELD = { startsAt: '2025-12-11T10:00:00.000Z', establishedOn: '2019-06-29' };
/** A meeting booked ahead, for 10 December 2026. */
const AHEAD = { startsAt: '2026-12-10T10:00:00.000Z', establishedOn: '2019-06-29' };

describe('bookingDayEntered: the day a meeting was booked, entered after the fact', () => {
  it.each([null, undefined])(
    'given no day (%s), when booked, then none is entered: it reads as booked when recorded',
    (given) => {
      expect(bookingDayEntered(given, NOW, AHEAD)).toBeNull();
      expect(bookingDayEntered(given, NOW, HELD)).toBeNull();
    },
  );

  it.each([
    // given the day entered, when the meeting starts, then it was booked on that day
    ['at the meeting before it', '2025-09-11', HELD],
    ['on the meeting’s own day (called that morning)', '2025-12-11', HELD],
    ['on the day the group was established', '2019-06-29', HELD],
    ['today, for a meeting ahead', '2026-11-23', AHEAD],
    ['in the past, for a meeting ahead', '2026-09-10', AHEAD],
  ])('given a meeting booked %s (%s), when booked, then it was booked on that day', (_, given, meeting) => {
    expect(bookingDayEntered(given, NOW, meeting)).toBe(given);
  });

  it('given tomorrow, when booked, then it is refused as not yet happened (VALIDATION_FAILED)', () => {
    const error = refusalOf(() => bookingDayEntered('2026-11-24', NOW, AHEAD));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(
      'The day the meeting was booked (2026-11-24) is in the future; record it once it has happened.',
    );
  });

  it.each(['2025-02-30', '11 September 2025', ''])(
    'given %j, when booked, then it is refused as no day (VALIDATION_FAILED)',
    (given) => {
      const error = refusalOf(() => bookingDayEntered(given, NOW, HELD));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/^The day the meeting was booked /);
    },
  );

  it('given a day after the meeting’s own day, when booked, then it is refused (OUT_OF_RANGE)', () => {
    const error = refusalOf(() => bookingDayEntered('2025-12-12', NOW, HELD));
    expect(error).toMatchObject({ code: 'OUT_OF_RANGE', details: { latest: '2025-12-11' } });
    expect(error.message).toBe(
      'The day the meeting was booked (2025-12-12) is after the meeting’s own day (2025-12-11).',
    );
  });

  it('given a day before the group was established, when booked, then it is refused (OUT_OF_RANGE)', () => {
    const error = refusalOf(() => bookingDayEntered('2019-06-28', NOW, HELD));
    expect(error).toMatchObject({ code: 'OUT_OF_RANGE', details: { earliest: '2019-06-29' } });
    expect(error.message).toBe(
      'The day the meeting was booked (2019-06-28) is before the group was established (2019-06-29).',
    );
  });

  it.each(['2025-02-30', '2026-11-24', '2025-12-12', '2019-06-28'])(
    'given %s, when refused, then the refusal names bookedOn as input validation does',
    (given) => {
      const error = refusalOf(() => bookingDayEntered(given, NOW, HELD));
      expect(error.details).toMatchObject({
        field: 'bookedOn',
        problems: [{ field: 'bookedOn', sentence: error.message }],
      });
    },
  );
});

describe('bookingDayCorrected: the day a meeting was booked, when its date is corrected', () => {
  const BOOKED = { ...HELD, bookedOn: '2025-09-11' };

  it.each([
    // given the day entered before, when corrected to a day, then the day entered stands: none is entered again
    ['a later day', '2025-12-18T10:00:00.000Z'],
    ['the day it was booked', '2025-09-11T09:00:00.000Z'],
  ])(
    'given a meeting booked on 2025-09-11, when corrected to %s with no booking day, then none is entered',
    (_, startsAt) => {
      expect(bookingDayCorrected(null, NOW, { ...BOOKED, startsAt })).toBeNull();
    },
  );

  it('given a meeting with no booking day entered, when corrected to any day, then none is entered', () => {
    expect(
      bookingDayCorrected(undefined, NOW, { ...HELD, startsAt: '2019-07-01T10:00:00.000Z', bookedOn: null }),
    ).toBeNull();
  });

  it('given a booking day with the correction, when it is on or before the corrected day, then it is the day entered', () => {
    expect(bookingDayCorrected('2025-08-28', NOW, { ...BOOKED, startsAt: '2025-09-04T10:00:00.000Z' })).toBe(
      '2025-08-28',
    );
  });

  it('given a booking day with the correction, when it is after the corrected day, then it is refused naming bookedOn', () => {
    const error = refusalOf(() =>
      bookingDayCorrected('2025-09-11', NOW, { ...BOOKED, startsAt: '2025-09-04T10:00:00.000Z' }),
    );
    expect(error).toMatchObject({ code: 'OUT_OF_RANGE', details: { field: 'bookedOn', latest: '2025-09-04' } });
  });

  it('given a meeting booked on 2025-09-11, when corrected to before that day with no booking day, then it is refused naming startsAt', () => {
    const error = refusalOf(() => bookingDayCorrected(null, NOW, { ...BOOKED, startsAt: '2025-09-04T10:00:00.000Z' }));
    expect(error.message).toBe(
      'The meeting’s corrected day (2025-09-04) is before the day it was booked (2025-09-11); give the day it was booked too (bookedOn).',
    );
    expect(error).toMatchObject({
      code: 'OUT_OF_RANGE',
      details: {
        field: 'startsAt',
        earliest: '2025-09-11',
        problems: [{ field: 'startsAt', sentence: error.message }],
      },
    });
  });
});
