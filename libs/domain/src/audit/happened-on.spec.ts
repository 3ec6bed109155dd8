import { happenedOn } from './happened-on';

const RECORDED = '2026-11-23T09:00:00.000Z';

describe('happenedOn: the real-world date of an event', () => {
  it('given a representative appointed in 2019 and recorded in 2026, then it happened in 2019', () => {
    expect(happenedOn({ appointmentId: 'a', startDate: '2019-06-01' }, RECORDED)).toBe('2019-06-01');
  });

  it('given a notice to leave, then it happened when given, not when it takes effect', () => {
    expect(happenedOn({ noticeId: 'n', givenOn: '2026-11-23', effectiveOn: '2027-12-23' }, RECORDED)).toBe(
      '2026-11-23',
    );
  });

  it('given a serious incident notified later, then it happened when the authority became aware, not on a due day', () => {
    expect(
      happenedOn(
        { reviewId: 'r', awareOn: '2026-11-18', notifiedOn: '2026-11-21', notificationDueOn: '2026-11-25' },
        RECORDED,
      ),
    ).toBe('2026-11-18');
  });

  it('given a timestamp such as a meeting opening, then it happened on that timestamp’s date', () => {
    expect(happenedOn({ openedAt: '2026-03-12T10:05:00.000Z' }, RECORDED)).toBe('2026-03-12');
  });

  it('given a timestamp after 11pm UTC in summer, then it happened on the next day, as London counts days', () => {
    expect(happenedOn({ openedAt: '2026-07-01T23:30:00.000Z' }, RECORDED)).toBe('2026-07-02');
    expect(happenedOn({ taskId: 't' }, '2026-06-30T23:15:00.000Z')).toBe('2026-07-01');
    expect(happenedOn({ openedAt: '2025-12-01T23:30:00.000Z' }, RECORDED)).toBe('2025-12-01');
  });

  it('given a meeting of 12 March 2020 entered in 2026, then its opening and a response at it happened in 2020', () => {
    expect(happenedOn({ openedAt: RECORDED, membershipOn: '2020-03-12', required: 7 }, RECORDED)).toBe('2020-03-12');
    expect(happenedOn({ recommendationId: 'r', partnerId: 'p', respondedOn: '2020-03-12' }, RECORDED)).toBe(
      '2020-03-12',
    );
    expect(happenedOn({ chairAppointmentId: 'a', deputyAppointmentId: 'b', on: '2021-04-01' }, RECORDED)).toBe(
      '2021-04-01',
    );
  });

  it('given a meeting of 12 March 2020 closed when entered in 2026, then it closed in 2020', () => {
    expect(happenedOn({ closedAt: RECORDED, heldOn: '2020-03-12' }, RECORDED)).toBe('2020-03-12');
  });

  it('given a succession, then it happened on its effective date', () => {
    expect(happenedOn({ predecessorId: 'ccg', successorId: 'icb', effectiveOn: '2022-07-01' }, RECORDED)).toBe(
      '2022-07-01',
    );
  });

  it('given data without a date of its own, or with only a future due date, then it happened when recorded', () => {
    expect(happenedOn({ appointmentId: 'a', status: 'PRESENT' }, RECORDED)).toBe('2026-11-23');
    expect(happenedOn({ taskId: 't', dueDate: '2027-01-31' }, RECORDED)).toBe('2026-11-23');
    expect(happenedOn(null, RECORDED)).toBe('2026-11-23');
  });

  it('given a workstream commissioned to start after the day it was recorded, then it happened when recorded', () => {
    expect(happenedOn({ workstreamId: 'w', startDate: '2027-01-04', endDate: '2027-06-30' }, RECORDED)).toBe(
      '2026-11-23',
    );
  });

  it('given a succession or a version recorded ahead of its effective date, then it happened when recorded', () => {
    expect(happenedOn({ predecessorId: 'ccg', successorId: 'icb', effectiveOn: '2026-11-24' }, RECORDED)).toBe(
      '2026-11-23',
    );
    expect(
      happenedOn({ policyId: 'p', version: '1', effectiveOn: '2027-04-01', reviewOn: '2028-04-01' }, RECORDED),
    ).toBe('2026-11-23');
  });

  it('given a date on the London day of the recording, then it happened that day, even when UTC is a day behind', () => {
    expect(happenedOn({ workstreamId: 'w', startDate: '2026-11-23' }, RECORDED)).toBe('2026-11-23');
    expect(happenedOn({ workstreamId: 'w', startDate: '2026-07-02' }, '2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
    expect(happenedOn({ workstreamId: 'w', startDate: '2026-07-03' }, '2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
  });

  it('given a member or a task added, or a task changed, on a day entered later, then it happened that day', () => {
    expect(happenedOn({ personId: 'p', name: 'P', addedOn: '2026-09-15' }, RECORDED)).toBe('2026-09-15');
    expect(happenedOn({ taskId: 't', dueDate: '2026-10-31', addedOn: '2026-09-22' }, RECORDED)).toBe('2026-09-22');
    expect(happenedOn({ taskId: 't', dueDate: '2026-12-31', changedOn: '2026-10-06' }, RECORDED)).toBe('2026-10-06');
  });

  it('given a member removed, or a workstream closed, on a day entered later, then it happened that day', () => {
    expect(happenedOn({ personId: 'p', removedOn: '2026-10-30' }, RECORDED)).toBe('2026-10-30');
    expect(happenedOn({ outcomeReport: 'Done.', closedOn: '2026-11-10' }, RECORDED)).toBe('2026-11-10');
  });

  it('given a field that does not hold a date, then it is not taken for one', () => {
    expect(happenedOn({ startDate: 'soon' }, RECORDED)).toBe('2026-11-23');
  });
});
