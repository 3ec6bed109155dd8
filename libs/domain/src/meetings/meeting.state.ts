import { groupDateOf, IsoDate } from '../shared/dates';
import { quorumRequired } from '../regional-group/quorum';
import { Area } from '../regional-group/regional-group.events';
import {
  AttendanceStatus,
  MeetingEvent,
  RecommendationResponse,
  SnapshotRepresentative,
  Substitute,
} from './meeting.events';

export type Attendance = Readonly<{ status: AttendanceStatus; substitute: Substitute | null }>;
export type Recommendation = Readonly<{
  recommendationId: string;
  targetPartnerIds: readonly string[];
  responses: Readonly<Record<string, RecommendationResponse>>;
}>;
export type MinutesStage = 'NONE' | 'DRAFT' | 'APPROVED' | 'PUBLISHED';

export type Meeting = Readonly<{
  status: 'SCHEDULED' | 'OPEN' | 'CLOSED';
  meetingId: string;
  groupId: string;
  startsAt: string;
  /** The day it is held, in the group's time zone: the date of its membership, attendance and decisions. */
  meetingDate: IsoDate;
  /** The day it was booked, when one was entered (`bookedOn`), as a correction of its date may enter it again. */
  bookedOn: IsoDate | null;
  representatives: readonly SnapshotRepresentative[];
  quorumPercentage: number;
  attendance: Readonly<Record<string, Attendance>>;
  recommendations: Readonly<Record<string, Recommendation>>;
  minutes: MinutesStage;
  /** The day the minutes were approved; null until they are. */
  minutesApprovedOn: IsoDate | null;
  /** The day the region published the minutes; null until it has. */
  minutesPublishedOn: IsoDate | null;
  publishedAreas: readonly Area[];
  localPublications: readonly string[];
  decisionIds: readonly string[];
}>;

export type MeetingState = Readonly<{ status: 'NONE' }> | Meeting;

export type QuorumOutcome = Readonly<{ required: number; present: number; isQuorate: boolean }>;

/** What a meeting's quorum is counted from: read from its stream, or from a read model of it. */
export type QuorumCount = Readonly<{
  opened: boolean;
  quorumPercentage: number;
  /** The representatives snapshotted when the meeting opened (R7). */
  representativeCount: number;
  /** Those of them present in person: substitutes do not count (R8). */
  presentCount: number;
}>;

/** R7, R8: quorate once opened with at least the required share of the snapshot present in person. */
export function quorumFromCount(count: QuorumCount): QuorumOutcome {
  const required = quorumRequired(count.quorumPercentage, count.representativeCount);
  const present = count.presentCount;
  return { required, present, isQuorate: count.opened && present >= required && required > 0 };
}

/** R7, R8: counted from the membership snapshot; only representatives present in person count. */
export function meetingQuorum(meeting: Meeting): QuorumOutcome {
  return quorumFromCount({
    opened: meeting.status !== 'SCHEDULED',
    quorumPercentage: meeting.quorumPercentage,
    representativeCount: meeting.representatives.length,
    presentCount: presentRepresentatives(meeting).length,
  });
}

export function presentRepresentatives(meeting: Meeting): SnapshotRepresentative[] {
  return meeting.representatives.filter((rep) => meeting.attendance[rep.appointmentId]?.status === 'PRESENT');
}

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingScheduled') {
    return {
      status: 'SCHEDULED',
      meetingId: event.data.meetingId,
      groupId: event.data.groupId,
      startsAt: event.data.startsAt,
      meetingDate: groupDateOf(event.data.startsAt),
      bookedOn: event.data.bookedOn ?? null,
      representatives: [],
      quorumPercentage: 0,
      attendance: {},
      recommendations: {},
      minutes: 'NONE',
      minutesApprovedOn: null,
      minutesPublishedOn: null,
      publishedAreas: [],
      localPublications: [],
      decisionIds: [],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'MeetingOpened':
      return {
        ...state,
        status: 'OPEN',
        representatives: event.data.representatives,
        quorumPercentage: event.data.quorumPercentage,
      };
    case 'AttendanceRecorded':
      return {
        ...state,
        attendance: {
          ...state.attendance,
          [event.data.appointmentId]: { status: event.data.status, substitute: event.data.substitute },
        },
      };
    case 'MeetingClosed':
      return { ...state, status: 'CLOSED' };
    case 'DecisionRecorded':
      return { ...state, decisionIds: [...state.decisionIds, event.data.decisionId] };
    case 'RecommendationMade':
      return {
        ...state,
        recommendations: {
          ...state.recommendations,
          [event.data.recommendationId]: {
            recommendationId: event.data.recommendationId,
            targetPartnerIds: event.data.targetPartnerIds,
            responses: {},
          },
        },
      };
    case 'RecommendationResponded': {
      const recommendation = state.recommendations[event.data.recommendationId];
      return {
        ...state,
        recommendations: {
          ...state.recommendations,
          [recommendation.recommendationId]: {
            ...recommendation,
            responses: { ...recommendation.responses, [event.data.partnerId]: event.data.response },
          },
        },
      };
    }
    case 'MinutesDrafted':
      return { ...state, minutes: 'DRAFT' };
    case 'MinutesApproved':
      // An instant in events recorded before approval took a date: its day in London.
      return { ...state, minutes: 'APPROVED', minutesApprovedOn: groupDateOf(event.data.approvedOn) };
    case 'MinutesPublished':
      // Minutes published before publication took a date: the day in London of the instant.
      return {
        ...state,
        minutes: 'PUBLISHED',
        minutesPublishedOn: event.data.publishedOn ?? groupDateOf(event.data.publishedAt),
        publishedAreas: event.data.areas,
      };
    case 'LocalPublicationRecorded':
      return { ...state, localPublications: [...state.localPublications, event.data.areaId] };
    case 'MeetingDetailsCorrected': {
      const { startsAt, snapshot } = event.data;
      const corrected = {
        ...state,
        startsAt,
        meetingDate: groupDateOf(startsAt),
        bookedOn: event.data.bookedOn ?? state.bookedOn,
      };
      if (!snapshot) return corrected;
      // Attendance stands for those in the corrected day's membership; the others were not representatives then.
      const seated = new Set(snapshot.representatives.map((rep) => rep.appointmentId));
      return {
        ...corrected,
        representatives: snapshot.representatives,
        quorumPercentage: snapshot.quorumPercentage,
        attendance: Object.fromEntries(Object.entries(state.attendance).filter(([id]) => seated.has(id))),
      };
    }
    case 'WrittenViewsSubmitted':
    case 'MinutesCorrected':
    case 'DecisionCorrected':
      return state;
  }
}
