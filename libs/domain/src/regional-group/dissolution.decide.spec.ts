import { fold } from '../shared/decider';
import { Actor } from '../shared/roles';
import { meetingDecider } from '../meetings/meeting.decider';
import { MeetingEvent } from '../meetings/meeting.events';
import { Meeting, meetingQuorum, presentRepresentatives } from '../meetings/meeting.state';
import {
  administrator,
  attendanceRecorded,
  avonAndSomersetWithChair,
  command,
  CURRENT_PARTNERS,
  dissolutionMeeting,
  GROUP_ID,
  groupAfter,
  groupFacts,
  MEETING_ID,
  meetingChair,
  meetingCommand,
  meetingOpened,
  meetingScheduled,
  now,
  partnerSucceeded,
  presentInPerson,
  quorateMeeting,
  representativeOf,
  REPRESENTATIVES,
  stranger,
  SNAPSHOT_REPRESENTATIVES,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { RecordDissolutionAgreement } from './regional-group.commands';
import { regionalGroupDecider } from './regional-group.decider';
import { DissolutionAgreed, RegionalGroupDissolved, RegionalGroupEvent } from './regional-group.events';

const spec = specification(regionalGroupDecider);

type MeetingFacts = RecordDissolutionAgreement['data']['meeting'];

/** The representative each partner agrees through (the police have two; Victoria Capel by default). */
const REPRESENTATIVE_OF_PARTNER: Record<string, Actor> = Object.fromEntries(
  [...Object.values(REPRESENTATIVES)].reverse().map((rep) => [rep.partnerId, representativeOf(rep)]),
);

const agree = (partnerId: string, overrides: { actor?: Actor; meeting?: MeetingFacts } = {}) =>
  command('RecordDissolutionAgreement', {
    partnerId,
    meeting: dissolutionMeeting(),
    actor: REPRESENTATIVE_OF_PARTNER[partnerId],
    ...overrides,
  });
const agreed = (partnerId: string, meetingId = MEETING_ID): DissolutionAgreed => ({
  type: 'DissolutionAgreed',
  data: { partnerId, meetingId },
});
const dissolved = (meetingId = MEETING_ID, dissolvedAt = now): RegionalGroupDissolved => ({
  type: 'RegionalGroupDissolved',
  data: { dissolvedAt, meetingId },
});

const PARTNER_IDS = CURRENT_PARTNERS.map((p) => p.partnerId);
/** Every partner but the police has agreed. */
const eightAgreed: RegionalGroupEvent[] = [
  ...avonAndSomersetWithChair,
  ...PARTNER_IDS.filter((id) => id !== 'police').map((id) => agreed(id)),
];
const dissolvedGroup: RegionalGroupEvent[] = [...eightAgreed, agreed('police'), dissolved()];

/** What a dissolution agreement reads of a meeting from its stream. */
const meetingFactsOf = (events: readonly MeetingEvent[]): MeetingFacts => {
  const state = fold(meetingDecider, events);
  if (state.status === 'NONE') throw new Error('no meeting');
  const meeting: Meeting = state;
  return {
    meetingId: meeting.meetingId,
    groupId: meeting.groupId,
    open: meeting.status === 'OPEN',
    quorate: meetingQuorum(meeting).isQuorate,
    presentPartnerIds: [...new Set(presentRepresentatives(meeting).map((rep) => rep.partnerId))],
    presentPersonIds: presentRepresentatives(meeting).map((rep) => rep.personId),
  };
};

describe('Agreeing to dissolve (R14)', () => {
  it('records the first partner’s agreement without dissolving the group', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('somerset-council'))
      .then([agreed('somerset-council')]);
  });

  it.each([
    ['Victoria Capel', REPRESENTATIVES.victoriaCapel],
    ['Will White', REPRESENTATIVES.willWhite],
  ])('records the police’s agreement through either of its representatives (%s)', (_name, rep) => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('police', { actor: representativeOf(rep) }))
      .then([agreed('police')]);
  });

  it('records the chair’s agreement for her own partner', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('bristol-council', { actor: meetingChair }))
      .then([agreed('bristol-council')]);
  });

  it.each([
    ['another partner’s representative', representativeOf(REPRESENTATIVES.sheilaSmith)],
    ['the chair, for a partner not her own', meetingChair],
    ['the administrator', administrator],
    ['a stranger', stranger],
  ])('is refused to %s (FORBIDDEN)', (_who, actor) => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('somerset-council', { actor }))
      .thenFails('FORBIDDEN', /Only a representative of Somerset County Council can record its agreement to dissolve/);
  });

  it('is refused at a meeting of another group', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('somerset-council', { meeting: dissolutionMeeting({ groupId: 'another-group' }) }))
      .thenFails('VALIDATION_FAILED', /That meeting is not a meeting of this group/);
  });

  it('is refused at a meeting that is not open (MEETING_NOT_OPEN)', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('somerset-council', { meeting: dissolutionMeeting({ open: false }) }))
      .thenFails('MEETING_NOT_OPEN', /recorded at an open meeting/);
  });

  it('is refused at an inquorate meeting (QUORUM_NOT_MET)', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(agree('somerset-council', { meeting: dissolutionMeeting({ quorate: false }) }))
      .thenFails('QUORUM_NOT_MET', /recorded at a quorate meeting/);
  });

  it('is refused when no representative of the partner is present in person', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(
        agree('somerset-council', {
          meeting: dissolutionMeeting({ presentPartnerIds: PARTNER_IDS.filter((id) => id !== 'somerset-council') }),
        }),
      )
      .thenFails(
        'VALIDATION_FAILED',
        /No representative of Somerset County Council is present in person at the meeting/,
      );
  });

  it('is refused twice for the same partner (ALREADY_EXISTS)', () => {
    spec
      .given([...avonAndSomersetWithChair, agreed('somerset-council', 'asssp-2019-12')])
      .when(agree('somerset-council'))
      .thenFails('ALREADY_EXISTS', /Somerset County Council has already agreed/);
  });

  it('is refused for an organisation that is not a core partner (NOT_FOUND)', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(
        agree('wiltshire-council', {
          actor: { personId: 'w', partnerId: 'wiltshire-council', roles: ['REPRESENTATIVE'] },
        }),
      )
      .thenFails('NOT_FOUND', /has no core partner wiltshire-council/);
  });

  it('is refused for a partner that has been succeeded', () => {
    spec
      .given([...avonAndSomersetWithChair, partnerSucceeded()])
      .when(agree('somerset-ccg'))
      .thenFails('VALIDATION_FAILED', /NHS Somerset CCG has been succeeded by NHS Somerset ICB/);
  });

  it('dissolves the group in the same decision when the 9th partner agrees', () => {
    spec
      .given(eightAgreed)
      .when(agree('police'))
      .then([agreed('police'), dissolved()]);
    expect(groupAfter(dissolvedGroup).dissolvedAt).toBe(now);
    expect(groupAfter(dissolvedGroup).dissolutionAgreements).toHaveLength(9);
  });

  it('does not dissolve while one partner has not agreed', () => {
    const sevenAgreed = eightAgreed.filter(
      (e) => !(e.type === 'DissolutionAgreed' && e.data.partnerId === 'banes-ccg'),
    );
    spec
      .given(sevenAgreed)
      .when(agree('police'))
      .then([agreed('police')]);
  });

  it('gathers agreements over several meetings and dissolves at the meeting of the last', () => {
    const overTwoMeetings = [
      ...avonAndSomersetWithChair,
      ...PARTNER_IDS.filter((id) => id !== 'police').map((id) => agreed(id, 'asssp-2019-12')),
    ];
    spec
      .given(overTwoMeetings)
      .when(agree('police', { meeting: dissolutionMeeting({ meetingId: 'asssp-2020-03' }) }))
      .then([agreed('police', 'asssp-2020-03'), dissolved('asssp-2020-03')]);
  });

  it('needs the agreement of a partner admitted after the others agreed', () => {
    const admitted: RegionalGroupEvent = {
      type: 'CorePartnerAdmitted',
      data: {
        partnerId: 'education',
        name: 'Avon and Somerset Schools Forum',
        agencyType: 'EDUCATION',
        areaIds: ['bristol'],
        admittedOn: '2020-01-01',
      },
    };
    spec
      .given([...eightAgreed, admitted])
      .when(agree('police'))
      .then([agreed('police')]);
    spec
      .given([...eightAgreed, admitted, agreed('police')])
      .when(
        agree('education', {
          actor: { personId: 'head', partnerId: 'education', roles: ['REPRESENTATIVE'] },
          meeting: dissolutionMeeting({ presentPartnerIds: ['education'], presentPersonIds: ['head'] }),
        }),
      )
      .then([agreed('education'), dissolved()]);
  });

  it('needs the successor’s agreement, not the succeeded partner’s', () => {
    const withoutSomersetCcg = [
      ...avonAndSomersetWithChair,
      partnerSucceeded(),
      ...PARTNER_IDS.filter((id) => id !== 'somerset-ccg' && id !== 'police').map((id) => agreed(id)),
    ];
    spec
      .given(withoutSomersetCcg)
      .when(agree('police'))
      .then([agreed('police')]);
    spec
      .given([...withoutSomersetCcg, agreed('police')])
      .when(
        agree('somerset-icb', {
          actor: { personId: 'icb-director', partnerId: 'somerset-icb', roles: ['REPRESENTATIVE'] },
          meeting: dissolutionMeeting({ presentPartnerIds: ['somerset-icb'], presentPersonIds: ['icb-director'] }),
        }),
      )
      .then([agreed('somerset-icb'), dissolved()]);
  });

  it('is refused through a representative who is not present, even when a colleague from the partner is (R41)', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(
        agree('police', {
          meeting: dissolutionMeeting({
            presentPersonIds: SNAPSHOT_REPRESENTATIVES.filter(
              (r) => r.partnerId !== 'police' || r.name !== 'Victoria Capel',
            ).map((r) => r.personId),
          }),
        }),
      )
      .thenFails('VALIDATION_FAILED', /present in person/);
  });

  describe('read from the meeting’s own stream', () => {
    const atMeeting = (events: readonly MeetingEvent[]) => ({ meeting: meetingFactsOf(events) });

    it('is recorded for a partner whose representative is present at the quorate meeting', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(agree('somerset-council', atMeeting(quorateMeeting)))
        .then([agreed('somerset-council')]);
    });

    it('is refused for a partner represented only by a substitute', () => {
      const substituted = [
        ...quorateMeeting,
        attendanceRecorded(REPRESENTATIVES.sandraCorry, 'APOLOGIES', {
          name: 'Alex Deputy',
          organisation: 'NHS Somerset CCG',
        }),
      ];
      spec
        .given(avonAndSomersetWithChair)
        .when(agree('somerset-ccg', atMeeting(substituted)))
        .thenFails('VALIDATION_FAILED', /No representative of NHS Somerset CCG is present/);
    });

    it('is refused at a meeting with 6 present plus a substitute', () => {
      const inquorate = [
        meetingScheduled(),
        meetingOpened(),
        ...presentInPerson(6),
        attendanceRecorded(REPRESENTATIVES.victoriaCapel, 'ABSENT', {
          name: 'Sam Inspector',
          organisation: 'Avon and Somerset Police',
        }),
      ];
      spec
        .given(avonAndSomersetWithChair)
        .when(agree('somerset-council', atMeeting(inquorate)))
        .thenFails('QUORUM_NOT_MET');
    });

    it('is refused at a meeting that is only scheduled', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(agree('somerset-council', atMeeting([meetingScheduled()])))
        .thenFails('MEETING_NOT_OPEN');
    });

    it('is refused at a meeting of another group', () => {
      const elsewhere = [meetingScheduled({ groupId: 'wessex' }), meetingOpened(), ...presentInPerson(7)];
      spec
        .given(avonAndSomersetWithChair)
        .when(agree('somerset-council', atMeeting(elsewhere)))
        .thenFails('VALIDATION_FAILED', /not a meeting of this group/);
    });
  });
});

describe('A dissolved group (R14)', () => {
  it.each([
    [
      'AdmitCorePartner',
      command('AdmitCorePartner', {
        partnerId: 'education',
        name: 'Schools Forum',
        agencyType: 'EDUCATION',
        areaIds: ['bristol'],
        admittedOn: '2020-02-01',
      }),
    ],
    ['AppointChair', command('AppointChair', { appointmentId: REPRESENTATIVES.mikeBowden.appointmentId })],
    ['AppointDeputyChair', command('AppointDeputyChair', { appointmentId: REPRESENTATIVES.lisaHarvey.appointmentId })],
    ['RotateChair', command('RotateChair', { newDeputyAppointmentId: REPRESENTATIVES.lisaHarvey.appointmentId })],
    [
      'EndRepresentativeAppointment',
      command('EndRepresentativeAppointment', {
        appointmentId: REPRESENTATIVES.willWhite.appointmentId,
        endDate: '2020-02-01',
        reason: 'Left.',
      }),
    ],
    [
      'RecordTermsOfReferenceReview',
      command('RecordTermsOfReferenceReview', { reviewedOn: '2020-01-15', notes: 'Reviewed.' }),
    ],
    ['RecordDissolutionAgreement', agree('police')],
  ])('refuses %s with GROUP_DISSOLVED', (_type, sent) => {
    spec
      .given(dissolvedGroup)
      .when(sent)
      .thenFails(
        'GROUP_DISSOLVED',
        /Avon and Somerset Strategic Safeguarding Partnership was dissolved on 2020-01-15; it takes no further business/,
      );
  });

  it('cannot be established again', () => {
    spec
      .given(dissolvedGroup)
      .when(
        command('EstablishRegionalGroup', {
          groupId: GROUP_ID,
          name: 'Avon and Somerset Strategic Safeguarding Partnership',
          areas: [],
        }),
      )
      .thenFails('ALREADY_EXISTS');
  });

  it('schedules and opens no more meetings (GROUP_DISSOLVED)', () => {
    const meetings = specification(meetingDecider);
    const facts = groupFacts({ dissolved: groupAfter(dissolvedGroup).dissolvedAt !== null });
    meetings
      .given([])
      .when(
        meetingCommand('ScheduleMeeting', {
          meetingId: 'asssp-2020-06',
          groupId: GROUP_ID,
          startsAt: '2020-06-11T10:00:00Z',
          place: 'Portishead',
          group: facts,
        }),
      )
      .thenFails('GROUP_DISSOLVED');
    meetings
      .given([meetingScheduled()])
      .when(meetingCommand('OpenMeeting', { group: facts }))
      .thenFails('GROUP_DISSOLVED');
  });
});
