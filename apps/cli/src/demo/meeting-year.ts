import { addDaysToDate, groupDateOf, IsoDate, longDate } from '@app/domain';
import { BOOKS_MEETINGS, CHAIR, REPRESENTATIVES } from './avon-and-somerset';
import { DemoContext, LoadedDemo } from './load-demo';

/** The September decision the task-and-finish group for three of the five areas is commissioned on. */
export const SUB_REGIONAL_SCOPE =
  'Agreed, as sub-regional work by specific agreement, a task-and-finish group on return interviews for missing children for Bristol, North Somerset and South Gloucestershire.';

/**
 * A year of the group's quarterly meetings, the third one inquorate, and the next one booked. The
 * constabulary books the group's meetings and arranges their dates (its terms of reference), sent by
 * its representative the deputy chair (`BOOKS_MEETINGS`). That it books each quarter's meeting at the
 * one before (`bookedOn`) is a demo assumption, so on any day between two meetings the next one is
 * already booked: the first of the year at the group's September 2025 meeting. The
 * chair approves each meeting's minutes within a fortnight, the region publishes them days later
 * (after Christmas for December's), and Bristol publishes them locally that week. Each starts at
 * 10:00 in London, written with London's offset from UTC that day (+01:00 in British Summer Time).
 * The police and the ICB answer each recommendation within weeks of the meeting.
 */
export const MEETINGS = [
  {
    startsAt: '2025-12-11T10:00:00+00:00',
    bookedOn: '2025-09-11',
    minutes: { approvedOn: '2025-12-19', publishedOn: '2026-01-06', bristolPublishedOn: '2026-01-09' },
    absent: ['lisa-harvey', 'mike-bowden'],
    dueDate: '2026-02-28',
    policeResponse: 'IMPLEMENTED',
    icbResponse: 'IMPLEMENTED',
    respondedOn: { police: '2026-02-16', icb: '2026-02-23' },
  },
  // Accepted by the police but not implemented by its due date: shows as overdue.
  {
    startsAt: '2026-03-12T10:00:00+00:00',
    bookedOn: '2025-12-11',
    minutes: { approvedOn: '2026-03-26', publishedOn: '2026-03-30', bristolPublishedOn: '2026-04-02' },
    absent: ['julian-wooster'],
    dueDate: '2026-09-30',
    policeResponse: 'ACCEPTED',
    icbResponse: 'DECLINED',
    respondedOn: { police: '2026-04-14', icb: '2026-04-21' },
  },
  // Four representatives away, one sending a substitute who cannot count: 6 of the 7 needed.
  {
    startsAt: '2026-06-11T10:00:00+01:00',
    bookedOn: '2026-03-12',
    minutes: { approvedOn: '2026-06-25', publishedOn: '2026-06-29', bristolPublishedOn: '2026-07-02' },
    absent: ['chris-sivers', 'sandra-corry', 'lisa-harvey'],
    substituted: 'julian-wooster',
  },
  // Agrees the sub-regional task-and-finish group that the terms of reference leave out of scope unless agreed (R11).
  {
    startsAt: '2026-09-10T10:00:00+01:00',
    bookedOn: '2026-06-11',
    minutes: { approvedOn: '2026-09-24', publishedOn: '2026-09-28', bristolPublishedOn: '2026-10-01' },
    absent: [],
    alsoDecided: SUB_REGIONAL_SCOPE,
    dueDate: '2027-03-31',
    policeResponse: 'ACCEPTED',
    icbResponse: 'ACCEPTED',
    respondedOn: { police: '2026-10-06', icb: '2026-10-13' },
  },
] as const;
export const NEXT_MEETING = { startsAt: '2026-12-10T10:00:00+00:00', bookedOn: '2026-09-10' } as const;
export const PLACE = 'Avon and Somerset Constabulary Headquarters, Portishead';

/** The minutes' text as the chairing organisation writes it, the day in words as a person reads it on the page. */
export function minutesText(startsAt: string, quorate: boolean): string {
  const day = longDate(startsAt);
  return quorate
    ? `Minutes of the meeting of ${day} at ${PLACE}. The group received the quarterly performance report and made a recommendation on data sharing.`
    : `Notes of the meeting of ${day}: the meeting was not quorate and took no decisions.`;
}

/**
 * The day an extraordinary meeting starting at `startsAt` was booked: a fortnight before its day in
 * London, a demo assumption that one is called at shorter notice than the quarterly ones.
 */
export function extraordinaryMeetingBookedOn(startsAt: string): IsoDate {
  return addDaysToDate(groupDateOf(startsAt), -14);
}

const MEETING = 'id status quorum { required present isQuorate } minutes { stage }';

/** A meeting as `MEETING` selects it, returned by every meeting mutation the year runs. */
interface MeetingState {
  readonly id: string;
  readonly status: 'SCHEDULED' | 'OPEN' | 'CLOSED';
  readonly quorum: { readonly required: number; readonly present: number; readonly isQuorate: boolean } | null;
  readonly minutes: { readonly stage: 'NONE' | 'DRAFT' | 'APPROVED' | 'PUBLISHED' };
}

interface MadeRecommendation {
  readonly makeRecommendation: { readonly meetingRecommendations: { readonly id: string }[] };
}

export interface LoadedMeetings {
  readonly meetingIds: string[];
  readonly nextMeetingId: string;
  readonly recommendationIds: string[];
}

/**
 * Held through the API by the people who would: the chair runs the meetings and approves the
 * minutes, North Somerset (the chairing organisation) drafts them, targets answer for themselves,
 * and Bristol's business manager records where Bristol published them.
 */
export async function loadMeetingYear({ send, tokenFor }: DemoContext, demo: LoadedDemo): Promise<LoadedMeetings> {
  const chair = await tokenFor(demo.personIds[CHAIR]);
  const booker = await tokenFor(demo.personIds[BOOKS_MEETINGS]);
  const bristolManager = await tokenFor(demo.personIds['bristol-business-manager']);
  const call = async (
    mutation: string,
    inputType: string,
    input: Record<string, unknown>,
    token = chair,
  ): Promise<MeetingState> =>
    (
      await send<Record<string, MeetingState>>(
        `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${MEETING} } }`,
        { input },
        token,
      )
    )[mutation];

  const meetingIds: string[] = [];
  const recommendationIds: string[] = [];
  for (const plan of MEETINGS) {
    const { id: meetingId } = await call(
      'scheduleMeeting',
      'ScheduleMeetingInput',
      { groupId: demo.groupId, startsAt: plan.startsAt, place: PLACE, bookedOn: plan.bookedOn },
      booker,
    );
    meetingIds.push(meetingId);
    await call('openMeeting', 'MeetingIdInput', { meetingId });
    for (const rep of REPRESENTATIVES) {
      const absent = (plan.absent as readonly string[]).includes(rep.key);
      const substituted = 'substituted' in plan && plan.substituted === rep.key;
      await call('recordAttendance', 'RecordAttendanceInput', {
        meetingId,
        appointmentId: demo.appointmentIds[rep.key],
        status: absent || substituted ? 'APOLOGIES' : 'PRESENT',
        substitute: substituted ? { name: 'Deputy Director, Somerset', organisation: 'Somerset County Council' } : null,
      });
    }
    const quorate = 'dueDate' in plan;
    if (quorate) {
      await call('recordDecision', 'RecordDecisionInput', {
        meetingId,
        text: `Quarterly performance report for the five areas received and noted (${plan.startsAt.slice(0, 7)}).`,
      });
      if ('alsoDecided' in plan)
        await call('recordDecision', 'RecordDecisionInput', { meetingId, text: plan.alsoDecided });
      const made = await send<MadeRecommendation>(
        `mutation($input: MakeRecommendationInput!) { makeRecommendation(input: $input) { meetingRecommendations { id } } }`,
        {
          input: {
            meetingId,
            text: 'Share multi-agency risk assessment data with every local arrangement each quarter.',
            targetPartnerIds: [demo.partnerIds.police, demo.partnerIds['bnssg-icb']],
            dueDate: plan.dueDate,
          },
        },
        chair,
      );
      // The meeting's recommendations in the order made: the last is this one.
      const recommendation = made.makeRecommendation.meetingRecommendations.at(-1);
      if (!recommendation) throw new Error("The api's answer has no recommendation for the meeting just made.");
      const recommendationId = recommendation.id;
      recommendationIds.push(recommendationId);
      await call(
        'respondToRecommendation',
        'RespondToRecommendationInput',
        {
          meetingId,
          recommendationId,
          partnerId: demo.partnerIds.police,
          response: plan.policeResponse,
          respondedOn: plan.respondedOn.police,
        },
        await tokenFor(demo.personIds['victoria-capel']),
      );
      await call(
        'respondToRecommendation',
        'RespondToRecommendationInput',
        {
          meetingId,
          recommendationId,
          partnerId: demo.partnerIds['bnssg-icb'],
          response: plan.icbResponse,
          respondedOn: plan.respondedOn.icb,
          reason:
            plan.icbResponse === 'DECLINED'
              ? 'The ICB shares this data through the integrated care system instead.'
              : null,
        },
        await tokenFor(demo.personIds['janet-baptiste-grant']),
      );
    } else {
      await call(
        'submitWrittenViews',
        'SubmitWrittenViewsInput',
        {
          meetingId,
          appointmentId: demo.appointmentIds['sandra-corry'],
          agendaItem: 'Quarterly performance report',
          views:
            'Somerset ICB supports the proposals on data sharing and asks for them to return to the next quorate meeting.',
          // Sent ahead of the meeting, as written views are.
          submittedOn: addDaysToDate(plan.startsAt.slice(0, 10), -2),
        },
        await tokenFor(demo.personIds['sandra-corry']),
      );
    }
    await call('closeMeeting', 'MeetingIdInput', { meetingId });
    await call('draftMinutes', 'DraftMinutesInput', {
      meetingId,
      text: minutesText(plan.startsAt, quorate),
    });
    await call('approveMinutes', 'ApproveMinutesInput', { meetingId, approvedOn: plan.minutes.approvedOn });
    await call('publishMinutes', 'PublishMinutesInput', { meetingId, publishedOn: plan.minutes.publishedOn });
    await send(
      'mutation($input: RecordLocalPublicationInput!) { recordLocalPublication(input: $input) { meetingId } }',
      {
        input: {
          meetingId,
          areaId: demo.areaIds.Bristol,
          address: `https://bristol-safeguarding.example/minutes/asssp-${plan.startsAt.slice(0, 10)}`,
          publishedOn: plan.minutes.bristolPublishedOn,
        },
      },
      bristolManager,
    );
  }
  const { id: nextMeetingId } = await call(
    'scheduleMeeting',
    'ScheduleMeetingInput',
    { groupId: demo.groupId, ...NEXT_MEETING, place: PLACE },
    booker,
  );
  return { meetingIds, nextMeetingId, recommendationIds };
}
