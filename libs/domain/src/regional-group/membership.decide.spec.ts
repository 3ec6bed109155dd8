import { DomainError } from '../shared/domain-error';
import {
  ALL_AREA_IDS,
  appointed,
  appointmentEnded,
  avonAndSomerset,
  avonAndSomersetWithChair,
  banesCcgSucceeded,
  chair,
  chairPostVacated,
  command,
  CommandInput,
  coverageChanged,
  established,
  groupAfter,
  groupAfterCommand,
  partnerSucceeded,
  REPRESENTATIVES,
  START,
  stranger,
  termsAdopted,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { coverageOn } from './coverage';
import { regionalGroupDecider } from './regional-group.decider';

const spec = specification(regionalGroupDecider);

describe('A command to a group that does not exist', () => {
  it('is refused as NOT_FOUND', () => {
    spec
      .given([])
      .when(
        command('AdmitCorePartner', {
          partnerId: 'x',
          name: 'X',
          agencyType: 'POLICE',
          areaIds: ['bristol'],
          admittedOn: START,
        }),
      )
      .thenFails('NOT_FOUND', /no such regional group/);
  });
});

describe('Admitting a core partner (R2)', () => {
  const admit = (overrides: Partial<CommandInput<'AdmitCorePartner'>> = {}) =>
    command('AdmitCorePartner', {
      partnerId: 'bristol-council',
      name: 'Bristol City Council',
      agencyType: 'LOCAL_AUTHORITY',
      areaIds: ['bristol'],
      admittedOn: START,
      ...overrides,
    });

  it('records the partner, its agency type and the areas it covers', () => {
    spec
      .given([established, termsAdopted])
      .when(admit())
      .then([
        {
          type: 'CorePartnerAdmitted',
          data: {
            partnerId: 'bristol-council',
            name: 'Bristol City Council',
            agencyType: 'LOCAL_AUTHORITY',
            areaIds: ['bristol'],
            admittedOn: START,
          },
        },
      ]);
  });

  it('records the police covering all five areas', () => {
    spec
      .given([established, termsAdopted])
      .when(
        admit({ partnerId: 'police', name: 'Avon and Somerset Police', agencyType: 'POLICE', areaIds: ALL_AREA_IDS }),
      )
      .then([
        {
          type: 'CorePartnerAdmitted',
          data: {
            partnerId: 'police',
            name: 'Avon and Somerset Police',
            agencyType: 'POLICE',
            areaIds: ALL_AREA_IDS,
            admittedOn: START,
          },
        },
      ]);
  });

  it('tidies the name and names each area once', () => {
    spec
      .given([established])
      .when(admit({ name: '  Bristol   City Council ', areaIds: ['bristol', 'bristol'] }))
      .then([
        {
          type: 'CorePartnerAdmitted',
          data: {
            partnerId: 'bristol-council',
            name: 'Bristol City Council',
            agencyType: 'LOCAL_AUTHORITY',
            areaIds: ['bristol'],
            admittedOn: START,
          },
        },
      ]);
  });

  it('admits a partner of a non-statutory agency type', () => {
    spec
      .given(avonAndSomerset)
      .when(admit({ partnerId: 'schools', name: 'Bristol Schools Forum', agencyType: 'EDUCATION' }))
      .then([
        {
          type: 'CorePartnerAdmitted',
          data: {
            partnerId: 'schools',
            name: 'Bristol Schools Forum',
            agencyType: 'EDUCATION',
            areaIds: ['bristol'],
            admittedOn: START,
          },
        },
      ]);
  });

  it('is refused when the partner id is taken', () => {
    spec
      .given(avonAndSomerset)
      .when(admit({ name: 'Another Council' }))
      .thenFails('ALREADY_EXISTS', /bristol-council is already recorded/);
  });

  it('is refused when a current partner has the same name, whatever its case and spacing', () => {
    spec
      .given(avonAndSomerset)
      .when(admit({ partnerId: 'bcc-2', name: ' bristol  CITY council' }))
      .thenFails(
        'ALREADY_EXISTS',
        /bristol CITY council is already a core partner of Avon and Somerset Strategic Safeguarding Partnership/,
      );
  });

  it('admits an organisation with the name of one that has been succeeded', () => {
    spec
      .given([...avonAndSomerset, banesCcgSucceeded()])
      .when(
        admit({
          partnerId: 'banes-ccg-2',
          name: 'NHS BANES CCG',
          agencyType: 'HEALTH',
          areaIds: ['banes'],
          admittedOn: '2023-01-01',
        }),
      )
      .then([
        {
          type: 'CorePartnerAdmitted',
          data: {
            partnerId: 'banes-ccg-2',
            name: 'NHS BANES CCG',
            agencyType: 'HEALTH',
            areaIds: ['banes'],
            admittedOn: '2023-01-01',
          },
        },
      ]);
  });

  it('is refused without a name', () => {
    spec
      .given([established])
      .when(admit({ name: '  ' }))
      .thenFails('VALIDATION_FAILED', /The organisation's name must not be empty/);
  });

  it('is refused for an agency type the platform does not know', () => {
    spec
      .given([established])
      .when(admit({ agencyType: 'FIRE' }))
      .thenFails('VALIDATION_FAILED', /"FIRE" is not an agency type/);
  });

  it.each(['2019-02-30', '01/06/2019', '2019-6-1', ''])('is refused with the admission date %p', (admittedOn) => {
    spec
      .given([established])
      .when(admit({ admittedOn }))
      .thenFails(
        'VALIDATION_FAILED',
        /The admission date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/,
      );
  });

  it('is refused without areas', () => {
    spec
      .given([established])
      .when(admit({ areaIds: [] }))
      .thenFails('VALIDATION_FAILED', /covers at least one area/);
  });

  it('is refused for an area the group does not cover', () => {
    spec
      .given([established])
      .when(admit({ areaIds: ['bristol', 'wiltshire'] }))
      .thenFails('NOT_FOUND', /has no area wiltshire/);
  });
});

describe('Changing a partner’s coverage (R3)', () => {
  const policeWithoutSomerset = ['banes', 'bristol', 'north-somerset', 'south-glos'];
  const change = (overrides: Partial<CommandInput<'ChangePartnerCoverage'>> = {}) =>
    command('ChangePartnerCoverage', {
      partnerId: 'police',
      areaIds: policeWithoutSomerset,
      acceptCoverageGap: false,
      ...overrides,
    });

  it('is refused with COVERAGE_GAP naming Somerset and the police when the police stop covering Somerset', () => {
    spec
      .given(avonAndSomerset)
      .when(change())
      .thenFails('COVERAGE_GAP', /Somerset would have no police partner/);
  });

  it('gives the gaps it would create in the refusal', () => {
    let error: unknown;
    try {
      regionalGroupDecider.decide(change(), groupAfter(avonAndSomerset));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe(
      'This change would leave an area without a statutory partner: Somerset would have no police partner. Send acceptCoverageGap: true to record it anyway.',
    );
    expect((error as DomainError).details).toEqual({
      gaps: [{ areaId: 'somerset', areaName: 'Somerset', agencyType: 'POLICE' }],
    });
  });

  it('records the change with the gap it accepts when the sender accepts it', () => {
    spec
      .given(avonAndSomerset)
      .when(change({ acceptCoverageGap: true }))
      .then([
        coverageChanged('police', policeWithoutSomerset, [
          { areaId: 'somerset', areaName: 'Somerset', agencyType: 'POLICE' },
        ]),
      ]);
  });

  it('leaves Somerset without police once recorded', () => {
    const group = groupAfterCommand(avonAndSomerset, change({ acceptCoverageGap: true }));
    expect(coverageOn(group, TODAY).find((area) => area.areaId === 'somerset')?.missing).toEqual(['POLICE']);
  });

  it('records a change that leaves no gap with none accepted', () => {
    spec
      .given(avonAndSomerset)
      .when(change({ partnerId: 'bristol-council', areaIds: ['bristol', 'south-glos', 'bristol'] }))
      .then([coverageChanged('bristol-council', ['bristol', 'south-glos'])]);
  });

  it('reports only the gaps it creates, not those already accepted', () => {
    const alreadyAccepted = coverageChanged('police', policeWithoutSomerset, [
      { areaId: 'somerset', areaName: 'Somerset', agencyType: 'POLICE' },
    ]);
    spec
      .given([...avonAndSomerset, alreadyAccepted])
      .when(change({ areaIds: ['banes', 'bristol', 'north-somerset'], acceptCoverageGap: true }))
      .then([
        coverageChanged(
          'police',
          ['banes', 'bristol', 'north-somerset'],
          [{ areaId: 'south-glos', areaName: 'South Gloucestershire', agencyType: 'POLICE' }],
        ),
      ]);
  });

  it('names every gap when a change leaves several', () => {
    spec
      .given(avonAndSomerset)
      .when(change({ partnerId: 'bnssg-ccg', areaIds: ['bristol'] }))
      .thenFails(
        'COVERAGE_GAP',
        /North Somerset would have no health partner; South Gloucestershire would have no health partner/,
      );
  });

  it('is refused for an unknown partner', () => {
    spec
      .given(avonAndSomerset)
      .when(change({ partnerId: 'fire' }))
      .thenFails('NOT_FOUND', /has no core partner fire/);
  });

  it('is refused for a partner that has been succeeded', () => {
    const succeeded = partnerSucceeded({
      predecessorId: 'bnssg-ccg',
      successorId: 'bnssg-icb',
      successorName: 'NHS BNSSG ICB',
      areaIds: ['bristol', 'north-somerset', 'south-glos'],
      transferredAppointmentIds: [REPRESENTATIVES.janetBaptisteGrant.appointmentId],
    });
    spec
      .given([...avonAndSomerset, succeeded])
      .when(change({ partnerId: 'bnssg-ccg', areaIds: ['bristol'] }))
      .thenFails('VALIDATION_FAILED', /NHS BNSSG CCG has been succeeded by NHS BNSSG ICB/);
  });

  it('is refused without areas', () => {
    spec
      .given(avonAndSomerset)
      .when(change({ areaIds: [] }))
      .thenFails('VALIDATION_FAILED', /at least one area/);
  });

  it('is refused for an area the group does not cover', () => {
    spec
      .given(avonAndSomerset)
      .when(change({ areaIds: [...ALL_AREA_IDS, 'gloucestershire'] }))
      .thenFails('NOT_FOUND', /no area gloucestershire/);
  });
});

describe('Appointing a representative (R4, R17)', () => {
  const appoint = (overrides: Partial<CommandInput<'AppointRepresentative'>> = {}) =>
    command('AppointRepresentative', {
      appointmentId: 'apt-ann-other',
      personId: 'ann-other',
      personName: 'Ann Other',
      partnerId: 'somerset-council',
      title: 'Assistant Director, Children’s Safeguarding',
      role: 'MEMBER',
      seniority: 'DEPUTY_DIRECTOR',
      startDate: '2020-02-01',
      ...overrides,
    });

  const annOther = {
    appointmentId: 'apt-ann-other',
    personId: 'ann-other',
    partnerId: 'somerset-council',
    name: 'Ann Other',
    title: 'Assistant Director, Children’s Safeguarding',
    role: 'MEMBER',
    seniority: 'DEPUTY_DIRECTOR',
    startDate: '2020-02-01',
  };

  it('records the appointment with its role and seniority', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint())
      .then([{ type: 'RepresentativeAppointed', data: annOther }]);
  });

  it('records a second representative of the same partner (the police have two)', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ partnerId: 'police', role: 'LEAD_SAFEGUARDING_PARTNER', seniority: 'CHIEF_OFFICER' }))
      .then([
        {
          type: 'RepresentativeAppointed',
          data: { ...annOther, partnerId: 'police', role: 'LEAD_SAFEGUARDING_PARTNER', seniority: 'CHIEF_OFFICER' },
        },
      ]);
  });

  it('tidies the title', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ title: '  Assistant   Director ' }))
      .then([{ type: 'RepresentativeAppointed', data: { ...annOther, title: 'Assistant Director' } }]);
  });

  it.each(['LEAD_SAFEGUARDING_PARTNER', 'DELEGATED_SAFEGUARDING_PARTNER', 'MEMBER'])('accepts the role %s', (role) => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ role }))
      .then([{ type: 'RepresentativeAppointed', data: { ...annOther, role } }]);
  });

  it.each(['CHIEF_OFFICER', 'DIRECTOR', 'DEPUTY_DIRECTOR', 'HEAD_OF_SERVICE', 'OTHER'])(
    'accepts the seniority %s',
    (seniority) => {
      spec
        .given(avonAndSomerset)
        .when(appoint({ seniority }))
        .then([{ type: 'RepresentativeAppointed', data: { ...annOther, seniority } }]);
    },
  );

  it('is refused as NOT_FOUND for a person the platform does not know', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ personName: null }))
      .thenFails('NOT_FOUND', /knows nobody with person id ann-other/);
  });

  it.each(['DEPUTY', 'lead_safeguarding_partner', ''])('is refused for the role %p', (role) => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ role }))
      .thenFails(
        'VALIDATION_FAILED',
        /The role must be one of LEAD_SAFEGUARDING_PARTNER, DELEGATED_SAFEGUARDING_PARTNER, MEMBER/,
      );
  });

  it.each(['SENIOR', 'director', ''])('is refused for the seniority %p', (seniority) => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ seniority }))
      .thenFails(
        'VALIDATION_FAILED',
        /The seniority must be one of CHIEF_OFFICER, DIRECTOR, DEPUTY_DIRECTOR, HEAD_OF_SERVICE, OTHER/,
      );
  });

  it.each(['2020-02-30', '2020/02/01', '1 February 2020'])('is refused with the start date %p', (startDate) => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ startDate }))
      .thenFails('VALIDATION_FAILED', /The start date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/);
  });

  it('is refused without a title', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ title: ' ' }))
      .thenFails('VALIDATION_FAILED', /The title must not be empty/);
  });

  it('is refused for an unknown partner', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ partnerId: 'fire' }))
      .thenFails('NOT_FOUND', /no core partner fire/);
  });

  it('is refused for a partner that has been succeeded', () => {
    spec
      .given([
        ...avonAndSomerset,
        partnerSucceeded({ transferredAppointmentIds: [REPRESENTATIVES.sandraCorry.appointmentId] }),
      ])
      .when(appoint({ partnerId: 'somerset-ccg', startDate: '2022-08-01' }))
      .thenFails('VALIDATION_FAILED', /NHS Somerset CCG has been succeeded by NHS Somerset ICB/);
  });

  it('is refused when the appointment id is taken', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ appointmentId: REPRESENTATIVES.sheilaSmith.appointmentId }))
      .thenFails('ALREADY_EXISTS', /Appointment apt-sheila-smith is already recorded/);
  });

  it('is refused with ALREADY_REPRESENTING for a person who represents another partner', () => {
    const sheila = REPRESENTATIVES.sheilaSmith;
    spec
      .given(avonAndSomerset)
      .when(appoint({ personId: sheila.personId, personName: sheila.name }))
      .thenFails(
        'ALREADY_REPRESENTING',
        /Sheila Smith already represents North Somerset Council; a person represents one partner at a time/,
      );
  });

  it('is refused with ALREADY_REPRESENTING for a second seat with the same partner', () => {
    const sheila = REPRESENTATIVES.sheilaSmith;
    spec
      .given(avonAndSomerset)
      .when(appoint({ personId: sheila.personId, personName: sheila.name, partnerId: sheila.partnerId }))
      .thenFails('ALREADY_REPRESENTING', /already represents North Somerset Council/);
  });

  it('is refused when the earlier appointment ends after the new one would start', () => {
    const sheila = REPRESENTATIVES.sheilaSmith;
    spec
      .given([...avonAndSomerset, appointmentEnded(sheila.appointmentId, '2020-06-30', 'Moving on.')])
      .when(appoint({ personId: sheila.personId, personName: sheila.name, startDate: '2020-06-01' }))
      .thenFails('ALREADY_REPRESENTING', /Sheila Smith already represents North Somerset Council/);
  });

  it('is refused when the person holds an appointment that starts later', () => {
    const future = appointed({ ...annOther, appointmentId: 'apt-future', partnerId: 'police' }, '2021-01-01');
    spec
      .given([...avonAndSomerset, future])
      .when(appoint())
      .thenFails('ALREADY_REPRESENTING', /Ann Other already represents Avon and Somerset Police/);
  });

  it('records a new partner for a person whose earlier appointment ended on or before the start date', () => {
    const sheila = REPRESENTATIVES.sheilaSmith;
    spec
      .given([...avonAndSomerset, appointmentEnded(sheila.appointmentId, '2020-02-01', 'Moved to Somerset.')])
      .when(appoint({ personId: sheila.personId, personName: sheila.name }))
      .then([{ type: 'RepresentativeAppointed', data: { ...annOther, personId: sheila.personId, name: sheila.name } }]);
  });

  it('is recorded by the chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appoint({ actor: chair }))
      .then([{ type: 'RepresentativeAppointed', data: annOther }]);
  });

  it('is refused to a stranger', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ actor: stranger }))
      .thenFails('FORBIDDEN', /administrator or the group's chair can appoint a representative/);
  });
});

describe('Ending a representative’s appointment (R4, R5)', () => {
  const end = (overrides: Partial<CommandInput<'EndRepresentativeAppointment'>> = {}) =>
    command('EndRepresentativeAppointment', {
      appointmentId: REPRESENTATIVES.sheilaSmith.appointmentId,
      endDate: '2020-06-30',
      reason: 'Retired.',
      ...overrides,
    });

  it('records the end date and the reason', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ reason: '  Retired   from the council. ' }))
      .then([appointmentEnded('apt-sheila-smith', '2020-06-30', 'Retired from the council.')]);
  });

  it('records an end the day after the start', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ endDate: '2019-06-02' }))
      .then([appointmentEnded('apt-sheila-smith', '2019-06-02')]);
  });

  it('is refused when the end date is the start date: dates cannot run backwards', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ endDate: START }))
      .thenFails('VALIDATION_FAILED', /after the start date \(2019-06-01\): dates cannot run backwards/);
  });

  it('is refused when the end date is before the start date: dates cannot run backwards', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ endDate: '2019-01-01' }))
      .thenFails('VALIDATION_FAILED', /dates cannot run backwards/);
  });

  it('is refused when the appointment has already ended', () => {
    spec
      .given([...avonAndSomerset, appointmentEnded('apt-sheila-smith', '2020-03-31')])
      .when(end())
      .thenFails('VALIDATION_FAILED', /Sheila Smith's appointment already ended on 2020-03-31/);
  });

  it('is refused for an unknown appointment', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ appointmentId: 'apt-nobody' }))
      .thenFails('NOT_FOUND', /no representative appointment apt-nobody/);
  });

  it('is refused with a malformed end date', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ endDate: '30/06/2020' }))
      .thenFails('VALIDATION_FAILED', /The end date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/);
  });

  it('is refused without a reason', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ reason: '   ' }))
      .thenFails('VALIDATION_FAILED', /The reason must not be empty/);
  });

  it('leaves the chair vacant, and says so, when it ends the chair’s appointment', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(end({ appointmentId: 'apt-jacqui-jensen' }))
      .then([
        appointmentEnded('apt-jacqui-jensen', '2020-06-30'),
        chairPostVacated('CHAIR', 'apt-jacqui-jensen', '2020-06-30'),
      ]);
    const group = groupAfterCommand(avonAndSomersetWithChair, end({ appointmentId: 'apt-jacqui-jensen' }));
    expect([group.chair, group.deputyChair]).toEqual([null, 'apt-victoria-capel']);
  });

  it('is refused when it would end before its holder took up the chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(end({ appointmentId: 'apt-jacqui-jensen', endDate: '2020-01-01' }))
      .thenFails('VALIDATION_FAILED', /Jacqui Jensen has held a post of the group since 2020-01-15/);
  });

  it('leaves the deputy chair vacant, and says so, when it ends the deputy’s appointment', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(end({ appointmentId: 'apt-victoria-capel' }))
      .then([
        appointmentEnded('apt-victoria-capel', '2020-06-30'),
        chairPostVacated('DEPUTY_CHAIR', 'apt-victoria-capel', '2020-06-30'),
      ]);
    const group = groupAfterCommand(avonAndSomersetWithChair, end({ appointmentId: 'apt-victoria-capel' }));
    expect([group.chair, group.deputyChair]).toEqual(['apt-jacqui-jensen', null]);
  });

  it('vacates no post when the other police representative leaves', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(end({ appointmentId: 'apt-will-white' }))
      .then([appointmentEnded('apt-will-white', '2020-06-30')]);
  });

  it('is recorded by the chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(end({ actor: chair }))
      .then([appointmentEnded('apt-sheila-smith', '2020-06-30')]);
  });

  it('is refused to a stranger', () => {
    spec
      .given(avonAndSomerset)
      .when(end({ actor: stranger }))
      .thenFails('FORBIDDEN', /end a representative's appointment/);
  });
});
