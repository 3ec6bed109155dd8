import { isPolicyReviewOverdue, versionInForce } from './policy.decider';

describe('isPolicyReviewOverdue (D1)', () => {
  it('is overdue from the day after its review date while published', () => {
    const policy = { status: 'PUBLISHED', reviewDueOn: '2026-01-01' };
    expect(isPolicyReviewOverdue(policy, '2026-01-01')).toBe(false);
    expect(isPolicyReviewOverdue(policy, '2026-01-02')).toBe(true);
  });

  it('is never overdue as a draft, retired, or without a review date', () => {
    expect(isPolicyReviewOverdue({ status: 'RETIRED', reviewDueOn: '2026-01-01' }, '2027-01-01')).toBe(false);
    expect(isPolicyReviewOverdue({ status: 'DRAFT', reviewDueOn: null }, '2027-01-01')).toBe(false);
  });
});

describe('versionInForce (D1, A3)', () => {
  const versions = [
    { version: 1, effectiveOn: '2020-04-01' },
    { version: 2, effectiveOn: '2022-01-01' },
  ];

  it('gives, on each day, the latest version whose effective date has come', () => {
    expect(versionInForce({ versions }, '2020-03-31')).toBeNull();
    expect(versionInForce({ versions }, '2021-12-31')?.version).toBe(1);
    expect(versionInForce({ versions }, '2022-01-01')?.version).toBe(2);
  });
});
