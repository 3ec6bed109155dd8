import { dateTime, withDaysInWords } from './day-words';

describe('a moment, as GOV.UK writes it', () => {
  it('given a time on the hour, then it has no minutes: 10am, 3pm', () => {
    expect(dateTime('2020-03-12T10:00:00.000Z')).toBe('12 March 2020 at 10am');
    expect(dateTime('2026-12-01T15:00:00.000Z')).toBe('1 December 2026 at 3pm');
  });

  it('given minutes past the hour, then they follow a colon: 5:30pm, 9:05am, 12:15pm', () => {
    expect(dateTime('2026-12-01T17:30:00.000Z')).toBe('1 December 2026 at 5:30pm');
    expect(dateTime('2026-12-01T09:05:00.000Z')).toBe('1 December 2026 at 9:05am');
    expect(dateTime('2026-12-01T12:15:00.000Z')).toBe('1 December 2026 at 12:15pm');
  });

  it('given 12 o’clock, then it is midday or midnight, never 12pm or 12am', () => {
    expect(dateTime('2026-12-01T12:00:00.000Z')).toBe('1 December 2026 at midday');
    expect(dateTime('2026-12-01T00:00:00.000Z')).toBe('1 December 2026 at midnight');
    expect(dateTime('2026-12-01T00:30:00.000Z')).toBe('1 December 2026 at 12:30am');
  });

  it('given a moment in British Summer Time, then it is London’s time and day', () => {
    expect(dateTime('2026-07-01T09:00:00.000Z')).toBe('1 July 2026 at 10am');
    expect(dateTime('2026-06-30T23:00:00.000Z')).toBe('1 July 2026 at midnight');
  });
});

describe('the days of an API sentence, on a page', () => {
  it('given a refusal naming two days, then each reads as people in England write a day', () => {
    expect(
      withDaysInWords("The date of the decision (2026-11-01) is before version 1's publication (2026-11-19)."),
    ).toBe("The date of the decision (1 November 2026) is before version 1's publication (19 November 2026).");
    expect(
      withDaysInWords('The end date must come after the start date (2019-06-01): dates cannot run backwards.'),
    ).toBe('The end date must come after the start date (1 June 2019): dates cannot run backwards.');
  });

  it('given a day that does not exist, a moment, a reference or an id, then they stay as the API wrote them', () => {
    for (const sentence of [
      'decidedOn (2026-02-30) is not a real date.',
      'asRecordedAt (2027-01-01T09:00:00Z) has not come yet.',
      'This area has no practice review BRS-2025-11-03.',
      'There is no meeting with id 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54.',
      'The date must be written YYYY-MM-DD.',
    ])
      expect(withDaysInWords(sentence)).toBe(sentence);
  });
});
