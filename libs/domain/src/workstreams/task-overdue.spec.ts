import { isTaskOverdue } from './task-overdue';

describe('isTaskOverdue (W2)', () => {
  it('is overdue from the day after its due date while it is open', () => {
    for (const status of ['TO_DO', 'IN_PROGRESS', 'BLOCKED']) {
      expect(isTaskOverdue({ status, dueDate: '2020-03-31' }, '2020-03-31')).toBe(false);
      expect(isTaskOverdue({ status, dueDate: '2020-03-31' }, '2020-04-01')).toBe(true);
    }
  });

  it('is never overdue once done or cancelled', () => {
    expect(isTaskOverdue({ status: 'DONE', dueDate: '2020-03-31' }, '2021-01-01')).toBe(false);
    expect(isTaskOverdue({ status: 'CANCELLED', dueDate: '2020-03-31' }, '2021-01-01')).toBe(false);
  });
});
