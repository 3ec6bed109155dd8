import { groupDateOf, IsoDate, isIsoDate } from './shared/dates';

/**
 * Version 2: every event that records a fact of the world carries the date it happened in its data.
 * Version 3: a policy version carries the day it was published.
 * Version 4: a workstream's members (added and removed), status reports and task changes, and written views, carry
 * their days, so history entered later keeps them; a workstream carries its first day; a meeting's
 * closing carries the day it was held.
 * Version 5: a workstream's lead change, a task's carry-over (both ends) and a workstream's closing
 * carry their days; a closing's `closedOn` is that day, no longer the moment it was recorded; and terms of reference carry the day
 * they name for their first review (R12).
 */
export const EVENT_SCHEMA_VERSION = 5;

/** What the platform took as the day of a workstream event that had none: the day it was recorded. */
const WORKSTREAM_DAY = { version: 4, fields: ['changedOn'] } as const;

/**
 * The business dates each version added, by event type; `on` is the day an older event is taken to
 * carry when the platform then took another day than the one it was recorded on.
 */
const DATES_ADDED: Readonly<
  Record<
    string,
    Readonly<{
      version: number;
      fields: readonly string[];
      on?: (data: Record<string, unknown>, recordedOn: IsoDate) => IsoDate;
      /** The field was there before, holding a moment: one that is not a day is replaced, not only filled. */
      replacesMoment?: true;
    }>
  >
> = {
  RegionalGroupEstablished: { version: 2, fields: ['establishedOn'] },
  PartnerCoverageChanged: { version: 2, fields: ['changedOn'] },
  ChairAppointed: { version: 2, fields: ['from'] },
  DeputyChairAppointed: { version: 2, fields: ['from'] },
  ChairRotated: { version: 2, fields: ['on'] },
  ChairPostVacated: { version: 2, fields: ['on'] },
  FundingContributionAgreed: { version: 2, fields: ['agreedOn'] },
  FundingContributionChanged: { version: 2, fields: ['changedOn'] },
  MeetingOpened: { version: 2, fields: ['membershipOn'] },
  AttendanceRecorded: { version: 2, fields: ['attendedOn'] },
  DecisionRecorded: { version: 2, fields: ['decidedOn'] },
  RecommendationMade: { version: 2, fields: ['madeOn'] },
  RecommendationResponded: { version: 2, fields: ['respondedOn'] },
  // The policies' read model took a version entered after it took effect as published on its effective date.
  PolicyVersionPublished: {
    version: 3,
    fields: ['publishedOn'],
    on: (data, recordedOn) =>
      typeof data.effectiveOn === 'string' && data.effectiveOn < recordedOn ? data.effectiveOn : recordedOn,
  },
  // The workstreams' read model took one as existing from its start, or from the day recorded when it started later.
  WorkstreamCommissioned: {
    version: 4,
    fields: ['commissionedOn'],
    on: (data, recordedOn) =>
      typeof data.startDate === 'string' && data.startDate < recordedOn ? data.startDate : recordedOn,
  },
  WorkstreamMemberAdded: { version: 4, fields: ['addedOn'] },
  WorkstreamMemberRemoved: { version: 4, fields: ['removedOn'] },
  TaskAdded: { version: 4, fields: ['addedOn'] },
  TaskStarted: WORKSTREAM_DAY,
  TaskBlocked: WORKSTREAM_DAY,
  TaskUnblocked: WORKSTREAM_DAY,
  TaskCompleted: WORKSTREAM_DAY,
  TaskCancelled: WORKSTREAM_DAY,
  TaskReassigned: WORKSTREAM_DAY,
  TaskDueDateChanged: WORKSTREAM_DAY,
  WrittenViewsSubmitted: { version: 4, fields: ['submittedOn'] },
  // Nothing then said which day a meeting closed on: the day it was recorded, as the history took it.
  MeetingClosed: { version: 4, fields: ['heldOn'] },
  WorkstreamLeadChanged: { version: 5, fields: ['changedOn'] },
  TaskCarriedOut: { version: 5, fields: ['changedOn'] },
  TaskCarriedIn: { version: 5, fields: ['changedOn'] },
  // `closedOn` was the moment the closing was recorded, and the workstream closed from its day in London.
  WorkstreamClosed: { version: 5, fields: ['closedOn'], replacesMoment: true },
};

/** Fields a version added that are not days, by event type, with what an older event is read as carrying. */
const FIELDS_ADDED: Readonly<Record<string, Readonly<{ version: number; values: Readonly<Record<string, unknown>> }>>> =
  {
    // Older terms named no first review: theirs is a year after adoption.
    TermsOfReferenceAdopted: { version: 5, values: { firstReviewBy: null } },
  };

/**
 * An event's data as the current schema reads it. Events recorded before their business dates were
 * kept fall back to the day they were recorded, in the group's time zone: what the platform then
 * took as their date. Stored events are never rewritten; this runs on reading.
 */
export function upcastData(type: string, data: unknown, schemaVersion: number, recordedAt: string): unknown {
  const fieldsAdded = FIELDS_ADDED[type];
  if (fieldsAdded && schemaVersion < fieldsAdded.version) return { ...fieldsAdded.values, ...(data as object) };
  const added = DATES_ADDED[type];
  if (!added || schemaVersion >= added.version) return data;
  const fields = data as Record<string, unknown>;
  const recordedOn = added.on ? added.on(fields, groupDateOf(recordedAt)) : groupDateOf(recordedAt);
  const isDay = (value: unknown) => typeof value === 'string' && isIsoDate(value);
  return {
    ...fields,
    ...Object.fromEntries(
      added.fields
        .filter((key) => fields[key] == null || (added.replacesMoment && !isDay(fields[key])))
        .map((key) => [key, recordedOn]),
    ),
  };
}
