import { Actor } from '../shared/roles';
import {
  administrator,
  appointed,
  appointmentEnded,
  avonAndSomerset,
  avonAndSomersetWithChair,
  chair,
  chairAppointed,
  chairPostVacated,
  command,
  deputyChair,
  deputyChairAppointed,
  groupAfterCommand,
  partnerSucceeded,
  representativeActor,
  stranger,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEvent } from './regional-group.events';

const spec = specification(regionalGroupDecider);

const appointChair = (appointmentId: string, actor: Actor = administrator) =>
  command('AppointChair', { appointmentId, actor });
const appointDeputy = (appointmentId: string, actor: Actor = administrator) =>
  command('AppointDeputyChair', { appointmentId, actor });
const rotate = (newDeputyAppointmentId: string, actor: Actor = administrator) =>
  command('RotateChair', { newDeputyAppointmentId, actor });

const ended = (appointmentId: string, endDate: string): RegionalGroupEvent =>
  appointmentEnded(appointmentId, endDate, 'Left.');
/** Somerset CCG succeeded without its representative's seat passing over. */
const somersetCcgSucceededWithoutSeat: RegionalGroupEvent = partnerSucceeded({ effectiveOn: '2020-01-01' });
const typeOf = (events: RegionalGroupEvent[], sent: Parameters<typeof regionalGroupDecider.decide>[0]) => {
  const group = groupAfterCommand(events, sent);
  const typeOfPost = (id: string | null) =>
    id === null ? null : group.partners[group.appointments.get(id)!.partnerId].agencyType;
  return {
    chair: group.chair,
    deputyChair: group.deputyChair,
    chairType: typeOfPost(group.chair),
    deputyType: typeOfPost(group.deputyChair),
  };
};

describe('Appointing the chair (R5)', () => {
  it('records the chair when there is no deputy', () => {
    spec.given(avonAndSomerset).when(appointChair('apt-jacqui-jensen')).then([chairAppointed]);
  });

  it('records a chair of another agency type than the deputy', () => {
    spec
      .given([...avonAndSomerset, deputyChairAppointed])
      .when(appointChair('apt-lisa-harvey'))
      .then([{ type: 'ChairAppointed', data: { appointmentId: 'apt-lisa-harvey', from: TODAY } }]);
  });

  it('is refused with SAME_AGENCY_TYPE when the deputy represents a partner of the same type', () => {
    spec
      .given([...avonAndSomerset, deputyChairAppointed])
      .when(appointChair('apt-will-white'))
      .thenFails(
        'SAME_AGENCY_TYPE',
        /chair \(Will White\) and deputy chair \(Victoria Capel\) would both represent police partners/,
      );
  });

  it('is refused with SAME_AGENCY_TYPE for two people of different local authorities', () => {
    spec
      .given([
        ...avonAndSomerset,
        { type: 'DeputyChairAppointed', data: { appointmentId: 'apt-chris-sivers', from: TODAY } },
      ])
      .when(appointChair('apt-jacqui-jensen'))
      .thenFails('SAME_AGENCY_TYPE', /both represent local authority partners/);
  });

  it('is refused when the chair would also be the deputy', () => {
    spec
      .given([...avonAndSomerset, deputyChairAppointed])
      .when(appointChair('apt-victoria-capel'))
      .thenFails('VALIDATION_FAILED', /Victoria Capel cannot be both chair and deputy chair/);
  });

  it('replaces the chair, and the new chair is the one recorded', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appointChair('apt-mike-bowden'))
      .then([{ type: 'ChairAppointed', data: { appointmentId: 'apt-mike-bowden', from: TODAY } }]);
    expect(typeOf(avonAndSomersetWithChair, appointChair('apt-mike-bowden'))).toEqual({
      chair: 'apt-mike-bowden',
      deputyChair: 'apt-victoria-capel',
      chairType: 'LOCAL_AUTHORITY',
      deputyType: 'POLICE',
    });
  });

  it('fills a vacant chair', () => {
    spec
      .given([
        ...avonAndSomersetWithChair,
        ended('apt-jacqui-jensen', '2020-01-01'),
        chairPostVacated('CHAIR', 'apt-jacqui-jensen', TODAY),
      ])
      .when(appointChair('apt-sandra-corry'))
      .then([{ type: 'ChairAppointed', data: { appointmentId: 'apt-sandra-corry', from: TODAY } }]);
  });

  it('is refused for an appointment that has ended', () => {
    spec
      .given([...avonAndSomerset, ended('apt-sheila-smith', '2019-12-31')])
      .when(appointChair('apt-sheila-smith'))
      .thenFails('VALIDATION_FAILED', /Sheila Smith is not a representative on/);
  });

  it('is refused for an appointment that ends today', () => {
    spec
      .given([...avonAndSomerset, ended('apt-sheila-smith', '2020-01-15')])
      .when(appointChair('apt-sheila-smith'))
      .thenFails('VALIDATION_FAILED', /not a representative on 2020-01-15/);
  });

  it('records an appointment that ends later', () => {
    spec
      .given([...avonAndSomerset, ended('apt-sheila-smith', '2020-01-16')])
      .when(appointChair('apt-sheila-smith'))
      .then([{ type: 'ChairAppointed', data: { appointmentId: 'apt-sheila-smith', from: TODAY } }]);
  });

  it('is refused for an appointment that has not started', () => {
    const later = appointed(
      {
        appointmentId: 'apt-later',
        personId: 'later',
        partnerId: 'somerset-council',
        name: 'Pat Later',
        title: 'Director',
        role: 'MEMBER',
        seniority: 'DIRECTOR',
      },
      '2020-02-01',
    );
    spec
      .given([...avonAndSomerset, later])
      .when(appointChair('apt-later'))
      .thenFails(
        'OUT_OF_RANGE',
        /The date the post is taken up \(2020-01-15\) is before Pat Later's appointment began \(2020-02-01\)/,
      );
  });

  it('is refused for a representative of a partner that has been succeeded', () => {
    spec
      .given([...avonAndSomerset, somersetCcgSucceededWithoutSeat])
      .when(appointChair('apt-sandra-corry'))
      .thenFails('VALIDATION_FAILED', /Sandra Corry is not a representative on/);
  });

  it('is refused for an unknown appointment', () => {
    spec
      .given(avonAndSomerset)
      .when(appointChair('apt-nobody'))
      .thenFails('NOT_FOUND', /no representative appointment apt-nobody/);
  });

  it('is recorded by the current chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appointChair('apt-mike-bowden', chair))
      .then([{ type: 'ChairAppointed', data: { appointmentId: 'apt-mike-bowden', from: TODAY } }]);
  });

  it.each([
    ['a stranger', stranger],
    ['the deputy chair', deputyChair],
    ['a representative', representativeActor],
  ])('is refused to %s', (_who, actor) => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appointChair('apt-mike-bowden', actor))
      .thenFails('FORBIDDEN', /appoint the chair/);
  });
});

describe('Appointing the deputy chair (R5)', () => {
  it('records the deputy when there is no chair', () => {
    spec.given(avonAndSomerset).when(appointDeputy('apt-victoria-capel')).then([deputyChairAppointed]);
  });

  it('records a deputy of another agency type than the chair', () => {
    spec
      .given([...avonAndSomerset, chairAppointed])
      .when(appointDeputy('apt-victoria-capel'))
      .then([deputyChairAppointed]);
    expect(typeOf([...avonAndSomerset, chairAppointed], appointDeputy('apt-victoria-capel'))).toEqual({
      chair: 'apt-jacqui-jensen',
      deputyChair: 'apt-victoria-capel',
      chairType: 'LOCAL_AUTHORITY',
      deputyType: 'POLICE',
    });
  });

  it('is refused with SAME_AGENCY_TYPE when the chair represents a partner of the same type', () => {
    spec
      .given([...avonAndSomerset, chairAppointed])
      .when(appointDeputy('apt-chris-sivers'))
      .thenFails(
        'SAME_AGENCY_TYPE',
        /chair \(Jacqui Jensen\) and deputy chair \(Chris Sivers\) would both represent local authority partners/,
      );
  });

  it('is refused with SAME_AGENCY_TYPE for the chair’s own organisation', () => {
    spec
      .given([
        ...avonAndSomerset,
        { type: 'ChairAppointed', data: { appointmentId: 'apt-victoria-capel', from: TODAY } },
      ])
      .when(appointDeputy('apt-will-white'))
      .thenFails('SAME_AGENCY_TYPE', /both represent police partners/);
  });

  it('is refused when the deputy would also be the chair', () => {
    spec
      .given([...avonAndSomerset, chairAppointed])
      .when(appointDeputy('apt-jacqui-jensen'))
      .thenFails('VALIDATION_FAILED', /Jacqui Jensen cannot be both chair and deputy chair/);
  });

  it('replaces the deputy', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appointDeputy('apt-janet-baptiste-grant'))
      .then([{ type: 'DeputyChairAppointed', data: { appointmentId: 'apt-janet-baptiste-grant', from: TODAY } }]);
  });

  it('is refused for an appointment that has ended', () => {
    spec
      .given([...avonAndSomerset, chairAppointed, ended('apt-lisa-harvey', '2020-01-01')])
      .when(appointDeputy('apt-lisa-harvey'))
      .thenFails('VALIDATION_FAILED', /Lisa Harvey is not a representative on/);
  });

  it('is refused for an unknown appointment', () => {
    spec
      .given(avonAndSomerset)
      .when(appointDeputy('apt-nobody'))
      .thenFails('NOT_FOUND', /apt-nobody/);
  });

  it('is recorded by the current chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appointDeputy('apt-lisa-harvey', chair))
      .then([{ type: 'DeputyChairAppointed', data: { appointmentId: 'apt-lisa-harvey', from: TODAY } }]);
  });

  it('is refused to a stranger', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(appointDeputy('apt-lisa-harvey', stranger))
      .thenFails('FORBIDDEN', /appoint the deputy chair/);
  });
});

describe('Rotating the chair (R5)', () => {
  it('makes the deputy chair and names a new deputy', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-lisa-harvey'))
      .then([
        {
          type: 'ChairRotated',
          data: { chairAppointmentId: 'apt-victoria-capel', deputyAppointmentId: 'apt-lisa-harvey', on: TODAY },
        },
      ]);
  });

  it('leaves chair and deputy of different agency types', () => {
    expect(typeOf(avonAndSomersetWithChair, rotate('apt-lisa-harvey'))).toEqual({
      chair: 'apt-victoria-capel',
      deputyChair: 'apt-lisa-harvey',
      chairType: 'POLICE',
      deputyType: 'HEALTH',
    });
  });

  it('can make the outgoing chair the new deputy', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-jacqui-jensen'))
      .then([
        {
          type: 'ChairRotated',
          data: { chairAppointmentId: 'apt-victoria-capel', deputyAppointmentId: 'apt-jacqui-jensen', on: TODAY },
        },
      ]);
  });

  it('is refused with SAME_AGENCY_TYPE when the new deputy is of the new chair’s type', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-will-white'))
      .thenFails(
        'SAME_AGENCY_TYPE',
        /chair \(Victoria Capel\) and deputy chair \(Will White\) would both represent police partners/,
      );
  });

  it('is refused when the new deputy is the deputy who becomes chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-victoria-capel'))
      .thenFails('VALIDATION_FAILED', /cannot be both chair and deputy chair/);
  });

  it('is refused when there is no deputy', () => {
    spec
      .given([...avonAndSomerset, chairAppointed])
      .when(rotate('apt-lisa-harvey'))
      .thenFails('VALIDATION_FAILED', /There is no deputy chair to become chair/);
  });

  it('is refused when the deputy’s post has been vacated', () => {
    spec
      .given([
        ...avonAndSomersetWithChair,
        ended('apt-victoria-capel', '2020-01-01'),
        chairPostVacated('DEPUTY_CHAIR', 'apt-victoria-capel', TODAY),
      ])
      .when(rotate('apt-lisa-harvey'))
      .thenFails('VALIDATION_FAILED', /no deputy chair/);
  });

  it('makes the deputy chair when the chair is vacant', () => {
    spec
      .given([
        ...avonAndSomersetWithChair,
        ended('apt-jacqui-jensen', '2020-01-01'),
        chairPostVacated('CHAIR', 'apt-jacqui-jensen', TODAY),
      ])
      .when(rotate('apt-mike-bowden'))
      .then([
        {
          type: 'ChairRotated',
          data: { chairAppointmentId: 'apt-victoria-capel', deputyAppointmentId: 'apt-mike-bowden', on: TODAY },
        },
      ]);
  });

  it('is refused when the new deputy is not a representative on', () => {
    spec
      .given([...avonAndSomersetWithChair, ended('apt-lisa-harvey', '2020-01-01')])
      .when(rotate('apt-lisa-harvey'))
      .thenFails('VALIDATION_FAILED', /Lisa Harvey is not a representative on/);
  });

  it('is refused when the deputy is no longer a current representative', () => {
    spec
      .given([
        ...avonAndSomerset,
        chairAppointed,
        { type: 'DeputyChairAppointed', data: { appointmentId: 'apt-sandra-corry', from: TODAY } },
        somersetCcgSucceededWithoutSeat,
      ])
      .when(rotate('apt-victoria-capel'))
      .thenFails('VALIDATION_FAILED', /Sandra Corry is not a representative on/);
  });

  it('is refused for an unknown new deputy', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-nobody'))
      .thenFails('NOT_FOUND', /apt-nobody/);
  });

  it('is recorded by the current chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-lisa-harvey', chair))
      .then([
        {
          type: 'ChairRotated',
          data: { chairAppointmentId: 'apt-victoria-capel', deputyAppointmentId: 'apt-lisa-harvey', on: TODAY },
        },
      ]);
  });

  it('is refused to the deputy', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-lisa-harvey', deputyChair))
      .thenFails('FORBIDDEN', /rotate the chair/);
  });

  it('is refused to a stranger', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(rotate('apt-lisa-harvey', stranger))
      .thenFails('FORBIDDEN', /rotate the chair/);
  });

  const rotated: RegionalGroupEvent = {
    type: 'ChairRotated',
    data: { chairAppointmentId: 'apt-victoria-capel', deputyAppointmentId: 'apt-lisa-harvey', on: TODAY },
  };

  it('is refused to the outgoing chair once the rotation is recorded, and allowed to the new chair', () => {
    spec
      .given([...avonAndSomersetWithChair, rotated])
      .when(rotate('apt-jacqui-jensen', chair))
      .thenFails('FORBIDDEN', /rotate the chair/);
    spec
      .given([...avonAndSomersetWithChair, rotated])
      .when(rotate('apt-jacqui-jensen', deputyChair))
      .then([
        {
          type: 'ChairRotated',
          data: { chairAppointmentId: 'apt-lisa-harvey', deputyAppointmentId: 'apt-jacqui-jensen', on: TODAY },
        },
      ]);
  });

  it('keeps chair and deputy of different types across a second rotation', () => {
    expect(typeOf([...avonAndSomersetWithChair, rotated], rotate('apt-mike-bowden'))).toEqual({
      chair: 'apt-lisa-harvey',
      deputyChair: 'apt-mike-bowden',
      chairType: 'HEALTH',
      deputyType: 'LOCAL_AUTHORITY',
    });
  });

  it('is refused with SAME_AGENCY_TYPE on a second rotation naming another health representative', () => {
    spec
      .given([...avonAndSomersetWithChair, rotated])
      .when(rotate('apt-sandra-corry'))
      .thenFails('SAME_AGENCY_TYPE', /both represent health partners/);
  });
});
