import { cadenceAt } from './cadence';

const march = {
  id: 'march',
  status: 'CLOSED',
  startsAt: '2020-03-12T10:00:00.000Z',
  openedAt: '2020-03-12T10:02:00.000Z',
};
const june = { id: 'june', status: 'SCHEDULED', startsAt: '2020-06-11T10:00:00.000Z', openedAt: null };

describe('cadenceAt (R6)', () => {
  it('gives the last meeting held and the next one booked', () => {
    const cadence = cadenceAt([march, june], '2019-06-01', 3, '2020-04-01T09:00:00.000Z');
    expect(cadence).toEqual({ last: march, next: june, overdue: false });
  });

  it('is overdue once the cadence has passed since the last meeting held', () => {
    expect(cadenceAt([march, june], '2019-06-01', 3, '2020-06-12T09:00:00.000Z').overdue).toBe(false);
    expect(cadenceAt([march], '2019-06-01', 3, '2020-06-13T09:00:00.000Z').overdue).toBe(true);
  });

  it('counts days as London does: at 11:30pm UTC on 12 June 2020 it is already the 13th, and overdue', () => {
    expect(cadenceAt([march], '2019-06-01', 3, '2020-06-12T22:59:00.000Z').overdue).toBe(false);
    expect(cadenceAt([march], '2019-06-01', 3, '2020-06-12T23:30:00.000Z').overdue).toBe(true);
  });

  it('counts from the day the group was established before any meeting is held', () => {
    expect(cadenceAt([], '2019-06-01', 3, '2019-09-01T09:00:00.000Z')).toEqual({
      last: null,
      next: null,
      overdue: false,
    });
    expect(cadenceAt([june], '2019-06-01', 3, '2019-09-02T09:00:00.000Z')).toEqual({
      last: null,
      next: june,
      overdue: true,
    });
  });

  it('does not count a meeting dated later than the moment asked about as held', () => {
    const opened = { ...june, status: 'OPEN', openedAt: '2020-06-11T10:00:00.000Z' };
    expect(cadenceAt([march, opened], '2019-06-01', 3, '2020-05-01T09:00:00.000Z').last).toBe(march);
  });

  it('gives as the next meeting of a past day one held since and entered afterwards', () => {
    // Given June's meeting, held and closed, both entered in November 2020
    const held = { ...june, status: 'CLOSED', openedAt: '2020-11-23T09:00:00.000Z' };
    // When the cadence is asked as at the end of 1 April 2020
    const cadence = cadenceAt([march, held], '2019-06-01', 3, '2020-04-01T23:59:59.999Z');
    // Then June's meeting was the next one on that day
    expect(cadence).toEqual({ last: march, next: held, overdue: false });
  });

  it('does not give as the next meeting one already open before its start time', () => {
    // Given June's meeting, opened five minutes early
    const opened = { ...june, status: 'OPEN', openedAt: '2020-06-11T09:55:00.000Z' };
    // When the cadence is asked at 09:57 that day
    const cadence = cadenceAt([march, opened], '2019-06-01', 3, '2020-06-11T09:57:00.000Z');
    // Then there is no next meeting: it is under way
    expect(cadence.next).toBeNull();
  });
});
