import {
  DecisionRecorded,
  LocalPublicationRecorded,
  MeetingDetailsCorrected,
  MeetingEvent,
  meetingStream,
  MinutesCorrected,
  RecommendationResponded,
  WrittenViewsSubmitted,
} from '@app/domain';
import {
  AREAS,
  attendanceRecorded,
  GROUP_ID,
  MEETING_ID,
  MEETING_STARTS_AT,
  meetingClosed,
  meetingNow,
  meetingOpened,
  meetingScheduled,
  meetingWithPublishedMinutes,
  minutesApproved,
  minutesDrafted,
  minutesPublished,
  presentInPerson,
  quorateMeeting,
  recommendationMade,
  REPRESENTATIVES,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec, RECORDED_AT } from '../testing/projection-spec';
import { meetingsProjection } from './meetings.projection';

const spec = projectionSpec(meetingsProjection);
const meeting = (...events: MeetingEvent[]) => inStream(meetingStream(MEETING_ID), events);
const present = presentInPerson(7).map((e) => e.data.appointmentId);

const decisionRecorded: DecisionRecorded = {
  type: 'DecisionRecorded',
  data: {
    decisionId: 'dec-2020-03-escalation',
    text: 'Adopt the regional escalation procedure.',
    agreedBy: present,
    decidedOn: '2020-03-12',
  },
};
const writtenViews: WrittenViewsSubmitted = {
  type: 'WrittenViewsSubmitted',
  data: {
    appointmentId: REPRESENTATIVES.sandraCorry.appointmentId,
    agendaItem: 'Regional escalation procedure',
    views: 'NHS Somerset CCG supports the procedure.',
    submittedOn: '2020-03-10',
  },
};
const responded: RecommendationResponded = {
  type: 'RecommendationResponded',
  data: {
    recommendationId: 'rec-1',
    partnerId: 'police',
    response: 'ACCEPTED',
    reason: null,
    respondedOn: '2020-04-01',
  },
};
const corrected: MinutesCorrected = {
  type: 'MinutesCorrected',
  data: { text: 'Sheila Smith sent apologies.', reason: 'Attendance was misrecorded.', areas: [AREAS.bristol] },
};
const localPublication: LocalPublicationRecorded = {
  type: 'LocalPublicationRecorded',
  data: { areaId: 'bristol', address: 'https://bristolsafeguarding.org/minutes/2020-03', publishedOn: '2020-03-25' },
};

describe('the meetings projection', () => {
  it('records a scheduled meeting under its group', () =>
    spec
      .given()
      .when(meeting(meetingScheduled()))
      .then({
        meetings: [
          {
            meeting_id: MEETING_ID,
            group_id: GROUP_ID,
            starts_at: MEETING_STARTS_AT,
            place: 'Police Headquarters, Portishead',
            status: 'SCHEDULED',
            minutes_stage: 'NONE',
            // Booked on 12 March 2020 (RECORDED_AT) for later that day.
            scheduled_on: '2020-03-12',
            sort_key: 1,
          },
        ],
      }));

  it('has a meeting entered after it was held exist from its own day, and one booked ahead from the day it was booked (A3)', () =>
    spec
      .given()
      .when(
        inStream(meetingStream(MEETING_ID), meetingScheduled(), { occurredAt: '2026-11-20T10:00:00.000Z' }),
        inStream(
          meetingStream('december-2026'),
          meetingScheduled({ meetingId: 'december-2026', startsAt: '2026-12-10T10:00:00.000Z' }),
          {
            occurredAt: '2026-11-20T10:05:00.000Z',
          },
        ),
      )
      .then({
        meetings: [
          { starts_at: MEETING_STARTS_AT, scheduled_on: '2020-03-12' },
          { starts_at: '2026-12-10T10:00:00.000Z', scheduled_on: '2026-11-20' },
        ],
      }));

  it('has a meeting entered after it was held exist from the day entered for its booking (A3)', () =>
    spec
      .given()
      .when(
        inStream(meetingStream(MEETING_ID), meetingScheduled({ bookedOn: '2019-12-12' }), {
          occurredAt: '2026-11-20T10:00:00.000Z',
        }),
      )
      .then({
        meetings: [
          {
            starts_at: MEETING_STARTS_AT,
            booked_on: '2026-11-20',
            booked_on_entered: '2019-12-12',
            scheduled_on: '2019-12-12',
          },
        ],
      }));

  it('has a correction that enters the day its meeting was booked again list it from that day, and a later correction without one keep it', () => {
    const correctedTo = (startsAt: string, bookedOn?: string): MeetingDetailsCorrected => ({
      type: 'MeetingDetailsCorrected',
      data: {
        startsAt,
        place: 'Bristol City Hall',
        reason: 'The date was mistyped.',
        ...(bookedOn ? { bookedOn } : {}),
        snapshot: null,
      },
    });
    return spec
      .given(
        inStream(meetingStream(MEETING_ID), meetingScheduled({ bookedOn: '2020-03-05' }), {
          occurredAt: '2020-03-06T10:00:00.000Z',
        }),
      )
      .when(meeting(correctedTo('2020-03-03T10:00:00.000Z', '2020-02-20')), meeting(correctedTo(MEETING_STARTS_AT)))
      .then({
        meetings: [
          { starts_at: MEETING_STARTS_AT, booked_on_entered: '2020-03-05', scheduled_on: '2020-03-05', recorded_to: 2 },
          {
            starts_at: '2020-03-03T10:00:00.000Z',
            booked_on_entered: '2020-02-20',
            scheduled_on: '2020-02-20',
            recorded_to: 3,
          },
          {
            starts_at: MEETING_STARTS_AT,
            booked_on_entered: '2020-02-20',
            scheduled_on: '2020-02-20',
            recorded_to: null,
          },
        ],
      });
  });

  it('opens a meeting with its quorum and a seat for each of the 10 representatives snapshotted', () =>
    spec
      .given(meeting(meetingScheduled()))
      .when(meeting(meetingOpened()))
      .then({
        meetings: [{ status: 'OPEN', opened_at: meetingNow, quorum_percentage: 66, required: 7 }],
        meeting_seats: Object.values(REPRESENTATIVES).map((rep, ordinal) => ({
          appointment_id: rep.appointmentId,
          name: rep.name,
          partner_id: rep.partnerId,
          ordinal,
          status: null,
        })),
      }));

  it('records attendance, with a substitute who attends for a representative (R8)', () =>
    spec
      .given(meeting(meetingScheduled(), meetingOpened()))
      .when(
        meeting(
          attendanceRecorded(REPRESENTATIVES.chrisSivers),
          attendanceRecorded(REPRESENTATIVES.sheilaSmith, 'APOLOGIES', {
            name: 'Deputy Director',
            organisation: 'North Somerset Council',
          }),
        ),
      )
      .then({
        meeting_seats: Object.values(REPRESENTATIVES).map((rep) => ({
          appointment_id: rep.appointmentId,
          status:
            ({ 'Chris Sivers': 'PRESENT', 'Sheila Smith': 'APOLOGIES' } as Record<string, string>)[rep.name] ?? null,
          substitute_name: rep.name === 'Sheila Smith' ? 'Deputy Director' : null,
          substitute_organisation: rep.name === 'Sheila Smith' ? 'North Somerset Council' : null,
        })),
      }));

  it("attaches an absent representative's written views and records decisions with who agreed them", () =>
    spec
      .given(meeting(...quorateMeeting))
      .when(meeting(writtenViews, decisionRecorded))
      .then({
        written_views: [
          {
            meeting_id: MEETING_ID,
            appointment_id: 'apt-sandra-corry',
            agenda_item: 'Regional escalation procedure',
            views: 'NHS Somerset CCG supports the procedure.',
            submitted_on: '2020-03-10',
            sort_key: 10,
          },
        ],
        decisions: [
          {
            decision_id: 'dec-2020-03-escalation',
            meeting_id: MEETING_ID,
            text: 'Adopt the regional escalation procedure.',
            agreed_by: JSON.stringify(present),
            sort_key: 11,
          },
        ],
      }));

  it('files a recommendation under the meeting’s group with a row per target organisation, and records a response', () =>
    spec
      .given(meeting(...quorateMeeting))
      .when(meeting(recommendationMade(), responded))
      .then({
        recommendations: [
          {
            recommendation_id: 'rec-1',
            meeting_id: MEETING_ID,
            group_id: GROUP_ID,
            due_date: '2020-06-30',
            sort_key: 10,
          },
        ],
        recommendation_targets: [
          {
            recommendation_id: 'rec-1',
            partner_id: 'police',
            response: 'ACCEPTED',
            reason: null,
            responded_at: RECORDED_AT,
          },
          {
            recommendation_id: 'rec-1',
            partner_id: 'bristol-council',
            response: null,
            reason: null,
            responded_at: null,
          },
        ],
      }));

  it('closes a meeting and carries its minutes from draft to approval to publication', () =>
    spec
      .given(meeting(...quorateMeeting))
      .when(meeting(meetingClosed, minutesDrafted(), minutesApproved(), minutesPublished()))
      .then({
        meetings: [
          {
            status: 'CLOSED',
            closed_at: '2020-03-12T12:30:00.000Z',
            minutes_stage: 'PUBLISHED',
            minutes_text: 'Minutes of the March 2020 meeting.',
            minutes_approved_on: '2020-03-20',
            minutes_approved_at_meeting: null,
            minutes_published_at: '2020-03-21T09:00:00.000Z',
            minutes_published_on: '2020-03-21',
          },
        ],
      }));

  it('keeps the drafted text when minutes are only moved to a later stage', () =>
    spec
      .given(meeting(...quorateMeeting, meetingClosed))
      .when(meeting(minutesDrafted('First draft.'), minutesDrafted('Second draft.')))
      .then({ meetings: [{ minutes_stage: 'DRAFT', minutes_text: 'Second draft.' }] }));

  it('keeps a correction beside the published minutes and records where each area published them', () =>
    spec
      .given(meeting(...meetingWithPublishedMinutes))
      .when(meeting(corrected, localPublication))
      .then({
        meetings: [{ minutes_stage: 'PUBLISHED', minutes_text: 'Minutes of the March 2020 meeting.' }],
        minutes_corrections: [
          {
            text: 'Sheila Smith sent apologies.',
            reason: 'Attendance was misrecorded.',
            corrected_at: RECORDED_AT,
            sort_key: 14,
          },
        ],
        local_publications: [
          {
            meeting_id: MEETING_ID,
            area_id: 'bristol',
            address: 'https://bristolsafeguarding.org/minutes/2020-03',
            published_on: '2020-03-25',
          },
        ],
      }));

  it('ignores a recommendation for a meeting it has never seen scheduled: there is no group to file it under', () =>
    spec.given().when(meeting(recommendationMade())).then({ recommendations: [], recommendation_targets: [] }));

  it('records what it can of other events for a meeting it has never seen, and invents no meeting', () =>
    spec
      .given()
      .when(meeting(meetingOpened(), decisionRecorded, meetingClosed))
      .then({ meetings: [], decisions: [{ decision_id: 'dec-2020-03-escalation', meeting_id: MEETING_ID }] }));
});

describe('corrections in the meetings projection (A7)', () => {
  it('keeps a decision’s original text as the version recorded before its correction', () =>
    spec
      .given(meeting(...quorateMeeting, decisionRecorded))
      .when(
        meeting({
          type: 'DecisionCorrected',
          data: {
            decisionId: 'dec-2020-03-escalation',
            text: 'Adopt the regional escalation procedure from 1 April 2020.',
            reason: 'The start date was agreed and left out.',
          },
        }),
      )
      .then({
        decisions: [
          {
            text: 'Adopt the regional escalation procedure.',
            reason: null,
            corrected_at: null,
            sort_key: 10,
            recorded_from: 10,
            recorded_to: 11,
          },
          {
            text: 'Adopt the regional escalation procedure from 1 April 2020.',
            reason: 'The start date was agreed and left out.',
            corrected_at: RECORDED_AT,
            sort_key: 10,
            recorded_from: 11,
            recorded_to: null,
          },
        ],
      }));

  it('records a meeting’s corrected date and place as a new version, and seats that day’s membership (R7)', () =>
    spec
      .given(meeting(...quorateMeeting))
      .when(
        meeting({
          type: 'MeetingDetailsCorrected',
          data: {
            startsAt: '2020-03-05T10:00:00.000Z',
            place: 'Bristol City Hall',
            reason: 'The meeting was held a week earlier.',
            snapshot: {
              membershipOn: '2020-03-05',
              quorumPercentage: 66,
              required: 6,
              representatives: meetingOpened().data.representatives.filter(
                (rep) => rep.appointmentId !== REPRESENTATIVES.lisaHarvey.appointmentId,
              ),
            },
          },
        }),
      )
      .then({
        meetings: [
          {
            starts_at: MEETING_STARTS_AT,
            place: 'Police Headquarters, Portishead',
            status: 'OPEN',
            required: 7,
            scheduled_on: '2020-03-12',
            recorded_from: 1,
            recorded_to: 10,
          },
          {
            starts_at: '2020-03-05T10:00:00.000Z',
            place: 'Bristol City Hall',
            status: 'OPEN',
            required: 6,
            // Held a week before it was booked on 12 March: it existed from its corrected day.
            scheduled_on: '2020-03-05',
            recorded_from: 10,
            recorded_to: null,
          },
        ],
        // Nine seats of that day, each keeping the attendance recorded for it.
        meeting_seats: Object.values(REPRESENTATIVES)
          .filter((rep) => rep !== REPRESENTATIVES.lisaHarvey)
          .map((rep, ordinal) => ({
            appointment_id: rep.appointmentId,
            ordinal,
            status: present.includes(rep.appointmentId) ? 'PRESENT' : null,
          })),
      }));
});
