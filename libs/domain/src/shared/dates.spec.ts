import { DomainError } from './domain-error';
import {
  addDaysToDate,
  dateProblem,
  dateTimeProblem,
  groupDateOf,
  groupDayEndsAt,
  isAfterToday,
  isIsoDate,
  requireRecordedMomentPassed,
} from './dates';

describe('isIsoDate: a real calendar day written YYYY-MM-DD', () => {
  it('given the last day of each month of a common year, then each is a day and the next is not', () => {
    const lastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lastDays.forEach((last, index) => {
      const month = String(index + 1).padStart(2, '0');
      expect(isIsoDate(`2023-${month}-${last}`)).toBe(true);
      expect(isIsoDate(`2023-${month}-${last + 1}`)).toBe(false);
    });
  });

  it('given 29 February, then it is a day in years divisible by 4, except centuries not divisible by 400', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('given a month or day of 00, a 13th month or a year 0000, then it is not a day', () => {
    for (const value of ['2023-00-10', '2023-01-00', '2023-13-01', '0000-01-01']) expect(isIsoDate(value)).toBe(false);
  });

  it('given the first and the last day the form can write, then both are days', () => {
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
  });

  it('given a timestamp, a date without leading zeros or with other separators, then it is not a day', () => {
    for (const value of ['2023-01-05T10:00:00.000Z', '2023-1-5', '2023/01/05', ' 2023-01-05', '']) {
      expect(isIsoDate(value)).toBe(false);
    }
  });
});

describe('dateTimeProblem: what is wrong with a value given as a moment', () => {
  it('given a day, a time and Z or an offset, then nothing is wrong', () => {
    for (const value of [
      '2026-11-01T09:30:00Z',
      '2026-11-01T10:30:00+01:00',
      '2024-02-29T23:59:59.123Z',
      '2026-11-01T09:30Z',
    ]) {
      expect(dateTimeProblem(value)).toBeNull();
    }
  });

  it('given a moment written so on a day the calendar does not have, then it names the day', () => {
    expect(dateTimeProblem('2027-02-30T10:00:00Z')).toBe('is on a day that does not exist (2027-02-30)');
  });

  it('given a day alone, a time without Z or an offset, other text or no text, then it says how a moment is written', () => {
    for (const value of ['2026-11-01', '2026-11-01T09:30:00', '2026-11-01T24:00:00Z', 'yesterday', 20261101, null]) {
      expect(dateTimeProblem(value)).toBe(
        'is not a date and time: write one as 2026-11-01T09:30:00Z, with Z or an offset such as +01:00',
      );
    }
  });
});

describe('dateProblem: what is wrong with a value given as a day', () => {
  it('given a real day, then nothing is wrong', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
  });

  it('given a day written YYYY-MM-DD that the calendar does not have, then it says it is not a real date', () => {
    for (const value of ['2019-02-31', '2021-02-29', '2020-13-01']) {
      expect(dateProblem(value)).toBe(`(${value}) is not a real date`);
    }
  });

  it('given a value not written YYYY-MM-DD, or not text at all, then it says how a date is written', () => {
    for (const value of ['31/12/2026', 'March 2020', '2023-01-05T10:00:00Z', 20260101, null]) {
      expect(dateProblem(value)).toBe('must be a date written YYYY-MM-DD');
    }
  });
});

describe('isAfterToday: a day still to come in the group’s time zone', () => {
  it('given 23:30 UTC on 30 June 2026, when asked of 1 July, then it is not after today (London is already there)', () => {
    expect(isAfterToday('2026-07-01', '2026-06-30T23:30:00.000Z')).toBe(false);
  });

  it('given noon on 23 November 2026, when asked of the next day and of that day, then only the next day is after today', () => {
    expect(isAfterToday('2026-11-24', '2026-11-23T12:00:00.000Z')).toBe(true);
    expect(isAfterToday('2026-11-23', '2026-11-23T12:00:00.000Z')).toBe(false);
  });
});

describe('groupDateOf: the day an instant falls on in London', () => {
  it('given instants of one UTC hour either side of London midnight in summer, then 23:00 UTC is already the next day', () => {
    expect(groupDateOf('2026-06-30T22:59:59.999Z')).toBe('2026-06-30');
    expect(groupDateOf('2026-06-30T23:00:00.000Z')).toBe('2026-07-01');
    expect(groupDateOf('2026-06-30T23:59:59.999Z')).toBe('2026-07-01');
    expect(groupDateOf('2026-06-30T22:00:00.000Z')).toBe('2026-06-30');
  });

  it('given the hours around the clocks going back on 25 October 2026, then 23:30 UTC is the next day only before the change', () => {
    expect(groupDateOf('2026-10-24T23:30:00.000Z')).toBe('2026-10-25');
    expect(groupDateOf('2026-10-25T00:30:00.000Z')).toBe('2026-10-25');
    expect(groupDateOf('2026-10-25T23:30:00.000Z')).toBe('2026-10-25');
    expect(groupDateOf('2026-10-26T00:00:00.000Z')).toBe('2026-10-26');
  });

  it('given a day written YYYY-MM-DD, then that day', () => {
    expect(groupDateOf('2026-03-29')).toBe('2026-03-29');
    expect(groupDateOf('2026-07-01')).toBe('2026-07-01');
  });

  it('given instants of one UTC hour in 1847, when London kept its mean time 75 seconds behind UTC, then each has its own day', () => {
    expect(groupDateOf('1847-12-01T00:30:00Z')).toBe('1847-12-01');
    expect(groupDateOf('1847-12-01T00:00:30Z')).toBe('1847-11-30');
  });

  it('given text that is no instant, then it is refused', () => {
    expect(() => groupDateOf('not a time')).toThrow(RangeError);
  });
});

describe('addDaysToDate: calendar days later', () => {
  it('given 25 October 2026, the day the clocks go back, when 1 and 30 days are added, then 26 October and 24 November', () => {
    expect(addDaysToDate('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDaysToDate('2026-10-25', 30)).toBe('2026-11-24');
  });

  it('given 28 February, when a day is added, then 29 February in a leap year and 1 March otherwise', () => {
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDate('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('given 0 days, then the same day', () => {
    expect(addDaysToDate('2026-11-23', 0)).toBe('2026-11-23');
  });
});

describe('groupDayEndsAt: the instant a day ends in London', () => {
  it.each([
    ['30 June 2026, in summer time', '2026-06-30', '2026-06-30T23:00:00.000Z'],
    ['1 December 2026, in winter', '2026-12-01', '2026-12-02T00:00:00.000Z'],
    ['28 March 2026, the eve of the clocks going forward', '2026-03-28', '2026-03-29T00:00:00.000Z'],
    ['29 March 2026, the day they go forward', '2026-03-29', '2026-03-29T23:00:00.000Z'],
    ['24 October 2026, the eve of the clocks going back', '2026-10-24', '2026-10-24T23:00:00.000Z'],
    ['25 October 2026, the day they go back', '2026-10-25', '2026-10-26T00:00:00.000Z'],
  ])('given %s, then it ends at London’s next midnight', (_day, day, instant) => {
    expect(groupDayEndsAt(day)).toBe(instant);
  });

  it('given the last day ISO dates can write, then it ends after every instant, not in an error', () => {
    expect(groupDayEndsAt('9999-12-31')).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('requireRecordedMomentPassed: what the platform showed, only at a moment that has come', () => {
  const now = '2026-12-01T21:00:00.000Z';

  it('given a moment earlier today or now itself, when asked, then it is allowed', () => {
    expect(() => requireRecordedMomentPassed('2026-12-01T09:00:00.000Z', now)).not.toThrow();
    expect(() => requireRecordedMomentPassed(now, now)).not.toThrow();
  });

  it('given a moment a millisecond or eight thousand years after now, when asked, then it is OUT_OF_RANGE with now as the latest', () => {
    for (const instant of ['2026-12-01T21:00:00.001Z', '9999-12-01T21:00:00.000Z']) {
      let refusal: unknown = null;
      try {
        requireRecordedMomentPassed(instant, now);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).code).toBe('OUT_OF_RANGE');
      expect((refusal as DomainError).details).toEqual({ latest: now });
      expect((refusal as DomainError).message).toBe(
        `asRecordedAt (${instant}) has not come yet: ask what the platform showed at a moment up to now (${now}).`,
      );
    }
  });
});
