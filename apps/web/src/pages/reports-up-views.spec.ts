import { deadlinesOf, PracticeReview } from './reports-up-views';

describe('a practice review’s deadlines', () => {
  const review: PracticeReview = {
    id: 'r',
    areaId: 'somerset',
    reference: 'SOM-2025-04',
    stage: 'AWAITING_DECISION',
    restricted: true,
    panelNotification: { dueOn: '2025-12-31', doneOn: '2026-01-05', status: 'MISSED' },
    rapidReview: { dueOn: '2026-01-26', doneOn: null, status: 'MISSED' },
    publication: null,
  };

  it('names each deadline the review has so far, in the order of its steps, and no other', () => {
    expect(deadlinesOf(review).map(({ step, deadline }) => [step, deadline.status])).toEqual([
      ['Notifying the national panel', 'MISSED'],
      ['The rapid review’s decision', 'MISSED'],
    ]);
    expect(deadlinesOf({ ...review, rapidReview: null }).map(({ step }) => step)).toEqual([
      'Notifying the national panel',
    ]);
  });
});
