import { groupDateOf } from './shared/dates';

/** Version 2: every event that records a fact of the world carries the date it happened in its data. */
export const EVENT_SCHEMA_VERSION = 2;

/** The business dates version 2 added, by event type. */
const DATES_ADDED_IN_VERSION_2: Readonly<Record<string, readonly string[]>> = {
  RegionalGroupEstablished: ['establishedOn'],
  PartnerCoverageChanged: ['changedOn'],
  ChairAppointed: ['from'],
  DeputyChairAppointed: ['from'],
  ChairRotated: ['on'],
  ChairPostVacated: ['on'],
  FundingContributionAgreed: ['agreedOn'],
  FundingContributionChanged: ['changedOn'],
  MeetingOpened: ['membershipOn'],
  AttendanceRecorded: ['attendedOn'],
  DecisionRecorded: ['decidedOn'],
  RecommendationMade: ['madeOn'],
  RecommendationResponded: ['respondedOn'],
};

/**
 * An event's data as the current schema reads it. Events recorded before business dates were
 * kept (version 1) fall back to the day they were recorded, in the group's time zone: what the
 * platform then took as their date. Stored events are never rewritten; this runs on reading.
 */
export function upcastData(type: string, data: unknown, schemaVersion: number, recordedAt: string): unknown {
  const added = DATES_ADDED_IN_VERSION_2[type];
  if (schemaVersion >= EVENT_SCHEMA_VERSION || !added) return data;
  const fields = data as Record<string, unknown>;
  const recordedOn = groupDateOf(recordedAt);
  return {
    ...fields,
    ...Object.fromEntries(added.filter((key) => fields[key] == null).map((key) => [key, recordedOn])),
  };
}
