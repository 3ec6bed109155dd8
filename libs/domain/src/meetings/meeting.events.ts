import { Message } from '../shared/decider';
import { IsoDate } from '../shared/dates';
import { Area } from '../regional-group/regional-group.events';

/** A representative as the membership stood when the meeting opened: quorum is counted from this list for ever after (R7). */
export type SnapshotRepresentative = Readonly<{
  appointmentId: string;
  personId: string;
  name: string;
  partnerId: string;
  partnerName: string;
}>;

export type AttendanceStatus = 'PRESENT' | 'APOLOGIES' | 'ABSENT';
export type Substitute = Readonly<{ name: string; organisation: string }>;
export type RecommendationResponse = 'ACCEPTED' | 'DECLINED' | 'IMPLEMENTED';

export type MeetingScheduled = Message<
  'MeetingScheduled',
  {
    meetingId: string;
    groupId: string;
    startsAt: string;
    place: string;
    /**
     * The day it was booked, only when entered after the fact. No schema version adds it: an older
     * booking lacks it as a new one with none entered does, and both read as booked when recorded.
     */
    bookedOn?: IsoDate;
  }
>;
export type MeetingOpened = Message<
  'MeetingOpened',
  {
    openedAt: string;
    /** The meeting's date, whose membership the snapshot is. */
    membershipOn: IsoDate;
    quorumPercentage: number;
    required: number;
    representatives: readonly SnapshotRepresentative[];
  }
>;
export type AttendanceRecorded = Message<
  'AttendanceRecorded',
  { appointmentId: string; status: AttendanceStatus; substitute: Substitute | null; attendedOn: IsoDate }
>;
export type WrittenViewsSubmitted = Message<
  'WrittenViewsSubmitted',
  { appointmentId: string; agendaItem: string; views: string; submittedOn: IsoDate }
>;
/**
 * `heldOn` is the meeting's own day, on which it ended wherever its closing was entered: a meeting
 * of 2020 entered in 2026 closed in 2020 (a closing recorded before it was kept reads as held on the
 * day it was recorded: see upcast.ts).
 */
export type MeetingClosed = Message<'MeetingClosed', { closedAt: string; heldOn: IsoDate }>;
/** Agreed by the representatives present in person, never by substitutes (R8, R9). */
export type DecisionRecorded = Message<
  'DecisionRecorded',
  { decisionId: string; text: string; agreedBy: readonly string[]; decidedOn: IsoDate }
>;
export type RecommendationMade = Message<
  'RecommendationMade',
  {
    recommendationId: string;
    text: string;
    targetPartnerIds: readonly string[];
    dueDate: string;
    agreedBy: readonly string[];
    madeOn: IsoDate;
  }
>;
export type RecommendationResponded = Message<
  'RecommendationResponded',
  {
    recommendationId: string;
    partnerId: string;
    response: RecommendationResponse;
    reason: string | null;
    respondedOn: IsoDate;
  }
>;
export type MinutesDrafted = Message<'MinutesDrafted', { text: string }>;
/** `approvedOn`: the day they were approved; events recorded before it was a business date hold the instant recorded. */
export type MinutesApproved = Message<'MinutesApproved', { approvedOn: string; atMeetingId: string | null }>;
/**
 * Published via every local arrangement: the minutes enter each area's feed (R10, D3). `publishedAt`
 * is when the platform recorded it; `publishedOn` the day they were published, absent from events
 * recorded before it was a business date (their day is then `publishedAt`'s, in London).
 */
export type MinutesPublished = Message<
  'MinutesPublished',
  { publishedAt: string; publishedOn?: IsoDate; areas: readonly Area[] }
>;
/** Published minutes are sealed: a correction stands beside the original, with its reason (A7). */
export type MinutesCorrected = Message<'MinutesCorrected', { text: string; reason: string; areas: readonly Area[] }>;
/** A decision's text corrected, with its reason: the original stays in the stream beside it (A7). */
export type DecisionCorrected = Message<'DecisionCorrected', { decisionId: string; text: string; reason: string }>;
/**
 * The meeting's date and place corrected (A7). Once held, its quorum is counted again from the
 * membership valid on the corrected date (R7): `snapshot` is that day's membership, null before it opened.
 */
export type MeetingDetailsCorrected = Message<
  'MeetingDetailsCorrected',
  {
    startsAt: string;
    place: string;
    reason: string;
    /** The day it was booked, entered again with the correction; absent when the day entered before stands. */
    bookedOn?: IsoDate;
    snapshot: Readonly<{
      membershipOn: IsoDate;
      quorumPercentage: number;
      required: number;
      representatives: readonly SnapshotRepresentative[];
    }> | null;
  }
>;
export type LocalPublicationRecorded = Message<
  'LocalPublicationRecorded',
  { areaId: string; address: string; publishedOn: string }
>;

export type MeetingEvent =
  | MeetingScheduled
  | MeetingOpened
  | AttendanceRecorded
  | WrittenViewsSubmitted
  | MeetingClosed
  | DecisionRecorded
  | RecommendationMade
  | RecommendationResponded
  | MinutesDrafted
  | MinutesApproved
  | MinutesPublished
  | MinutesCorrected
  | DecisionCorrected
  | MeetingDetailsCorrected
  | LocalPublicationRecorded;

export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;
