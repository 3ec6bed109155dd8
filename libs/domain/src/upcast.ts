import { groupDateOf, IsoDate } from './shared/dates';

/**
 * Version 2: every event that records a fact of the world carries the date it happened in its data.
 * Version 3: a policy version carries the day it was published.
 */
export const EVENT_SCHEMA_VERSION = 3;

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
};

/**
 * An event's data as the current schema reads it. Events recorded before their business dates were
 * kept fall back to the day they were recorded, in the group's time zone: what the platform then
 * took as their date. Stored events are never rewritten; this runs on reading.
 */
export function upcastData(type: string, data: unknown, schemaVersion: number, recordedAt: string): unknown {
  const added = DATES_ADDED[type];
  if (!added || schemaVersion >= added.version) return data;
  const fields = data as Record<string, unknown>;
  const recordedOn = added.on ? added.on(fields, groupDateOf(recordedAt)) : groupDateOf(recordedAt);
  return {
    ...fields,
    ...Object.fromEntries(added.fields.filter((key) => fields[key] == null).map((key) => [key, recordedOn])),
  };
}
