import { isRecommendationOverdue } from './recommendation-overdue';

describe('isRecommendationOverdue (R9)', () => {
  it('is overdue after its due date while a target has not answered, or has only accepted', () => {
    expect(isRecommendationOverdue([null, 'IMPLEMENTED'], '2026-09-30', '2026-10-01')).toBe(true);
    expect(isRecommendationOverdue(['ACCEPTED', 'DECLINED'], '2026-09-30', '2026-10-01')).toBe(true);
    expect(isRecommendationOverdue(['ACCEPTED'], '2026-09-30', '2026-09-30')).toBe(false);
  });

  it('is not overdue once every target has implemented or declined it', () => {
    expect(isRecommendationOverdue(['IMPLEMENTED', 'DECLINED'], '2026-09-30', '2027-01-01')).toBe(false);
  });
});
