import { DomainError } from '../shared/domain-error';
import { removalHeldUp, tasksHoldingUpRemoval } from './removal-held-up';
import { TaskReleased } from './workstream.state';

const audit: TaskReleased = {
  taskId: 'audit',
  title: 'Audit the referrals',
  on: '2020-03-20',
  ownedSince: '2020-02-01',
};
const toolkit: TaskReleased = {
  taskId: 'toolkit',
  title: 'Draft the toolkit',
  on: '2020-03-05',
  ownedSince: '2020-03-01',
};
const leaflet: TaskReleased = { taskId: 'leaflet', title: 'Print the leaflet', on: '2020-02-10', ownedSince: null };
const released = { audit, toolkit, leaflet };

describe('the tasks that hold up a member’s removal on a day', () => {
  it('given tasks of theirs released on 10 February, 5 March and 20 March, when removed on 1 March, then the two still theirs and open after it hold it up, in the order they were released', () => {
    expect(tasksHoldingUpRemoval(released, '2020-03-01')).toEqual([toolkit, audit]);
  });

  it('given the same tasks, when removed on the day the last was released, then none holds it up', () => {
    expect(tasksHoldingUpRemoval(released, '2020-03-20')).toEqual([]);
  });

  it('given a member who never had a task, when removed on any day, then none holds it up', () => {
    expect(tasksHoldingUpRemoval(undefined, '2020-03-01')).toEqual([]);
  });
});

describe('the refusal of a removal that tasks hold up (OPEN_TASKS)', () => {
  const refusal = (tasks: readonly TaskReleased[], named = true) =>
    removalHeldUp('Chris Sivers', '2020-03-01', tasks, named);

  it('given two tasks holding it up, when refused, then it names both, one given after the day, and the first day the removal may have', () => {
    const error = refusal([toolkit, audit]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('OPEN_TASKS');
    expect(error.message).toBe(
      'Chris Sivers owned 2 tasks still open after 2020-03-01, the day given for the removal: “Draft the toolkit”, theirs and open until 2020-03-05 and “Audit the referrals”, theirs and open until 2020-03-20. Remove them on or after 2020-03-20.',
    );
    expect(error.details).toEqual({
      field: 'removedOn',
      problems: [{ field: 'removedOn', sentence: error.message }],
      earliest: '2020-03-20',
      tasks: [
        { taskId: 'toolkit', title: 'Draft the toolkit', ownedSince: '2020-03-01', until: '2020-03-05' },
        { taskId: 'audit', title: 'Audit the referrals', ownedSince: '2020-02-01', until: '2020-03-20' },
      ],
    });
  });

  it('given one task given to them after the day, when refused, then it says since when it was theirs', () => {
    const given = { ...toolkit, ownedSince: '2020-03-02' };
    expect(refusal([given]).message).toBe(
      'Chris Sivers owned a task still open after 2020-03-01, the day given for the removal: “Draft the toolkit”, given them on 2020-03-02 and theirs and open until 2020-03-05. Remove them on or after 2020-03-05.',
    );
  });

  it('given the same two tasks and an actor who may not read the workstream’s tasks, when refused, then it gives their number, their days and the first day the removal may have, but no title or id', () => {
    const error = refusal([toolkit, audit], false);
    expect(error.code).toBe('OPEN_TASKS');
    expect(error.message).toBe(
      'Chris Sivers owned 2 tasks still open after 2020-03-01, the day given for the removal: a task theirs and open until 2020-03-05 and a task theirs and open until 2020-03-20 (their titles are for those who may read the workstream’s tasks). Remove them on or after 2020-03-20.',
    );
    expect(error.details).toEqual({
      field: 'removedOn',
      problems: [{ field: 'removedOn', sentence: error.message }],
      earliest: '2020-03-20',
      tasks: [
        { ownedSince: '2020-03-01', until: '2020-03-05' },
        { ownedSince: '2020-02-01', until: '2020-03-20' },
      ],
    });
  });

  it('given a task of theirs open still, when refused, then no day will do: it is on the member, whose tasks are reassigned first', () => {
    const open = { taskId: 'audit', title: 'Audit the referrals', ownedSince: '2020-02-01', on: null };
    const error = removalHeldUp('Chris Sivers', '2020-03-01', [open], true);
    expect(error.code).toBe('OPEN_TASKS');
    expect(error.message).toBe(
      'Chris Sivers owns 1 open task; reassign it first: “Audit the referrals”, theirs since 2020-02-01.',
    );
    expect(error.details).toEqual({
      field: 'personId',
      problems: [{ field: 'personId', sentence: error.message }],
      earliest: null,
      tasks: [{ taskId: 'audit', title: 'Audit the referrals', ownedSince: '2020-02-01', until: null }],
    });
  });
});
