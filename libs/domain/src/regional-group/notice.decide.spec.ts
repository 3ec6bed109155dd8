import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import {
  administrator,
  afterIcbs,
  appointed,
  appointmentEnded,
  AREAS,
  avonAndSomerset,
  avonAndSomersetWithChair,
  command,
  coverageGap,
  CURRENT_PARTNERS,
  GROUP_NAME,
  groupAfter,
  MEETING_ID,
  meetingChair,
  NOTICE_EFFECTIVE_ON,
  NOTICE_GIVEN_ON,
  NOTICE_ID,
  noticeToLeaveGiven,
  noticeWithdrawn,
  now,
  partnerLeft,
  partnerSucceeded,
  representativeOf,
  REPRESENTATIVES,
  stranger,
  termsAdopted,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { newAreaEvents } from './add-area.decide';
import { coverageOn } from './coverage';
import { departureConsequences } from './notice.decide';
import { quorumOf } from './quorum';
import { RegionalGroupCommand } from './regional-group.commands';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEvent, TermsOfReferenceAdopted } from './regional-group.events';
import { currentAppointments, currentPartners } from './regional-group.state';

const spec = specification(regionalGroupDecider);

/** Sandra Corry, NHS Somerset CCG's representative. */
const somersetCcg: Actor = representativeOf(REPRESENTATIVES.sandraCorry);
const victoriaCapel: Actor = representativeOf(REPRESENTATIVES.victoriaCapel);
const willWhite: Actor = representativeOf(REPRESENTATIVES.willWhite);
/** The scheduler asks with no partner and no role: the decider does not care who asks. */
const scheduler: Actor = { personId: 'system', partnerId: null, roles: [] };

/** NHS Somerset CCG's notice, given today (15 January 2020) through Sandra Corry, 12 months ahead, unless overridden. */
const giveNotice = (
  data: Partial<{
    noticeId: string;
    partnerId: string;
    givenOn: string;
    effectiveOn: string;
    actor: Actor;
    now: string;
  }> = {},
) =>
  command('GiveNoticeToLeave', {
    noticeId: NOTICE_ID,
    partnerId: 'somerset-ccg',
    givenOn: NOTICE_GIVEN_ON,
    effectiveOn: NOTICE_EFFECTIVE_ON,
    actor: somersetCcg,
    ...data,
  });
const withdraw = (nowAt: string, data: Partial<{ noticeId: string; actor: Actor }> = {}) =>
  command('WithdrawNotice', { noticeId: NOTICE_ID, actor: somersetCcg, now: nowAt, ...data });
const applyDueNotices = (nowAt: string) => command('ApplyDueNotices', { actor: scheduler, now: nowAt });

/** A terms of reference version adopted later, with its own notice period or quorum. */
const termsVersion = (overrides: Partial<TermsOfReferenceAdopted['data']>): TermsOfReferenceAdopted => ({
  type: 'TermsOfReferenceAdopted',
  data: { ...termsAdopted.data, version: '2.0', ...overrides },
});

const decide = (events: readonly RegionalGroupEvent[], sent: RegionalGroupCommand) =>
  regionalGroupDecider.decide(sent, fold(regionalGroupDecider, events));

const refusalOf = spec.refusal;

const ALL_FIVE = [AREAS.banes, AREAS.bristol, AREAS.northSomerset, AREAS.somerset, AREAS.southGlos];

/** NHS Somerset CCG has given notice (the fixture's notice). */
const withNotice: RegionalGroupEvent[] = [...avonAndSomersetWithChair, noticeToLeaveGiven()];
/** ... and has left on 15 January 2021. */
const afterDeparture: RegionalGroupEvent[] = [...withNotice, partnerLeft()];

/** The police's notice, given through Victoria Capel, the deputy chair: all five areas would lose their police partner. */
const policeNotice = noticeToLeaveGiven({
  noticeId: 'notice-police',
  partnerId: 'police',
  partnerName: 'Avon and Somerset Police',
  areaIds: ALL_FIVE.map((area) => area.areaId),
  consequences: {
    coverageGaps: ALL_FIVE.map((area) => coverageGap(area, 'POLICE')),
    representativeCount: 8,
    quorumRequired: 6,
  },
});

describe('Giving notice to leave (R13, R41)', () => {
  it('records NHS Somerset CCG’s 12 months’ notice with what its departure would do: Somerset without health, 9 representatives, quorum 6', () => {
    spec.given(avonAndSomersetWithChair).when(giveNotice()).then([noticeToLeaveGiven()]);
  });

  it('reports the consequences the departure itself produces on the effective date', () => {
    const given = decide(avonAndSomersetWithChair, giveNotice())[0];
    const left = decide([...avonAndSomersetWithChair, given], applyDueNotices(`${NOTICE_EFFECTIVE_ON}T00:00:00.000Z`));
    const after = groupAfter([...avonAndSomersetWithChair, given, ...left]);
    expect(given.type === 'NoticeToLeaveGiven' && given.data.consequences).toEqual({
      coverageGaps: left[0].type === 'PartnerLeft' ? left[0].data.coverageGaps : null,
      representativeCount: quorumOf(after, NOTICE_EFFECTIVE_ON).representativeCount,
      quorumRequired: quorumOf(after, NOTICE_EFFECTIVE_ON).required,
    });
  });

  it.each([
    ['Victoria Capel', victoriaCapel],
    ['Will White', willWhite],
  ])(
    'records the police’s notice through either of its representatives (%s): all five areas without police, 8 representatives, quorum 6',
    (_name, actor) => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ noticeId: 'notice-police', partnerId: 'police', actor }))
        .then([policeNotice]);
    },
  );

  it('carries the name and every area of a partner covering several: NHS BNSSG CCG leaves Bristol, North Somerset and South Gloucestershire without health', () => {
    const areas = [AREAS.bristol, AREAS.northSomerset, AREAS.southGlos];
    spec
      .given(avonAndSomersetWithChair)
      .when(
        giveNotice({
          noticeId: 'notice-bnssg',
          partnerId: 'bnssg-ccg',
          actor: representativeOf(REPRESENTATIVES.janetBaptisteGrant),
        }),
      )
      .then([
        noticeToLeaveGiven({
          noticeId: 'notice-bnssg',
          partnerId: 'bnssg-ccg',
          partnerName: 'NHS BNSSG CCG',
          areaIds: areas.map((area) => area.areaId),
          consequences: {
            coverageGaps: areas.map((area) => coverageGap(area, 'HEALTH')),
            representativeCount: 9,
            quorumRequired: 6,
          },
        }),
      ]);
  });

  it('records the chair’s notice for her own partner: Bristol would have no local authority', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(giveNotice({ noticeId: 'notice-bristol', partnerId: 'bristol-council', actor: meetingChair }))
      .then([
        noticeToLeaveGiven({
          noticeId: 'notice-bristol',
          partnerId: 'bristol-council',
          partnerName: 'Bristol City Council',
          areaIds: ['bristol'],
          consequences: {
            coverageGaps: [coverageGap(AREAS.bristol, 'LOCAL_AUTHORITY')],
            representativeCount: 9,
            quorumRequired: 6,
          },
        }),
      ]);
  });

  it('reports no gap when another partner of the same type still covers the area', () => {
    const nhsEngland: RegionalGroupEvent = {
      type: 'CorePartnerAdmitted',
      data: {
        partnerId: 'nhs-england',
        name: 'NHS England South West',
        agencyType: 'HEALTH',
        areaIds: ['somerset'],
        admittedOn: '2019-06-01',
      },
    };
    spec
      .given([...avonAndSomersetWithChair, nhsEngland])
      .when(giveNotice())
      .then([noticeToLeaveGiven({ consequences: { coverageGaps: [], representativeCount: 9, quorumRequired: 6 } })]);
  });

  it('counts the representatives as they will stand on the effective date: with two seats ending before it, 7 remain and the quorum is 5', () => {
    const twoSeatsEnd = [
      appointmentEnded(REPRESENTATIVES.willWhite.appointmentId, '2020-06-30'),
      appointmentEnded(REPRESENTATIVES.sheilaSmith.appointmentId, '2020-09-30'),
    ];
    spec
      .given([...avonAndSomersetWithChair, ...twoSeatsEnd])
      .when(giveNotice())
      .then([
        noticeToLeaveGiven({
          consequences: {
            coverageGaps: [coverageGap(AREAS.somerset, 'HEALTH')],
            representativeCount: 7,
            quorumRequired: 5,
          },
        }),
      ]);
  });

  it('works out the quorum with the percentage of the terms in force on the effective date (50% of 9 is 5)', () => {
    spec
      .given([...avonAndSomersetWithChair, termsVersion({ quorumPercentage: 50, adoptedOn: '2020-06-01' })])
      .when(giveNotice())
      .then([
        noticeToLeaveGiven({
          consequences: {
            coverageGaps: [coverageGap(AREAS.somerset, 'HEALTH')],
            representativeCount: 9,
            quorumRequired: 5,
          },
        }),
      ]);
  });

  describe('only through a representative of the leaving partner (R41)', () => {
    it.each([
      ['another partner’s representative', representativeOf(REPRESENTATIVES.sheilaSmith)],
      ['another health partner’s representative', representativeOf(REPRESENTATIVES.lisaHarvey)],
      ['the chair, for a partner not her own', meetingChair],
      ['the administrator', administrator],
      ['a stranger', stranger],
    ])('is refused to %s (FORBIDDEN)', (_who, actor) => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ actor }))
        .thenFails('FORBIDDEN', /Only a representative of NHS Somerset CCG can give its notice to leave/);
    });

    it('names the role it needs', () => {
      expect(refusalOf(avonAndSomersetWithChair, giveNotice({ actor: administrator })).details).toEqual({
        requiredRole: 'REPRESENTATIVE of the partner',
      });
    });
  });

  describe('dates written YYYY-MM-DD', () => {
    it.each([
      ['15/01/2020', 'The date the notice is given'],
      ['2020-1-15', 'The date the notice is given'],
      ['2020-02-30', 'The date the notice is given'],
      ['', 'The date the notice is given'],
    ])('refuses a given date of "%s"', (givenOn, label) => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ givenOn }))
        .thenFails(
          'VALIDATION_FAILED',
          new RegExp(`${label} (must be a date written YYYY-MM-DD|\\(.+\\) is not a real date)`),
        );
    });

    it.each(['15 January 2021', '2021-01-15T00:00:00Z', '2021-13-01', ''])(
      'refuses an effective date of "%s"',
      (effectiveOn) => {
        spec
          .given(avonAndSomersetWithChair)
          .when(giveNotice({ effectiveOn }))
          .thenFails(
            'VALIDATION_FAILED',
            /The effective date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/,
          );
      },
    );
  });

  describe('at least the notice period of the terms in force on the given date (12 months)', () => {
    it('refuses 11 months’ notice (NOTICE_TOO_SHORT), naming the earliest effective date', () => {
      const refusal = refusalOf(avonAndSomersetWithChair, giveNotice({ effectiveOn: '2020-12-15' }));
      expect(refusal.code).toBe('NOTICE_TOO_SHORT');
      expect(refusal.message).toMatch(
        /Notice to leave is 12 months: given on 2020-01-15, it takes effect on 2021-01-15 at the earliest/,
      );
      expect(refusal.details).toEqual({ earliestEffectiveOn: '2021-01-15' });
    });

    it('refuses notice one day short of 12 months', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ effectiveOn: '2021-01-14' }))
        .thenFails('NOTICE_TOO_SHORT');
    });

    it('refuses a notice effective on the day it is given', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ effectiveOn: NOTICE_GIVEN_ON }))
        .thenFails('NOTICE_TOO_SHORT');
    });

    it('accepts exactly 12 months', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ effectiveOn: '2021-01-15' }))
        .then([noticeToLeaveGiven({ effectiveOn: '2021-01-15' })]);
    });

    it('accepts longer notice', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ effectiveOn: '2021-06-30' }))
        .then([noticeToLeaveGiven({ effectiveOn: '2021-06-30' })]);
    });

    it('counts calendar months to the end of a shorter month: given on 29 February 2020, the earliest is 28 February 2021', () => {
      const given = { givenOn: '2020-02-29', now: '2020-02-29T12:00:00.000Z' };
      expect(refusalOf(avonAndSomersetWithChair, giveNotice({ ...given, effectiveOn: '2021-02-27' })).details).toEqual({
        earliestEffectiveOn: '2021-02-28',
      });
      spec
        .given(avonAndSomersetWithChair)
        .when(giveNotice({ ...given, effectiveOn: '2021-02-28' }))
        .then([noticeToLeaveGiven({ givenOn: '2020-02-29', effectiveOn: '2021-02-28' })]);
    });

    describe('a later terms version with 6 months’ notice, adopted on 1 January 2020', () => {
      const sixMonths = [...avonAndSomersetWithChair, termsVersion({ noticePeriodMonths: 6, adoptedOn: '2020-01-01' })];

      it('accepts 6 months’ notice given after its adoption', () => {
        spec
          .given(sixMonths)
          .when(giveNotice({ effectiveOn: '2020-07-15' }))
          .then([noticeToLeaveGiven({ effectiveOn: '2020-07-15' })]);
      });

      it('refuses 5 months’ notice given after its adoption, naming 15 July 2020', () => {
        const refusal = refusalOf(sixMonths, giveNotice({ effectiveOn: '2020-06-15' }));
        expect(refusal.code).toBe('NOTICE_TOO_SHORT');
        expect(refusal.details).toEqual({ earliestEffectiveOn: '2020-07-15' });
      });

      it('still asks 12 months of notice given the day before its adoption', () => {
        const refusal = refusalOf(
          sixMonths,
          giveNotice({ givenOn: '2019-12-31', effectiveOn: '2020-07-01', now: '2019-12-31T10:00:00.000Z' }),
        );
        expect(refusal.code).toBe('NOTICE_TOO_SHORT');
        expect(refusal.details).toEqual({ earliestEffectiveOn: '2020-12-31' });
      });
    });

    it('does not apply a version adopted after the given date, even if recorded before the notice', () => {
      const laterSixMonths = [
        ...avonAndSomersetWithChair,
        termsVersion({ noticePeriodMonths: 6, adoptedOn: '2020-06-01' }),
      ];
      expect(refusalOf(laterSixMonths, giveNotice({ effectiveOn: '2020-07-15' })).details).toEqual({
        earliestEffectiveOn: '2021-01-15',
      });
    });

    it('asks 18 months under a version that lengthens the period', () => {
      const eighteenMonths = [
        ...avonAndSomersetWithChair,
        termsVersion({ noticePeriodMonths: 18, adoptedOn: '2020-01-01' }),
      ];
      expect(refusalOf(eighteenMonths, giveNotice()).details).toEqual({ earliestEffectiveOn: '2021-07-15' });
      spec
        .given(eighteenMonths)
        .when(giveNotice({ effectiveOn: '2021-07-15' }))
        .then([noticeToLeaveGiven({ effectiveOn: '2021-07-15' })]);
    });
  });

  describe('one open notice per partner', () => {
    it('refuses a second open notice for the same partner (ALREADY_EXISTS)', () => {
      spec
        .given(withNotice)
        .when(giveNotice({ noticeId: 'notice-2', effectiveOn: '2021-06-30' }))
        .thenFails('ALREADY_EXISTS', /NHS Somerset CCG has already given notice/);
    });

    it('accepts a new notice once the first was withdrawn', () => {
      spec
        .given([...withNotice, noticeWithdrawn('2020-03-01')])
        .when(
          giveNotice({
            noticeId: 'notice-2',
            givenOn: '2020-04-01',
            effectiveOn: '2021-04-01',
            now: '2020-04-01T09:00:00.000Z',
          }),
        )
        .then([noticeToLeaveGiven({ noticeId: 'notice-2', givenOn: '2020-04-01', effectiveOn: '2021-04-01' })]);
    });

    it('is not blocked by another partner’s open notice, whose departure it does not count', () => {
      spec
        .given([...avonAndSomersetWithChair, policeNotice])
        .when(giveNotice())
        .then([noticeToLeaveGiven()]);
    });
  });

  it('is refused for an organisation that is not a core partner (NOT_FOUND)', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(
        giveNotice({
          partnerId: 'wiltshire-council',
          actor: { personId: 'w', partnerId: 'wiltshire-council', roles: ['REPRESENTATIVE'] },
        }),
      )
      .thenFails('NOT_FOUND', /has no core partner wiltshire-council/);
  });

  it('is refused for a partner that has been succeeded', () => {
    spec
      .given([...avonAndSomersetWithChair, partnerSucceeded()])
      .when(giveNotice({ givenOn: '2022-09-01', effectiveOn: '2023-09-01', now: afterIcbs }))
      .thenFails('VALIDATION_FAILED', /NHS Somerset CCG has been succeeded by NHS Somerset ICB/);
  });

  it('is recorded for the successor, through its own representative', () => {
    const icbDirector = {
      appointmentId: 'apt-icb-director',
      personId: 'icb-director',
      partnerId: 'somerset-icb',
      name: 'Ina Director',
      title: 'Chief Nurse',
      role: 'DELEGATED_SAFEGUARDING_PARTNER',
      seniority: 'DIRECTOR',
    };
    spec
      .given([...avonAndSomersetWithChair, partnerSucceeded(), appointed(icbDirector, '2022-07-01')])
      .when(
        giveNotice({
          partnerId: 'somerset-icb',
          givenOn: '2022-09-01',
          effectiveOn: '2023-09-01',
          now: afterIcbs,
          actor: representativeOf(icbDirector),
        }),
      )
      .then([
        noticeToLeaveGiven({
          partnerId: 'somerset-icb',
          partnerName: 'NHS Somerset ICB',
          givenOn: '2022-09-01',
          effectiveOn: '2023-09-01',
          // Sandra Corry's CCG seat ended with the CCG; the ICB's own seat ends with it: 10 - 1 = 9.
          consequences: {
            coverageGaps: [coverageGap(AREAS.somerset, 'HEALTH')],
            representativeCount: 9,
            quorumRequired: 6,
          },
        }),
      ]);
  });

  it('BUG: is refused for a partner that has already left (currentPartner ignores leftOn)', () => {
    // membership.decide.ts currentPartner only checks succeededBy, so a partner that left can give notice again.
    expect(() =>
      decide(
        afterDeparture,
        giveNotice({
          noticeId: 'notice-2',
          givenOn: '2021-02-01',
          effectiveOn: '2022-02-01',
          now: '2021-02-01T09:00:00.000Z',
        }),
      ),
    ).toThrow(DomainError);
  });

  it('BUG: is refused when its effective date has already passed on the day it is recorded (backdated given date)', () => {
    // Given "on" 1 January 2019, effective 1 January 2020, recorded on 15 January 2020: no notice at all
    // in fact, never withdrawable, and the departure rewrites who was a member on days already past.
    expect(() =>
      decide(avonAndSomersetWithChair, giveNotice({ givenOn: '2019-01-01', effectiveOn: '2020-01-01' })),
    ).toThrow(DomainError);
  });
});

describe('Withdrawing a notice (R13)', () => {
  it('records the withdrawal by the leaving partner’s representative before the effective date', () => {
    spec
      .given(withNotice)
      .when(withdraw('2020-03-01T09:00:00.000Z'))
      .then([noticeWithdrawn('2020-03-01')]);
  });

  it('can be withdrawn on the last day before it takes effect', () => {
    spec
      .given(withNotice)
      .when(withdraw('2021-01-14T23:59:59.999Z'))
      .then([noticeWithdrawn('2021-01-14')]);
  });

  it('can be withdrawn by another representative of the same partner (the police’s notice, given by Victoria Capel, withdrawn by Will White)', () => {
    spec
      .given([...avonAndSomersetWithChair, policeNotice])
      .when(withdraw('2020-03-01T09:00:00.000Z', { noticeId: 'notice-police', actor: willWhite }))
      .then([noticeWithdrawn('2020-03-01', 'notice-police')]);
  });

  it.each([
    ['another partner’s representative', representativeOf(REPRESENTATIVES.sheilaSmith)],
    ['the chair, for a partner not her own', meetingChair],
    ['the administrator', administrator],
    ['a stranger', stranger],
  ])('is refused to %s (FORBIDDEN)', (_who, actor) => {
    spec
      .given(withNotice)
      .when(withdraw('2020-03-01T09:00:00.000Z', { actor }))
      .thenFails('FORBIDDEN', /Only a representative of the leaving partner can withdraw its notice/);
  });

  it('is refused for a notice that does not exist (NOT_FOUND)', () => {
    spec
      .given(withNotice)
      .when(withdraw('2020-03-01T09:00:00.000Z', { noticeId: 'notice-unknown' }))
      .thenFails('NOT_FOUND', /There is no such notice to leave/);
    spec.given(avonAndSomersetWithChair).when(withdraw('2020-03-01T09:00:00.000Z')).thenFails('NOT_FOUND');
  });

  it('is refused once withdrawn', () => {
    spec
      .given([...withNotice, noticeWithdrawn('2020-03-01')])
      .when(withdraw('2020-04-01T09:00:00.000Z'))
      .thenFails('VALIDATION_FAILED', /The notice is already withdrawn/);
  });

  it('is refused once it has taken effect', () => {
    spec
      .given(afterDeparture)
      .when(withdraw('2021-02-01T09:00:00.000Z'))
      .thenFails('VALIDATION_FAILED', /The notice is already effective/);
  });

  it.each([
    ['on the effective date', '2021-01-15T00:00:00.000Z'],
    ['after the effective date', '2021-03-01T09:00:00.000Z'],
  ])('is refused %s, even before the scheduler has recorded the departure', (_when, at) => {
    spec
      .given(withNotice)
      .when(withdraw(at))
      .thenFails('VALIDATION_FAILED', /The notice has taken effect; it can no longer be withdrawn/);
  });
});

describe('Applying due notices (R13: on the effective date, exactly once)', () => {
  it('does nothing before the effective date', () => {
    spec.given(withNotice).when(applyDueNotices('2021-01-14T23:59:59.999Z')).then([]);
  });

  it('does nothing when no notice is open', () => {
    spec.given(avonAndSomersetWithChair).when(applyDueNotices('2021-01-15T00:00:00.000Z')).then([]);
  });

  it('records NHS Somerset CCG leaving on the effective date: Sandra Corry’s seat ends and Somerset has no health partner', () => {
    spec.given(withNotice).when(applyDueNotices('2021-01-15T00:00:00.000Z')).then([partnerLeft()]);
  });

  it('records the departure as of the effective date when the scheduler runs later (after a restart)', () => {
    spec
      .given(withNotice)
      .when(applyDueNotices('2021-03-01T09:00:00.000Z'))
      .then([partnerLeft({ leftOn: NOTICE_EFFECTIVE_ON })]);
  });

  it('records it exactly once: asked again, on the day or later, it decides nothing', () => {
    spec.given(afterDeparture).when(applyDueNotices('2021-01-15T00:01:00.000Z')).then([]);
    spec.given(afterDeparture).when(applyDueNotices('2022-01-15T00:00:00.000Z')).then([]);
  });

  it('never applies a withdrawn notice', () => {
    spec
      .given([...withNotice, noticeWithdrawn('2020-03-01')])
      .when(applyDueNotices('2021-01-15T00:00:00.000Z'))
      .then([]);
    spec
      .given([...withNotice, noticeWithdrawn('2020-03-01')])
      .when(applyDueNotices('2025-01-01T00:00:00.000Z'))
      .then([]);
  });

  it('ends both police seats, vacates the deputy chair held by Victoria Capel, and leaves all five areas without police', () => {
    spec
      .given([...avonAndSomersetWithChair, policeNotice])
      .when(applyDueNotices('2021-01-15T00:00:00.000Z'))
      .then([
        partnerLeft({
          noticeId: 'notice-police',
          partnerId: 'police',
          endedAppointmentIds: [REPRESENTATIVES.victoriaCapel.appointmentId, REPRESENTATIVES.willWhite.appointmentId],
          postsVacated: ['DEPUTY_CHAIR'],
          coverageGaps: ALL_FIVE.map((area) => coverageGap(area, 'POLICE')),
        }),
      ]);
  });

  it('vacates the chair when the chair’s partner leaves (Bristol City Council, Jacqui Jensen)', () => {
    const bristolNotice = noticeToLeaveGiven({
      noticeId: 'notice-bristol',
      partnerId: 'bristol-council',
      partnerName: 'Bristol City Council',
      areaIds: ['bristol'],
    });
    spec
      .given([...avonAndSomersetWithChair, bristolNotice])
      .when(applyDueNotices('2021-01-15T00:00:00.000Z'))
      .then([
        partnerLeft({
          noticeId: 'notice-bristol',
          partnerId: 'bristol-council',
          endedAppointmentIds: [REPRESENTATIVES.jacquiJensen.appointmentId],
          postsVacated: ['CHAIR'],
          coverageGaps: [coverageGap(AREAS.bristol, 'LOCAL_AUTHORITY')],
        }),
      ]);
    expect(
      groupAfter([
        ...avonAndSomersetWithChair,
        bristolNotice,
        ...decide([...avonAndSomersetWithChair, bristolNotice], applyDueNotices('2021-01-15T00:00:00.000Z')),
      ]).chair,
    ).toBeNull();
  });

  it('vacates no post in a group without a chair', () => {
    spec
      .given([...avonAndSomerset, noticeToLeaveGiven()])
      .when(applyDueNotices('2021-01-15T00:00:00.000Z'))
      .then([partnerLeft()]);
  });

  it('does not end a seat that had already ended before the effective date (Will White left on 30 June 2020)', () => {
    spec
      .given([
        ...avonAndSomersetWithChair,
        appointmentEnded(REPRESENTATIVES.willWhite.appointmentId, '2020-06-30'),
        policeNotice,
      ])
      .when(applyDueNotices('2021-01-15T00:00:00.000Z'))
      .then([
        partnerLeft({
          noticeId: 'notice-police',
          partnerId: 'police',
          endedAppointmentIds: [REPRESENTATIVES.victoriaCapel.appointmentId],
          postsVacated: ['DEPUTY_CHAIR'],
          coverageGaps: ALL_FIVE.map((area) => coverageGap(area, 'POLICE')),
        }),
      ]);
  });

  it('applies only the notices that are due', () => {
    const laterPolice = noticeToLeaveGiven({ ...policeNotice.data, effectiveOn: '2021-06-30' });
    spec
      .given([...withNotice, laterPolice])
      .when(applyDueNotices('2021-02-01T09:00:00.000Z'))
      .then([partnerLeft()]);
  });

  it('applies two notices due together one after the other: the second reports only the gaps it creates', () => {
    const somersetCouncilNotice = noticeToLeaveGiven({
      noticeId: 'notice-somerset-council',
      partnerId: 'somerset-council',
      partnerName: 'Somerset County Council',
    });
    spec
      .given([...withNotice, somersetCouncilNotice])
      .when(applyDueNotices('2021-01-15T00:00:00.000Z'))
      .then([
        partnerLeft(),
        partnerLeft({
          noticeId: 'notice-somerset-council',
          partnerId: 'somerset-council',
          endedAppointmentIds: [REPRESENTATIVES.julianWooster.appointmentId],
          coverageGaps: [coverageGap(AREAS.somerset, 'LOCAL_AUTHORITY')],
        }),
      ]);
  });

  describe('after NHS Somerset CCG has left', () => {
    const before = groupAfter(withNotice);
    const after = groupAfter(afterDeparture);

    it('is no longer a current partner: 8 remain', () => {
      expect(currentPartners(before).map((p) => p.partnerId)).toContain('somerset-ccg');
      expect(currentPartners(after).map((p) => p.partnerId)).toEqual(
        CURRENT_PARTNERS.map((p) => p.partnerId).filter((id) => id !== 'somerset-ccg'),
      );
      expect(after.partners['somerset-ccg'].leftOn).toBe(NOTICE_EFFECTIVE_ON);
    });

    it('has no current representative from the effective date: Sandra Corry’s seat is current the day before, not on the day', () => {
      const seats = (date: string) => currentAppointments(after, date).map((a) => a.appointmentId);
      expect(seats('2021-01-14')).toContain(REPRESENTATIVES.sandraCorry.appointmentId);
      expect(seats(NOTICE_EFFECTIVE_ON)).not.toContain(REPRESENTATIVES.sandraCorry.appointmentId);
      expect(seats(NOTICE_EFFECTIVE_ON)).toHaveLength(9);
      expect(after.appointments.get(REPRESENTATIVES.sandraCorry.appointmentId)!.endDate).toBe(NOTICE_EFFECTIVE_ON);
    });

    it('changes the quorum from the effective date: 9 representatives, quorum 6', () => {
      expect(quorumOf(before, NOTICE_EFFECTIVE_ON)).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
      expect(quorumOf(after, NOTICE_EFFECTIVE_ON)).toEqual({ percentage: 66, representativeCount: 9, required: 6 });
      expect(quorumOf(after, '2022-01-01')).toEqual({ percentage: 66, representativeCount: 9, required: 6 });
    });

    it('leaves the quorum of dates before the departure as it was (A3): 10 representatives, quorum 7', () => {
      expect(quorumOf(after, '2021-01-14')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
      expect(quorumOf(after, '2020-03-12')).toEqual(quorumOf(before, '2020-03-12'));
      expect(quorumOf(after, '2020-03-12')).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
    });

    it('shows Somerset without a health partner', () => {
      expect(coverageOn(after, NOTICE_EFFECTIVE_ON).find((area) => area.areaId === 'somerset')?.missing).toEqual([
        'HEALTH',
      ]);
      expect(coverageOn(before, NOTICE_EFFECTIVE_ON).find((area) => area.areaId === 'somerset')?.missing).toEqual([]);
    });

    it('marks the notice effective', () => {
      expect(before.notices[NOTICE_ID].status).toBe('OPEN');
      expect(after.notices[NOTICE_ID].status).toBe('EFFECTIVE');
    });
  });
});

describe('Notices in a dissolved group (R14)', () => {
  const agreedBy = (partnerId: string): RegionalGroupEvent => ({
    type: 'DissolutionAgreed',
    data: { partnerId, meetingId: MEETING_ID },
  });
  const dissolvedWithNotice: RegionalGroupEvent[] = [
    ...withNotice,
    ...CURRENT_PARTNERS.map((p) => agreedBy(p.partnerId)),
    { type: 'RegionalGroupDissolved', data: { dissolvedAt: now, meetingId: MEETING_ID } },
  ];
  const dissolvedMessage = new RegExp(`${GROUP_NAME} was dissolved on 2020-01-15; it takes no further business`);

  it('refuses a notice to leave (GROUP_DISSOLVED)', () => {
    spec
      .given(dissolvedWithNotice)
      .when(giveNotice({ noticeId: 'notice-police', partnerId: 'police', actor: victoriaCapel }))
      .thenFails('GROUP_DISSOLVED', dissolvedMessage);
  });

  it('refuses to withdraw a notice (GROUP_DISSOLVED)', () => {
    spec
      .given(dissolvedWithNotice)
      .when(withdraw('2020-03-01T09:00:00.000Z'))
      .thenFails('GROUP_DISSOLVED', dissolvedMessage);
  });

  it('answers the scheduler with nothing, without throwing, even for a notice that has come due', () => {
    expect(groupAfter(dissolvedWithNotice).notices[NOTICE_ID].status).toBe('OPEN');
    spec.given(dissolvedWithNotice).when(applyDueNotices('2021-01-15T00:00:00.000Z')).then([]);
    spec.given(dissolvedWithNotice).when(applyDueNotices('2020-02-01T00:00:00.000Z')).then([]);
  });
});

describe('departureConsequences (R3, R13): a notice not yet effective, against the group as it stands', () => {
  /** An area added after NHS Somerset CCG gave notice, covered by it and the police only. */
  const newUnitaryAdded = newAreaEvents(groupAfter(withNotice), {
    areaId: 'new-unitary',
    name: 'New Unitary',
    addedOn: '2020-06-01',
    coveringPartnerIds: ['somerset-ccg', 'police'],
  });

  it('given the notice, then an area the leaving partner covers added after it, the departure leaves that area without health too', () => {
    const group = groupAfter([...withNotice, ...newUnitaryAdded]);
    expect(departureConsequences(group, NOTICE_ID, 'somerset-ccg', NOTICE_EFFECTIVE_ON)).toEqual({
      coverageGaps: [
        coverageGap(AREAS.somerset, 'HEALTH'),
        { areaId: 'new-unitary', areaName: 'New Unitary', agencyType: 'HEALTH' },
      ],
      representativeCount: 9,
      quorumRequired: 6,
    });
  });

  it('given only the notice, then the consequences are those recorded when it was given', () => {
    const given = noticeToLeaveGiven();
    expect(departureConsequences(groupAfter(withNotice), NOTICE_ID, 'somerset-ccg', NOTICE_EFFECTIVE_ON)).toEqual(
      given.type === 'NoticeToLeaveGiven' && given.data.consequences,
    );
  });
});
