import { CommunicationEvent } from '../communications/communication.decider';
import { LocalArrangementEvent } from '../local-arrangements/local-arrangement.decider';
import { MeetingEvent } from '../meetings/meeting.events';
import { PolicyEvent } from '../policies/policy.decider';
import { RegionalGroupEvent } from '../regional-group/regional-group.events';
import { WorkstreamEvent } from '../workstreams/workstream.events';
import { RedactionEvent } from './redaction.decider';
import { RegionalReportsEvent } from '../regional-reports/regional-reports.decider';

type RedactableEvent =
  | RegionalGroupEvent
  | MeetingEvent
  | WorkstreamEvent
  | PolicyEvent
  | LocalArrangementEvent
  | CommunicationEvent
  | RegionalReportsEvent
  | RedactionEvent;

/**
 * The one declaration of which fields of which events are free text (R40, A7): prose and
 * documents, and the titles, places and agenda items people type. The store keeps each beside
 * its event and the hash chain commits to a salted hash of it, so that an administrator can
 * redact it and verification still passes. Names of organisations, areas, posts and people are
 * not here: they name the governance itself and are copied into other records by id.
 * A path names a field inside `data`, with dots into nested objects.
 */
export const FREE_TEXT_FIELDS: { readonly [Type in RedactableEvent['type']]?: readonly string[] } = {
  RepresentativeAppointmentEnded: ['reason'],
  TermsOfReferenceAdopted: ['summary'],
  TermsOfReferenceReviewed: ['notes'],
  FundingContributionAgreed: ['inKind'],
  FundingContributionChanged: ['inKind'],
  FundingContributionCorrected: ['inKind', 'reason'],
  AppointmentDatesCorrected: ['reason'],
  MeetingScheduled: ['place'],
  WrittenViewsSubmitted: ['agendaItem', 'views'],
  DecisionRecorded: ['text'],
  DecisionCorrected: ['text', 'reason'],
  MeetingDetailsCorrected: ['place', 'reason'],
  RecommendationMade: ['text'],
  RecommendationResponded: ['reason'],
  MinutesDrafted: ['text'],
  MinutesCorrected: ['text', 'reason'],
  LocalPublicationRecorded: ['address'],
  WorkstreamCommissioned: ['purpose', 'termsOfReference'],
  WorkstreamStatusReported: ['note'],
  TaskAdded: ['title', 'description'],
  TaskBlocked: ['reason'],
  TaskCancelled: ['reason'],
  TaskDueDateChanged: ['reason'],
  TaskCarriedOut: ['task.title', 'task.description', 'task.blockedReason'],
  TaskCarriedIn: ['task.title', 'task.description', 'task.blockedReason'],
  WorkstreamClosed: ['outcomeReport'],
  PolicyDrafted: ['title', 'body', 'summary'],
  PolicyDraftRevised: ['title', 'body', 'summary'],
  PolicyVersionPublished: ['title', 'body', 'summary'],
  PolicyRetired: ['reason'],
  PolicyAdoptionRecorded: ['variation', 'reason'],
  PolicyAdoptionCorrected: ['variation', 'reason', 'correctionReason'],
  CommunicationIssued: ['title', 'body'],
  ScrutinyActivityRecorded: ['examined'],
  // A recommendation's text sits in an array, which a path cannot name: the report's title can be redacted, not it.
  ScrutinyReportPublished: ['title'],
  ScrutinyRecommendationResponded: ['reason'],
  YearlyReportSubmitted: ['link'],
  LocalReviewPublished: ['link'],
  RapidReviewDecisionRecorded: ['reason'],
  EscalationRaised: ['title', 'detail'],
  LocalDecisionShared: ['title', 'decision'],
  EscalationResponded: ['response'],
  EscalationResolved: ['resolution'],
  FieldRedacted: ['reason'],
};

/** The free-text fields `type` declares; empty for an event type with none. */
export function freeTextFieldsOf(type: string): readonly string[] {
  return (FREE_TEXT_FIELDS as Readonly<Record<string, readonly string[]>>)[type] ?? [];
}

/** The value at a dotted path inside event data, or undefined when there is none. */
export function valueAtPath(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The free-text fields of this event that hold text (an optional field left null holds none). */
export function freeTextPaths(type: string, data: unknown): string[] {
  return freeTextFieldsOf(type).filter((path) => typeof valueAtPath(data, path) === 'string');
}
