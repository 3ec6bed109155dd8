import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import {
  administrator,
  ALL_AREA_IDS,
  appointmentEnded,
  avonAndSomersetWithChair,
  chair,
  chairPostVacated,
  command,
  deputyChair,
  groupAfter,
  representativeActor,
  stranger,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { isChair, partnerRepresentedBy } from './permissions';
import { RegionalGroupCommand } from './regional-group.commands';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEvent } from './regional-group.events';

const spec = specification(regionalGroupDecider);

/** Every command R41 reserves to the administrator or the chair, with the event it records when allowed. */
const RESERVED: Array<[string, (actor: Actor) => RegionalGroupCommand, RegionalGroupEvent['type'], RegExp]> = [
  [
    'AdmitCorePartner',
    (actor) =>
      command('AdmitCorePartner', {
        partnerId: 'fire',
        name: 'Avon Fire and Rescue Service',
        agencyType: 'OTHER',
        areaIds: ALL_AREA_IDS,
        admittedOn: '2020-01-15',
        actor,
      }),
    'CorePartnerAdmitted',
    /admit a core partner/,
  ],
  [
    'ChangePartnerCoverage',
    (actor) =>
      command('ChangePartnerCoverage', {
        partnerId: 'bristol-council',
        areaIds: ['bristol', 'south-glos'],
        acceptCoverageGap: false,
        actor,
      }),
    'PartnerCoverageChanged',
    /change a partner's coverage/,
  ],
  [
    'RecordSuccession',
    (actor) =>
      command('RecordSuccession', {
        predecessorId: 'banes-ccg',
        successorId: 'bsw-icb',
        successorName: 'NHS BSW ICB',
        effectiveOn: '2022-07-01',
        acceptCoverageGap: false,
        actor,
      }),
    'PartnerSucceeded',
    /record a succession/,
  ],
  [
    'AppointRepresentative',
    (actor) =>
      command('AppointRepresentative', {
        appointmentId: 'apt-new',
        personId: 'new-person',
        personName: 'New Person',
        partnerId: 'somerset-council',
        title: 'Director',
        role: 'MEMBER',
        seniority: 'DIRECTOR',
        startDate: '2020-02-01',
        actor,
      }),
    'RepresentativeAppointed',
    /appoint a representative/,
  ],
  [
    'EndRepresentativeAppointment',
    (actor) =>
      command('EndRepresentativeAppointment', {
        appointmentId: 'apt-sheila-smith',
        endDate: '2020-06-30',
        reason: 'Retired.',
        actor,
      }),
    'RepresentativeAppointmentEnded',
    /end a representative's appointment/,
  ],
  [
    'AppointChair',
    (actor) => command('AppointChair', { appointmentId: 'apt-mike-bowden', actor }),
    'ChairAppointed',
    /appoint the chair/,
  ],
  [
    'AppointDeputyChair',
    (actor) => command('AppointDeputyChair', { appointmentId: 'apt-lisa-harvey', actor }),
    'DeputyChairAppointed',
    /appoint the deputy chair/,
  ],
  [
    'RotateChair',
    (actor) => command('RotateChair', { newDeputyAppointmentId: 'apt-lisa-harvey', actor }),
    'ChairRotated',
    /rotate the chair/,
  ],
  [
    'AdoptTermsOfReference',
    (actor) =>
      command('AdoptTermsOfReference', {
        version: '1.1',
        summary: 'Annual review.',
        quorumPercentage: 66,
        meetingCadenceMonths: 3,
        noticePeriodMonths: 12,
        statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'],
        adoptedOn: '2019-12-10',
        firstReviewBy: null,
        acceptCoverageGap: false,
        actor,
      }),
    'TermsOfReferenceAdopted',
    /adopt terms of reference/,
  ],
  [
    'RecordTermsOfReferenceReview',
    (actor) => command('RecordTermsOfReferenceReview', { reviewedOn: '2019-12-10', notes: 'No changes.', actor }),
    'TermsOfReferenceReviewed',
    /record a review of the terms of reference/,
  ],
  [
    'AgreeFundingContribution',
    (actor) =>
      command('AgreeFundingContribution', {
        partnerId: 'bristol-council',
        financialYear: '2020/21',
        amountPence: 100,
        inKind: null,
        actor,
      }),
    'FundingContributionAgreed',
    /record an agreed funding contribution/,
  ],
];

const NOT_ALLOWED: Array<[string, Actor]> = [
  ['a stranger', stranger],
  ['a representative holding no post', representativeActor],
  ['the deputy chair', deputyChair],
  [
    'someone whose identity claims a CHAIR role without being the chair',
    { personId: 'impostor', partnerId: 'bristol-council', roles: ['CHAIR'] },
  ],
  ['an auditor', { personId: 'auditor', partnerId: null, roles: ['AUDITOR'] }],
  ['an area business manager', { personId: 'abm', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] }],
];

describe('Who may record membership, terms and agreed funding (R41)', () => {
  describe.each(RESERVED)('%s', (_name, build, eventType, action) => {
    it('is recorded for the administrator', () => {
      const events = regionalGroupDecider.decide(build(administrator), groupAfter(avonAndSomersetWithChair));
      expect(events[0].type).toBe(eventType);
    });

    it('is recorded for the current chair, exactly as for the administrator', () => {
      const state = groupAfter(avonAndSomersetWithChair);
      expect(regionalGroupDecider.decide(build(chair), state)).toEqual(
        regionalGroupDecider.decide(build(administrator), state),
      );
    });

    it.each(NOT_ALLOWED)('is refused with FORBIDDEN to %s', (_who, actor) => {
      spec
        .given(avonAndSomersetWithChair)
        .when(build(actor))
        .thenFails('FORBIDDEN', new RegExp(`Only an administrator or the group's chair can ${action.source}`));
    });

    it('names the role that would be needed', () => {
      let error: unknown;
      try {
        regionalGroupDecider.decide(build(stranger), groupAfter(avonAndSomersetWithChair));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
    });

    it('is refused to a former chair whose post was vacated', () => {
      const vacated: RegionalGroupEvent[] = [
        ...avonAndSomersetWithChair,
        appointmentEnded('apt-jacqui-jensen', '2020-06-30'),
        chairPostVacated('CHAIR', 'apt-jacqui-jensen', TODAY),
      ];
      spec.given(vacated).when(build(chair)).thenFails('FORBIDDEN');
    });
  });
});

describe('isChair and partnerRepresentedBy', () => {
  const group = groupAfter(avonAndSomersetWithChair);

  it('recognise the chair by the person, not by roles the identity claims', () => {
    expect(isChair(group, chair)).toBe(true);
    expect(isChair(group, { ...chair, partnerId: null, roles: [] })).toBe(true);
    expect(isChair(group, deputyChair)).toBe(false);
    expect(isChair(group, { personId: 'x', partnerId: 'bristol-council', roles: ['CHAIR'] })).toBe(false);
    expect(isChair(groupAfter(avonAndSomersetWithChair.slice(0, -2)), chair)).toBe(false);
  });

  it('give the partner a person currently represents, from the appointments', () => {
    expect(partnerRepresentedBy(group, representativeActor, '2020-01-15T10:00:00.000Z')).toBe('north-somerset-council');
    expect(
      partnerRepresentedBy(group, { ...representativeActor, partnerId: 'police' }, '2020-01-15T10:00:00.000Z'),
    ).toBe('north-somerset-council');
    // A second before midnight in London (BST): the appointment of 1 June 2019 has not begun.
    expect(partnerRepresentedBy(group, representativeActor, '2019-05-31T22:59:59.000Z')).toBeNull();
    expect(partnerRepresentedBy(group, representativeActor, '2019-05-31T23:00:00.000Z')).toBe('north-somerset-council');
    expect(partnerRepresentedBy(group, stranger, '2020-01-15T10:00:00.000Z')).toBeNull();
  });
});
