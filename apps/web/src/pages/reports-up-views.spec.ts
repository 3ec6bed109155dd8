import { deadlinesOf, dueDayOf, PracticeReview } from './reports-up-views';

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

describe('the day an item sent up was due, as both inboxes show it', () => {
  it('given a due day, then it is the day in words', () => {
    expect(dueDayOf({ kind: 'YEARLY_REPORT', dueOn: '2026-09-30' })).toBe('30 September 2026');
  });

  it('given an area’s first yearly report, which has no due day, then it says why', () => {
    expect(dueDayOf({ kind: 'YEARLY_REPORT', dueOn: null })).toBe(
      'None: the area’s first yearly report here, with no earlier one to count 12 months from',
    );
  });

  it('given an escalation, sent when it arises, then it has no due day', () => {
    expect(dueDayOf({ kind: 'ESCALATION', dueOn: null })).toBe('No due day');
  });
});
