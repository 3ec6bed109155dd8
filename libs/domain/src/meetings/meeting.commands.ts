import { Message } from '../shared/decider';
import { IsoDate } from '../shared/dates';
import { Actor } from '../shared/roles';
import { Area } from '../regional-group/regional-group.events';
import { AttendanceStatus, RecommendationResponse, SnapshotRepresentative, Substitute } from './meeting.events';

/**
 * What the meeting needs to know of its group at the moment a command is handled, read from the
 * group's stream by the handler: a rule that needs another aggregate reads that stream.
 */
export type GroupFacts = Readonly<{
  /** The day these facts describe: a meeting opens on the membership of its own date (R7, A3). */
  on: IsoDate;
  /** The day the group came into being: a meeting cannot be held before it. */
  establishedOn: IsoDate;
  dissolved: boolean;
  areas: readonly Area[];
  currentPartners: readonly { partnerId: string; name: string }[];
  currentRepresentatives: readonly SnapshotRepresentative[];
  quorumPercentage: number;
  /** The partner whose representative chairs the group: its representatives draft minutes. */
  chairPartnerId: string | null;
}>;

type MeetingCommand<Type extends string, Data> = Message<Type, Data & { actor: Actor; now: string }>;

export type ScheduleMeeting = MeetingCommand<
  'ScheduleMeeting',
  /** `bookedOn`: the day the meeting was booked, when entered after the fact; null when not. */
  { meetingId: string; groupId: string; startsAt: string; place: string; bookedOn?: string | null; group: GroupFacts }
>;
export type OpenMeeting = MeetingCommand<'OpenMeeting', { group: GroupFacts }>;
export type RecordAttendance = MeetingCommand<
  'RecordAttendance',
  { appointmentId: string; status: AttendanceStatus; substitute: Substitute | null }
>;
export type SubmitWrittenViews = MeetingCommand<
  'SubmitWrittenViews',
  /**
   * `submittedOn`: the day the views were sent, when entered after the fact; null for today.
   * `appointedOn`: the day the group records the representative's appointment starting; null when it knows none.
   */
  { appointmentId: string; agendaItem: string; views: string; submittedOn?: string | null; appointedOn: IsoDate | null }
>;
export type CloseMeeting = MeetingCommand<'CloseMeeting', object>;
export type RecordDecision = MeetingCommand<'RecordDecision', { decisionId: string; text: string }>;
export type MakeRecommendation = MeetingCommand<
  'MakeRecommendation',
  { recommendationId: string; text: string; targetPartnerIds: readonly string[]; dueDate: string; group: GroupFacts }
>;
export type RespondToRecommendation = MeetingCommand<
  'RespondToRecommendation',
  {
    recommendationId: string;
    partnerId: string;
    response: RecommendationResponse;
    reason: string | null;
    /** The day the target answered; today in the group's time zone when not given. */
    respondedOn: IsoDate | null;
    /** From the group's stream: each succeeded partner and the current partner that took over from it (R16). */
    successors: Readonly<Record<string, string>>;
  }
>;
export type DraftMinutes = MeetingCommand<'DraftMinutes', { text: string; group: GroupFacts }>;
export type ApproveMinutes = MeetingCommand<
  'ApproveMinutes',
  {
    /** A later meeting at which the minutes are approved, as it stands now; null when the chair approves them. */
    atMeeting: { meetingId: string; groupId: string; startsAt: string; open: boolean; quorate: boolean } | null;
    /** The day the chair approved them; today when null. */
    approvedOn: IsoDate | null;
  }
>;
/** `publishedOn`: the day they were published; today when null. */
export type PublishMinutes = MeetingCommand<'PublishMinutes', { group: GroupFacts; publishedOn: IsoDate | null }>;
export type CorrectMinutes = MeetingCommand<'CorrectMinutes', { text: string; reason: string; group: GroupFacts }>;
export type CorrectDecision = MeetingCommand<'CorrectDecision', { decisionId: string; text: string; reason: string }>;
/** `group`: the group's facts on the corrected date, whose membership a held meeting is counted from (R7). */
export type CorrectMeetingDetails = MeetingCommand<
  'CorrectMeetingDetails',
  /** `bookedOn`: the day it was booked, entered again for the corrected date; null when the day entered stands. */
  { startsAt: string; place: string; reason: string; bookedOn?: string | null; group: GroupFacts }
>;
export type RecordLocalPublication = MeetingCommand<
  'RecordLocalPublication',
  { areaId: string; address: string; publishedOn: string; managedAreaIds: readonly string[] }
>;

export type MeetingCommandUnion =
  | ScheduleMeeting
  | OpenMeeting
  | RecordAttendance
  | SubmitWrittenViews
  | CloseMeeting
  | RecordDecision
  | MakeRecommendation
  | RespondToRecommendation
  | DraftMinutes
  | ApproveMinutes
  | PublishMinutes
  | CorrectMinutes
  | CorrectDecision
  | CorrectMeetingDetails
  | RecordLocalPublication;
