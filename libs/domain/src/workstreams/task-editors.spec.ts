import { mayChangeTask } from './task-editors';

const people = { leadId: 'jacqui', memberIds: ['chris', 'janet'] };

describe('mayChangeTask (W2)', () => {
  it('given a task owned by a member, when the lead changes it, then it may', () => {
    expect(mayChangeTask(people, 'jacqui', 'chris')).toBe(true);
  });

  it('given a task a member owns, when that member changes it, then they may; another member may not', () => {
    expect(mayChangeTask(people, 'chris', 'chris')).toBe(true);
    expect(mayChangeTask(people, 'janet', 'chris')).toBe(false);
  });

  it('given a task with no owner yet, when a member adds it, then they may', () => {
    expect(mayChangeTask(people, 'janet', null)).toBe(true);
  });

  it('given someone neither lead nor member, when they change any task, even one they once owned, then they may not', () => {
    expect(mayChangeTask(people, 'victoria', 'victoria')).toBe(false);
    expect(mayChangeTask(people, 'victoria', null)).toBe(false);
  });
});
