import { isFinancialYear } from './financial-year';

describe('isFinancialYear (R15)', () => {
  it.each(['2020/21', '2021/22', '1999/00'])('given %p, then it is a financial year', (text) => {
    expect(isFinancialYear(text)).toBe(true);
  });

  it.each(['banana', '2020/22', '2020', '2020-21', '20/21', '2020/2021', '2020/1', '2020/20', ' 2020/21', 2020, null])(
    'given %p, then it is not one',
    (text) => {
      expect(isFinancialYear(text)).toBe(false);
    },
  );
});
