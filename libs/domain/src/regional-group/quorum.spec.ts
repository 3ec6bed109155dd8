import {
  appointed,
  appointmentEnded,
  avonAndSomerset,
  command,
  established,
  groupAfter,
  groupAfterCommand,
  partnersAdmitted,
  partnerSucceeded,
  REPRESENTATIVES,
  termsAdopted,
} from '../testing/avon-and-somerset.fixture';
import { quorumOf, quorumRequired } from './quorum';
import { RegionalGroupEvent } from './regional-group.events';

const ended = (appointmentId: string, endDate: string): RegionalGroupEvent =>
  appointmentEnded(appointmentId, endDate, 'Left the organisation.');

/** NHS BANES CCG's succession by the BSW ICB, sent as a command. */
const banesCcgSuccession = () =>
  command('RecordSuccession', {
    predecessorId: 'banes-ccg',
    successorId: 'bsw-icb',
    successorName: 'NHS Bath and North East Somerset, Swindon and Wiltshire ICB',
    effectiveOn: '2022-07-01',
    acceptCoverageGap: false,
  });

describe('quorumRequired (R7)', () => {
  it.each([
    [66, 10, 7],
    [66, 9, 6],
    [66, 3, 2],
    [66, 0, 0],
    [66, 1, 1],
    [50, 10, 5],
    [75, 10, 8],
    [100, 10, 10],
    [1, 1, 1],
  ])('%i%% of %i representatives is %i, rounded up', (percentage, count, required) => {
    expect(quorumRequired(percentage, count)).toBe(required);
  });
});

describe('quorumOf (R7)', () => {
  it('is 7 of the 10 Avon and Somerset representatives at 66%', () => {
    expect(quorumOf(groupAfter(avonAndSomerset), '2020-01-15')).toEqual({
      percentage: 66,
      representativeCount: 10,
      required: 7,
    });
  });

  it('counts nobody before the appointments start', () => {
    expect(quorumOf(groupAfter(avonAndSomerset), '2019-05-31')).toEqual({
      percentage: 66,
      representativeCount: 0,
      required: 0,
    });
  });

  it('counts an appointment until the day before it ends', () => {
    const group = groupAfter([...avonAndSomerset, ended(REPRESENTATIVES.sheilaSmith.appointmentId, '2020-06-30')]);
    expect(quorumOf(group, '2020-06-29')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
    expect(quorumOf(group, '2020-06-30')).toEqual({ percentage: 66, representativeCount: 9, required: 6 });
  });

  it('counts a later appointment from its start date', () => {
    const newcomer = appointed(
      {
        appointmentId: 'apt-new',
        personId: 'new-person',
        partnerId: 'somerset-council',
        name: 'New Person',
        title: 'Assistant Director',
        role: 'MEMBER',
        seniority: 'DEPUTY_DIRECTOR',
      },
      '2020-03-01',
    );
    const group = groupAfter([...avonAndSomerset, newcomer]);
    expect(quorumOf(group, '2020-02-29').representativeCount).toBe(10);
    expect(quorumOf(group, '2020-03-01')).toEqual({ percentage: 66, representativeCount: 11, required: 8 });
  });

  it('does not count a current appointment of a partner that has been succeeded', () => {
    const succeededWithoutSeats: RegionalGroupEvent = partnerSucceeded();
    expect(quorumOf(groupAfter([...avonAndSomerset, succeededWithoutSeats]), '2022-09-01')).toEqual({
      percentage: 66,
      representativeCount: 9,
      required: 6,
    });
  });

  it('still counts the representatives whose seats passed to a successor', () => {
    const group = groupAfterCommand(avonAndSomerset, banesCcgSuccession());
    expect(quorumOf(group, '2022-09-01')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
  });

  it('takes the percentage from the terms in force', () => {
    const stricter: RegionalGroupEvent = {
      type: 'TermsOfReferenceAdopted',
      data: { ...termsAdopted.data, version: '2.0', quorumPercentage: 75, adoptedOn: '2020-01-01', gapsAccepted: [] },
    };
    expect(quorumOf(groupAfter([...avonAndSomerset, stricter]), '2020-01-15')).toEqual({
      percentage: 75,
      representativeCount: 10,
      required: 8,
    });
  });

  it('is 66% by default before the group adopts terms', () => {
    const group = groupAfter([
      established,
      ...partnersAdmitted,
      ...avonAndSomerset.filter((e) => e.type === 'RepresentativeAppointed'),
    ]);
    expect(quorumOf(group, '2020-01-15')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
  });

  // BUG (A3, R7): the count is "as it stood" on the date asked about, but quorumOf drops every
  // appointment of a partner that has *since* been succeeded (state.ts currentAppointments checks
  // succeededBy, which is not dated). Lisa Harvey represented NHS BANES CCG in March 2020; after
  // the 2022 succession her (ended, so not transferred) appointment no longer counts for 2020.
  it('counts, as at a past date, the representatives of a partner succeeded later', () => {
    const lisa = REPRESENTATIVES.lisaHarvey;
    const events: RegionalGroupEvent[] = [
      ...avonAndSomerset,
      ended(lisa.appointmentId, '2021-06-30'),
      appointed({ ...lisa, appointmentId: 'apt-jane-doe', personId: 'jane-doe', name: 'Jane Doe' }, '2021-07-01'),
    ];
    const group = groupAfterCommand(events, banesCcgSuccession());
    expect(quorumOf(groupAfter(events), '2020-03-01')).toEqual({
      percentage: 66,
      representativeCount: 10,
      required: 7,
    });
    expect(quorumOf(group, '2020-03-01')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
  });

  // BUG (A3, R7, R12): the percentage should come from the terms in force on the date asked about;
  // quorumOf uses the latest version whatever its adoption date, so a March 2020 meeting is judged
  // by terms adopted in 2021.
  it('takes the percentage from the terms in force on the date asked about', () => {
    const adoptedLater: RegionalGroupEvent = {
      type: 'TermsOfReferenceAdopted',
      data: { ...termsAdopted.data, version: '2.0', quorumPercentage: 75, adoptedOn: '2021-01-01', gapsAccepted: [] },
    };
    const group = groupAfter([...avonAndSomerset, adoptedLater]);
    expect(quorumOf(group, '2021-02-01')).toEqual({ percentage: 75, representativeCount: 10, required: 8 });
    expect(quorumOf(group, '2020-03-01')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
  });
});
