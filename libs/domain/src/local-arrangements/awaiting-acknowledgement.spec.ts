import { awaitingAcknowledgement } from './awaiting-acknowledgement';

const sent = { kind: 'ESCALATION', arrivedOn: '2026-11-02', acknowledgedAt: null, answeredOn: [] };

describe('an item awaiting acknowledgement (L2, L3)', () => {
  it('given an item sent and not acknowledged, when asked on the day it arrived, then it waits', () =>
    expect(awaitingAcknowledgement(sent, '2026-11-02')).toBe(true));
  it('given an item sent on 2 November, when asked the day before, then it does not wait: it had not arrived', () =>
    expect(awaitingAcknowledgement(sent, '2026-11-01')).toBe(false));
  it('given it acknowledged on 3 November, when asked on the 3rd, then it does not wait', () =>
    expect(awaitingAcknowledgement({ ...sent, acknowledgedAt: '2026-11-03T16:00:00.000Z' }, '2026-11-03')).toBe(false));
  it('given it acknowledged on 3 November, when asked on the 2nd, then it was still waiting that day', () =>
    expect(awaitingAcknowledgement({ ...sent, acknowledgedAt: '2026-11-03T16:00:00.000Z' }, '2026-11-02')).toBe(true));
  it('given it acknowledged at 23:30 UTC on 30 June, when asked on 30 June, then it was still waiting: in London it was 1 July', () =>
    expect(
      awaitingAcknowledgement(
        { ...sent, arrivedOn: '2026-06-29', acknowledgedAt: '2026-06-30T23:30:00.000Z' },
        '2026-06-30',
      ),
    ).toBe(true));
  it('given an escalation answered by a response on 4 November and never acknowledged, when asked on the 4th, then it does not wait', () =>
    expect(awaitingAcknowledgement({ ...sent, answeredOn: ['2026-11-04'] }, '2026-11-04')).toBe(false));
  it('given that response, when asked on the 3rd, then it was still waiting', () =>
    expect(awaitingAcknowledgement({ ...sent, answeredOn: ['2026-11-04'] }, '2026-11-03')).toBe(true));
  it('given a signed head of the log flowed down and never acknowledged, then it never waits', () =>
    expect(awaitingAcknowledgement({ ...sent, kind: 'TREE_HEAD' }, '2026-11-30')).toBe(false));
});
