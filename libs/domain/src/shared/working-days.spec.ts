import { addWorkingDays, isWorkingDay } from './working-days';

describe("England's working days (L5)", () => {
  it('given Christmas 2026, when counting, then Christmas Day, the Boxing Day substitute and New Year’s Day are not working days', () => {
    expect(['2026-12-25', '2026-12-28', '2027-01-01'].map(isWorkingDay)).toEqual([false, false, false]);
    expect(['2026-12-24', '2026-12-29', '2027-01-04'].map(isWorkingDay)).toEqual([true, true, true]);
  });
  it('given a weekend, then neither day is a working day', () =>
    expect(['2026-12-19', '2026-12-20'].map(isWorkingDay)).toEqual([false, false]));
  it('given 18 December 2026, when adding 5 working days, then it is 29 December 2026', () =>
    expect(addWorkingDays('2026-12-18', 5)).toBe('2026-12-29'));
  it('given 18 December 2026, when adding 15 working days, then it is 13 January 2027', () =>
    expect(addWorkingDays('2026-12-18', 15)).toBe('2027-01-13'));
  it('given the late May bank holiday 2027, when adding 1 working day to the Friday before, then it is Tuesday', () =>
    expect(addWorkingDays('2027-05-28', 1)).toBe('2027-06-01'));
  it('given no days, then the date is the start', () => expect(addWorkingDays('2026-12-18', 0)).toBe('2026-12-18'));
});
