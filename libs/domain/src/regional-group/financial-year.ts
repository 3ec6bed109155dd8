const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

/** R15: a financial year is written like 2020/21, the second year the one after the first. */
export function isFinancialYear(text: unknown): boolean {
  const match = typeof text === 'string' ? FINANCIAL_YEAR.exec(text) : null;
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** The sentence that refuses anything else, naming what was given as `label`. */
export const financialYearProblem = (label: string): string =>
  `${label} is not a financial year; write it like 2020/21.`;
