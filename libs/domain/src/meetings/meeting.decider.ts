import { dayItHappened } from '../audit/day-it-happened';
import { Decider } from '../shared/decider';
import { decideRecommendationResponse } from './recommendation-response';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { requireText } from '../shared/text';
import { requireWebAddress } from '../shared/web-address';
import { isIsoDate, groupDateOf, IsoDate, requireDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { localPublicationOn, minutesApprovedOn, minutesPublishedOn } from './minutes-dates';
import { quorumRequired } from '../regional-group/quorum';
import { DISSOLVED, openingRefusal } from './meeting-opening';
import { mayBeSubstituted } from './substitute';
import { bookingDayCorrected, bookingDayEntered } from './booking-day';
import {
  ApproveMinutes,
  CorrectDecision,
  CorrectMeetingDetails,
  CorrectMinutes,
  DraftMinutes,
  GroupFacts,
  MakeRecommendation,
  MeetingCommandUnion,
  RecordAttendance,
  RecordLocalPublication,
  RespondToRecommendation,
  ScheduleMeeting,
  SubmitWrittenViews,
} from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { evolveMeeting, Meeting, meetingQuorum, MeetingState, presentRepresentatives } from './meeting.state';

const RUNS_MEETINGS = ['ADMINISTRATOR', 'CHAIR', 'DEPUTY_CHAIR'];

/**
 * Meetings are booked, opened and their business recorded by the administrator, the chair or the
 * deputy chair. The decider refuses by it and pages ask it (through the API) before offering those forms.
 */
export function mayRunMeetings(actor: Actor): boolean {
  return actor.roles.some((role) => RUNS_MEETINGS.includes(role));
}

function requireMeetingOfficer(actor: Actor, action: string): void {
  if (!mayRunMeetings(actor)) {
    throw new DomainError('FORBIDDEN', `Only an administrator, the chair or the deputy chair can ${action}.`, {
      requiredRole: 'ADMINISTRATOR, CHAIR or DEPUTY_CHAIR',
    });
  }
}

function requireNotDissolved(group: GroupFacts): void {
  if (group.dissolved) throw new DomainError('GROUP_DISSOLVED', DISSOLVED);
}

function requireOpen(meeting: Meeting): void {
  if (meeting.status !== 'OPEN') {
    throw new DomainError('MEETING_NOT_OPEN', `The meeting is ${meeting.status.toLowerCase()}, not open.`);
  }
}

/** R9: decisions and recommendations only at an open, quorate meeting. */
function requireQuorate(meeting: Meeting): void {
  requireOpen(meeting);
  const { required, present } = meetingQuorum(meeting);
  if (present < required || required === 0) {
    throw new DomainError(
      'QUORUM_NOT_MET',
      `The meeting is not quorate: ${present} of the ${required} representatives needed are present in person.`,
      {
        required,
        present,
      },
    );
  }
}

export const meetingDecider: Decider<MeetingCommandUnion, MeetingEvent, MeetingState> = {
  initialState: { status: 'NONE' },
  evolve: evolveMeeting,
  decide(command, state) {
    if (command.type === 'ScheduleMeeting') return schedule(command, state);
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'There is no such meeting.');
    return decideForMeeting(command, state);
  },
};

function schedule(command: ScheduleMeeting, state: MeetingState): MeetingEvent[] {
  const { actor, meetingId, groupId, startsAt, group } = command.data;
  requireMeetingOfficer(actor, 'schedule a meeting');
  requireNotDissolved(group);
  if (state.status !== 'NONE') throw new DomainError('ALREADY_EXISTS', `Meeting ${meetingId} is already scheduled.`);
  const starts = requireStartsAt(startsAt, group);
  const place = requireText(command.data.place, 'The place');
  const bookedOn = bookingDayEntered(command.data.bookedOn, command.data.now, {
    startsAt: starts,
    establishedOn: group.establishedOn,
  });
  return [
    {
      type: 'MeetingScheduled',
      data: { meetingId, groupId, startsAt: starts, place, ...(bookedOn === null ? {} : { bookedOn }) },
    },
  ];
}

/** When a meeting starts, as an instant in UTC: a moment that exists, not before its group existed. */
function requireStartsAt(startsAt: string, group: GroupFacts): string {
  // A time zone is required so the meeting means the same moment on every server; the day must exist.
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(startsAt) ||
    !isIsoDate(startsAt.slice(0, 10)) ||
    Number.isNaN(Date.parse(startsAt))
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'startsAt must be a date and time that exists, with its time zone, e.g. 2020-03-12T10:00:00Z.',
    );
  }
  requireNotBefore(groupDateOf(startsAt), group.establishedOn, 'The meeting’s date', 'the group was established');
  return new Date(startsAt).toISOString();
}

/** A correction always says why (A7). */
function requireReason(reason: string): string {
  return requireText(reason, 'The reason for the correction');
}

function decideForMeeting(command: Exclude<MeetingCommandUnion, ScheduleMeeting>, meeting: Meeting): MeetingEvent[] {
  const { actor, now } = command.data;
  switch (command.type) {
    case 'OpenMeeting': {
      requireMeetingOfficer(actor, 'open a meeting');
      const refusal = openingRefusal(meeting, command.data.group.dissolved, groupDateOf(now));
      if (refusal) throw refusal;
      const { currentRepresentatives: representatives, quorumPercentage, on } = command.data.group;
      if (on !== meeting.meetingDate) {
        throw new Error(
          `Opening a meeting of ${meeting.meetingDate} needs its group's facts of that day, not of ${on}.`,
        );
      }
      return [
        {
          type: 'MeetingOpened',
          data: {
            openedAt: now,
            membershipOn: meeting.meetingDate,
            quorumPercentage,
            required: quorumRequired(quorumPercentage, representatives.length),
            representatives,
          },
        },
      ];
    }
    case 'RecordAttendance':
      return recordAttendance(command, meeting);
    case 'SubmitWrittenViews':
      return submitWrittenViews(command, meeting);
    case 'CloseMeeting':
      requireMeetingOfficer(actor, 'close a meeting');
      requireOpen(meeting);
      return [{ type: 'MeetingClosed', data: { closedAt: now, heldOn: meeting.meetingDate } }];
    case 'RecordDecision': {
      requireMeetingOfficer(actor, 'record a decision');
      requireQuorate(meeting);
      if (meeting.decisionIds.includes(command.data.decisionId))
        throw new DomainError('ALREADY_EXISTS', 'That decision is already recorded.');
      return [
        {
          type: 'DecisionRecorded',
          data: {
            decisionId: command.data.decisionId,
            text: requireText(command.data.text, 'The decision'),
            agreedBy: presentRepresentatives(meeting).map((r) => r.appointmentId),
            decidedOn: meeting.meetingDate,
          },
        },
      ];
    }
    case 'MakeRecommendation':
      return makeRecommendation(command, meeting);
    case 'RespondToRecommendation':
      return respond(command, meeting);
    case 'DraftMinutes':
      return draftMinutes(command, meeting);
    case 'ApproveMinutes':
      return approveMinutes(command, meeting);
    case 'PublishMinutes': {
      requireMeetingOfficer(actor, 'publish minutes');
      if (meeting.minutes !== 'APPROVED') {
        throw new DomainError(
          meeting.minutes === 'PUBLISHED' ? 'MINUTES_SEALED' : 'MINUTES_NOT_READY',
          meeting.minutes === 'PUBLISHED'
            ? 'The minutes are already published.'
            : 'Only approved minutes can be published.',
        );
      }
      const publishedOn = minutesPublishedOn(command.data.publishedOn, {
        // Approved minutes, as checked above, have their day.
        approvedOn: meeting.minutesApprovedOn as IsoDate,
        now,
      });
      return [{ type: 'MinutesPublished', data: { publishedAt: now, publishedOn, areas: command.data.group.areas } }];
    }
    case 'CorrectMinutes':
      return correctMinutes(command, meeting);
    case 'CorrectDecision':
      return correctDecision(command, meeting);
    case 'CorrectMeetingDetails':
      return correctMeetingDetails(command, meeting);
    case 'RecordLocalPublication':
      return recordLocalPublication(command, meeting);
  }
}

function recordAttendance(command: RecordAttendance, meeting: Meeting): MeetingEvent[] {
  const { actor, appointmentId, status, substitute } = command.data;
  requireMeetingOfficer(actor, 'record attendance');
  requireOpen(meeting);
  const rep = meeting.representatives.find((r) => r.appointmentId === appointmentId);
  if (!rep) throw new DomainError('NOT_FOUND', 'That person was not a representative when the meeting opened.');
  if (!['PRESENT', 'APOLOGIES', 'ABSENT'].includes(status))
    throw new DomainError('VALIDATION_FAILED', 'Attendance is PRESENT, APOLOGIES or ABSENT.');
  if (substitute && !mayBeSubstituted(status)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${rep.name} cannot be present and substituted at once; a substitute is recorded with APOLOGIES or ABSENT.`,
      { field: 'status' },
    );
  }
  const sub = substitute
    ? {
        name: requireText(substitute.name, "The substitute's name"),
        organisation: requireText(substitute.organisation, "The substitute's organisation"),
      }
    : null;
  return [
    { type: 'AttendanceRecorded', data: { appointmentId, status, substitute: sub, attendedOn: meeting.meetingDate } },
  ];
}

function submitWrittenViews(command: SubmitWrittenViews, meeting: Meeting): MeetingEvent[] {
  const { actor, appointmentId, appointedOn } = command.data;
  requireOpen(meeting);
  const rep = meeting.representatives.find((r) => r.appointmentId === appointmentId);
  if (!rep) throw new DomainError('NOT_FOUND', 'That person was not a representative when the meeting opened.');
  // R41: views are recorded as the representative's own, so nobody else submits them.
  if (actor.personId !== rep.personId) {
    throw new DomainError('FORBIDDEN', 'Written views are submitted by the representative themself.', {
      requiredRole: 'the absent REPRESENTATIVE',
    });
  }
  if (meeting.attendance[appointmentId]?.status === 'PRESENT') {
    throw new DomainError('VALIDATION_FAILED', `${rep.name} is present; written views are for absent representatives.`);
  }
  const agendaItem = requireText(command.data.agendaItem, 'The agenda item');
  const views = requireText(command.data.views, 'The views');
  // Views are sent for the meeting to weigh, on its day at the latest, by someone who was by then a representative.
  const submittedOn = dayItHappened(
    command.data.submittedOn,
    command.data.now,
    { field: 'submittedOn', label: 'The day the views were submitted' },
    {
      notBefore: appointedOn
        ? [{ on: appointedOn, what: `${rep.name}'s appointment as a representative started` }]
        : [],
      notAfter: [{ on: meeting.meetingDate, what: 'the meeting they were for' }],
    },
  );
  return [{ type: 'WrittenViewsSubmitted', data: { appointmentId, agendaItem, views, submittedOn } }];
}

function makeRecommendation(command: MakeRecommendation, meeting: Meeting): MeetingEvent[] {
  const { actor, recommendationId, targetPartnerIds, dueDate, group } = command.data;
  requireMeetingOfficer(actor, 'make a recommendation');
  requireNotDissolved(group);
  requireQuorate(meeting);
  if (meeting.recommendations[recommendationId])
    throw new DomainError('ALREADY_EXISTS', 'That recommendation is already recorded.');
  if (targetPartnerIds.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'A recommendation names at least one target organisation.');
  const unknown = targetPartnerIds.filter((id) => !group.currentPartners.some((p) => p.partnerId === id));
  if (unknown.length > 0) throw new DomainError('NOT_FOUND', `Not current core partners: ${unknown.join(', ')}.`);
  requireDate(dueDate, 'The due date');
  return [
    {
      type: 'RecommendationMade',
      data: {
        recommendationId,
        text: requireText(command.data.text, 'The recommendation'),
        targetPartnerIds: [...new Set(targetPartnerIds)],
        dueDate,
        agreedBy: presentRepresentatives(meeting).map((r) => r.appointmentId),
        madeOn: meeting.meetingDate,
      },
    },
  ];
}

/** R9, R41: a target organisation answers for itself, through its own representative. */
function respond(command: RespondToRecommendation, meeting: Meeting): MeetingEvent[] {
  const { actor, recommendationId, partnerId, response } = command.data;
  const recommendation = meeting.recommendations[recommendationId];
  if (!recommendation) throw new DomainError('NOT_FOUND', 'There is no such recommendation at this meeting.');
  const { reason, respondedOn } = decideRecommendationResponse({
    targetPartnerIds: recommendation.targetPartnerIds,
    previous: recommendation.responses[partnerId] ?? null,
    partnerId,
    actorPartnerId: actor.partnerId,
    successors: command.data.successors,
    response,
    reason: command.data.reason,
    respondedOn: command.data.respondedOn,
    now: command.data.now,
    madeOn: meeting.meetingDate,
    madeBy: 'the meeting that made it',
  });
  return [{ type: 'RecommendationResponded', data: { recommendationId, partnerId, response, reason, respondedOn } }];
}

function draftMinutes(command: DraftMinutes, meeting: Meeting): MeetingEvent[] {
  const { actor, group } = command.data;
  const ofChairingOrganisation = group.chairPartnerId !== null && actor.partnerId === group.chairPartnerId;
  if (!ofChairingOrganisation && !actor.roles.includes('ADMINISTRATOR')) {
    throw new DomainError(
      'FORBIDDEN',
      "Minutes are drafted by the chairing organisation's representative or the administrator (R6).",
      {
        requiredRole: 'ADMINISTRATOR or REPRESENTATIVE of the chairing partner',
      },
    );
  }
  if (meeting.status === 'SCHEDULED')
    throw new DomainError('MEETING_NOT_OPEN', 'A meeting that has not been held has no minutes.');
  if (meeting.minutes === 'APPROVED' || meeting.minutes === 'PUBLISHED')
    throw new DomainError(
      'MINUTES_SEALED',
      'The minutes are already approved; a published record is corrected instead.',
    );
  return [{ type: 'MinutesDrafted', data: { text: requireText(command.data.text, 'The minutes') } }];
}

/** R10: approved by the chair, or at a later quorate meeting. */
function approveMinutes(command: ApproveMinutes, meeting: Meeting): MeetingEvent[] {
  const { actor, atMeeting, now } = command.data;
  if (meeting.minutes !== 'DRAFT')
    throw new DomainError(
      'MINUTES_NOT_READY',
      meeting.minutes === 'NONE' ? 'There are no draft minutes to approve.' : 'The minutes are already approved.',
    );
  if (atMeeting) {
    requireMeetingOfficer(actor, 'record the approval of minutes');
    if (atMeeting.groupId !== meeting.groupId)
      throw new DomainError('VALIDATION_FAILED', 'Minutes are approved at a meeting of the same group.');
    if (atMeeting.startsAt <= meeting.startsAt)
      throw new DomainError('VALIDATION_FAILED', 'Minutes are approved at a later meeting.');
    if (!atMeeting.open)
      throw new DomainError('MEETING_NOT_OPEN', 'Minutes are approved at a meeting while it is open.');
    if (!atMeeting.quorate)
      throw new DomainError('QUORUM_NOT_MET', 'Minutes are approved at an open, quorate meeting.');
  } else if (!actor.roles.includes('CHAIR')) {
    throw new DomainError('FORBIDDEN', 'Outside a meeting, only the chair approves minutes.', {
      requiredRole: 'CHAIR',
    });
  }
  const approvedOn = minutesApprovedOn(command.data.approvedOn, {
    meetingDate: meeting.meetingDate,
    atMeetingStartsAt: atMeeting?.startsAt ?? null,
    now,
  });
  return [{ type: 'MinutesApproved', data: { approvedOn, atMeetingId: atMeeting?.meetingId ?? null } }];
}

function correctMinutes(command: CorrectMinutes, meeting: Meeting): MeetingEvent[] {
  const { actor, group } = command.data;
  requireMeetingOfficer(actor, 'correct published minutes');
  if (meeting.minutes !== 'PUBLISHED')
    throw new DomainError('MINUTES_NOT_READY', 'Only published minutes are corrected; until then, draft them again.');
  return [
    {
      type: 'MinutesCorrected',
      data: {
        text: requireText(command.data.text, 'The correction'),
        reason: requireText(command.data.reason, 'The reason for the correction'),
        areas: group.areas,
      },
    },
  ];
}

/** A7: whoever may record a decision corrects its text; the original stays in the stream beside the correction. */
function correctDecision(command: CorrectDecision, meeting: Meeting): MeetingEvent[] {
  const { actor, decisionId } = command.data;
  requireMeetingOfficer(actor, 'correct a decision');
  if (!meeting.decisionIds.includes(decisionId))
    throw new DomainError('NOT_FOUND', `The meeting recorded no decision with id ${decisionId}.`);
  const reason = requireReason(command.data.reason);
  return [
    { type: 'DecisionCorrected', data: { decisionId, text: requireText(command.data.text, 'The decision'), reason } },
  ];
}

/**
 * A7: the meeting's date and place corrected by whoever may schedule it. A meeting already held
 * cannot move into the future, and its quorum is counted again from the corrected day's membership (R7).
 */
function correctMeetingDetails(command: CorrectMeetingDetails, meeting: Meeting): MeetingEvent[] {
  const { actor, now, group } = command.data;
  requireMeetingOfficer(actor, 'correct a meeting’s date and place');
  const reason = requireReason(command.data.reason);
  const startsAt = requireStartsAt(command.data.startsAt, group);
  const place = requireText(command.data.place, 'The place');
  const meetingDate = groupDateOf(startsAt);
  const bookedOn = bookingDayCorrected(command.data.bookedOn, now, {
    startsAt,
    establishedOn: group.establishedOn,
    bookedOn: meeting.bookedOn,
  });
  const booking = bookedOn === null ? {} : { bookedOn };
  if (meeting.status === 'SCHEDULED') {
    return [{ type: 'MeetingDetailsCorrected', data: { startsAt, place, reason, ...booking, snapshot: null } }];
  }
  requireNotFuture(meetingDate, now, 'The meeting’s date');
  if (group.on !== meetingDate) {
    throw new Error(`Correcting a meeting to ${meetingDate} needs its group's facts of that day, not of ${group.on}.`);
  }
  const { currentRepresentatives: representatives, quorumPercentage } = group;
  return [
    {
      type: 'MeetingDetailsCorrected',
      data: {
        startsAt,
        place,
        reason,
        ...booking,
        snapshot: {
          membershipOn: meetingDate,
          quorumPercentage,
          required: quorumRequired(quorumPercentage, representatives.length),
          representatives,
        },
      },
    },
  ];
}

/** R10, R11: each area records its own publication; the region never records it for an area. */
function recordLocalPublication(command: RecordLocalPublication, meeting: Meeting): MeetingEvent[] {
  const { actor, areaId, managedAreaIds, now } = command.data;
  if (!actor.roles.includes('AREA_BUSINESS_MANAGER') || !managedAreaIds.includes(areaId)) {
    throw new DomainError(
      'FORBIDDEN',
      "Only the area's own business manager records where the area published the minutes.",
      {
        requiredRole: 'AREA_BUSINESS_MANAGER of the area',
      },
    );
  }
  if (meeting.minutes !== 'PUBLISHED' || meeting.minutesPublishedOn === null)
    throw new DomainError('MINUTES_NOT_READY', 'The minutes are not published yet.');
  if (!meeting.publishedAreas.some((area) => area.areaId === areaId))
    throw new DomainError('NOT_FOUND', 'The minutes were not published to that area.');
  if (meeting.localPublications.includes(areaId))
    throw new DomainError('ALREADY_EXISTS', 'The area has already recorded its publication.');
  const publishedOn = localPublicationOn(command.data.publishedOn, {
    minutesPublishedOn: meeting.minutesPublishedOn,
    now,
  });
  return [
    {
      type: 'LocalPublicationRecorded',
      data: { areaId, address: requireWebAddress(command.data.address, 'The address'), publishedOn },
    },
  ];
}
