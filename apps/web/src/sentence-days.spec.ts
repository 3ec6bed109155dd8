import { withDaysInWords } from './sentence-days';

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
