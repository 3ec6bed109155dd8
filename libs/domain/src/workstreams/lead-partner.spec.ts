import {
  avonAndSomerset,
  groupAfter,
  NOTICE_EFFECTIVE_ON,
  noticeToLeaveGiven,
  noticeWithdrawn,
  partnerLeft,
} from '../testing/avon-and-somerset.fixture';
import { leadCandidatesOf, leadPartnerOn, LeadCandidate } from './lead-partner';

const ICB_DAY = '2022-07-01';
const partner = (partnerId: string, dates: Partial<LeadCandidate> = {}): LeadCandidate => ({
  partnerId,
  admittedOn: '2019-06-01',
  succeededBy: null,
  succeededOn: null,
  leftOn: null,
  noticeEffectiveOn: null,
  ...dates,
});
/** ASSSP's BNSSG health partner: the CCG from 2019, succeeded by the ICB on 1 July 2022; and the police. */
const partners = [
  partner('bnssg-ccg', { succeededBy: 'bnssg-icb', succeededOn: ICB_DAY }),
  partner('bnssg-icb', { admittedOn: ICB_DAY }),
  partner('police'),
];
const leading = (partnerId: string) => ({ partnerId, corePartner: true, noticeEffectiveOn: null });
const notACorePartner = (partnerId: string) => ({ partnerId, corePartner: false, noticeEffectiveOn: null });

describe('leadPartnerOn (W1, R16)', () => {
  it('given a partner that has been a core partner throughout, when read on any day of its membership, then it leads', () => {
    expect(leadPartnerOn(partners, 'police', '2019-06-01')).toEqual(leading('police'));
    expect(leadPartnerOn(partners, 'police', '2026-11-23')).toEqual(leading('police'));
  });

  it('given the BNSSG CCG named lead, when read before the succession, then the CCG leads', () => {
    expect(leadPartnerOn(partners, 'bnssg-ccg', '2019-06-01')).toEqual(leading('bnssg-ccg'));
    expect(leadPartnerOn(partners, 'bnssg-ccg', '2022-06-30')).toEqual(leading('bnssg-ccg'));
  });

  it('given the BNSSG CCG named lead, when read on or after the day the ICB succeeded it, then the ICB leads', () => {
    expect(leadPartnerOn(partners, 'bnssg-ccg', ICB_DAY)).toEqual(leading('bnssg-icb'));
    expect(leadPartnerOn(partners, 'bnssg-ccg', '2026-11-23')).toEqual(leading('bnssg-icb'));
  });

  it('given a line of successors, when read after the last succession, then the last successor leads', () => {
    const line = [
      partner('bnssg-ccg', { succeededBy: 'bnssg-icb', succeededOn: ICB_DAY }),
      partner('bnssg-icb', { admittedOn: ICB_DAY, succeededBy: 'west-board', succeededOn: '2025-04-01' }),
      partner('west-board', { admittedOn: '2025-04-01' }),
    ];
    expect(leadPartnerOn(line, 'bnssg-ccg', '2024-01-01')).toEqual(leading('bnssg-icb'));
    expect(leadPartnerOn(line, 'bnssg-ccg', '2025-04-01')).toEqual(leading('west-board'));
  });

  it('given the BNSSG ICB named lead, when read before it was admitted, then the ICB is reached but was no core partner that day', () => {
    expect(leadPartnerOn(partners, 'bnssg-icb', '2019-06-01')).toEqual(notACorePartner('bnssg-icb'));
    expect(leadPartnerOn(partners, 'bnssg-icb', '2022-06-30')).toEqual(notACorePartner('bnssg-icb'));
    expect(leadPartnerOn(partners, 'bnssg-icb', ICB_DAY)).toEqual(leading('bnssg-icb'));
  });

  it('given a partner whose notice to leave took effect, when read on or after the day it left, then it is reached but no core partner', () => {
    const gone = [partner('police', { leftOn: '2024-03-31' })];
    expect(leadPartnerOn(gone, 'police', '2024-03-30')).toEqual(leading('police'));
    expect(leadPartnerOn(gone, 'police', '2024-03-31')).toEqual(notACorePartner('police'));
  });

  it('given the BNSSG CCG named lead and its ICB gone since, when read after the ICB left, then the ICB is reached, not the CCG, and was no core partner', () => {
    const icbGone = [
      partner('bnssg-ccg', { succeededBy: 'bnssg-icb', succeededOn: ICB_DAY }),
      partner('bnssg-icb', { admittedOn: ICB_DAY, leftOn: '2025-03-31' }),
    ];
    expect(leadPartnerOn(icbGone, 'bnssg-ccg', '2025-03-30')).toEqual(leading('bnssg-icb'));
    expect(leadPartnerOn(icbGone, 'bnssg-ccg', '2025-03-31')).toEqual(notACorePartner('bnssg-icb'));
  });

  it('given an organisation that is no partner of the group, when read on any day, then it is reached and is no core partner', () => {
    expect(leadPartnerOn(partners, 'wiltshire-council', '2020-01-15')).toEqual(notACorePartner('wiltshire-council'));
  });

  it('given a partner whose notice to leave is open, when read before its effective day, then it leads', () => {
    const leaving = [partner('police', { noticeEffectiveOn: '2024-03-31' })];
    expect(leadPartnerOn(leaving, 'police', '2024-03-30')).toEqual(leading('police'));
  });

  it('given a partner whose notice to leave is open, when read on or after its effective day, then it is no core partner, for that notice', () => {
    const leaving = [partner('police', { noticeEffectiveOn: '2024-03-31' })];
    const leaves = { partnerId: 'police', corePartner: false, noticeEffectiveOn: '2024-03-31' };
    expect(leadPartnerOn(leaving, 'police', '2024-03-31')).toEqual(leaves);
    expect(leadPartnerOn(leaving, 'police', '2025-01-01')).toEqual(leaves);
  });

  it("given the BNSSG CCG named lead and its ICB under notice, when read from the notice's effective day, then the ICB is reached and is no core partner", () => {
    const icbLeaving = [
      partner('bnssg-ccg', { succeededBy: 'bnssg-icb', succeededOn: ICB_DAY }),
      partner('bnssg-icb', { admittedOn: ICB_DAY, noticeEffectiveOn: '2025-03-31' }),
    ];
    expect(leadPartnerOn(icbLeaving, 'bnssg-ccg', '2025-03-30')).toEqual(leading('bnssg-icb'));
    expect(leadPartnerOn(icbLeaving, 'bnssg-ccg', '2025-03-31')).toEqual({
      partnerId: 'bnssg-icb',
      corePartner: false,
      noticeEffectiveOn: '2025-03-31',
    });
  });
});

describe('leadCandidatesOf (W1, R13)', () => {
  const somerset = (events: Parameters<typeof groupAfter>[0]) =>
    leadCandidatesOf(groupAfter(events)).find((candidate) => candidate.partnerId === 'somerset-ccg');

  it("given NHS Somerset CCG's open notice, then it carries the notice's effective day", () => {
    expect(somerset([...avonAndSomerset, noticeToLeaveGiven()])?.noticeEffectiveOn).toBe(NOTICE_EFFECTIVE_ON);
  });

  it('given the notice withdrawn, or taken effect, then no open notice is carried: a departure is its leftOn', () => {
    expect(
      somerset([...avonAndSomerset, noticeToLeaveGiven(), noticeWithdrawn('2020-03-01')])?.noticeEffectiveOn,
    ).toBeNull();
    const left = somerset([...avonAndSomerset, noticeToLeaveGiven(), partnerLeft()]);
    expect(left).toMatchObject({ noticeEffectiveOn: null, leftOn: NOTICE_EFFECTIVE_ON });
  });
});
