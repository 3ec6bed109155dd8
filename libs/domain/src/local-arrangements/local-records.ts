import { IsoDate } from '../shared/dates';
import { Message } from '../shared/decider';
import { Actor } from '../shared/roles';
import { ScrutinyCommand, ScrutinyEvent, ScrutinyState } from './scrutiny';

/** L1: an organisation taking part in the area's arrangement besides its statutory partners. */
export type RelevantAgencyRecorded = Message<
  'RelevantAgencyRecorded',
  { areaId: string; agencyId: string; name: string; agencyType: string; from: IsoDate; to: IsoDate | null }
>;
/** `to`: the first day it no longer takes part. */
export type RelevantAgencyEnded = Message<'RelevantAgencyEnded', { areaId: string; agencyId: string; to: IsoDate }>;
export const LOCAL_GROUP_KINDS = ['GROUP', 'WORKING_GROUP'] as const;
export type LocalGroupKind = (typeof LOCAL_GROUP_KINDS)[number];
/** L1: one of the area's own groups with how often it meets, and the regional workstreams it works to. */
export type LocalGroupRecorded = Message<
  'LocalGroupRecorded',
  {
    areaId: string;
    localGroupId: string;
    name: string;
    kind: LocalGroupKind;
    meetingsPerYear: number;
    workstreamIds: readonly string[];
  }
>;
/** L4: a version of the area's published arrangements. */
export type ArrangementsPublished = Message<
  'ArrangementsPublished',
  { areaId: string; version: string; publishedOn: IsoDate; secretaryOfStateNotifiedOn: IsoDate | null }
>;
export type SecretaryOfStateNotified = Message<
  'SecretaryOfStateNotified',
  { areaId: string; version: string; notifiedOn: IsoDate }
>;
export type ArrangementsImplemented = Message<
  'ArrangementsImplemented',
  { areaId: string; version: string; implementedOn: IsoDate }
>;
export type LocalRecordEvent =
  | RelevantAgencyRecorded
  | RelevantAgencyEnded
  | LocalGroupRecorded
  | ArrangementsPublished
  | SecretaryOfStateNotified
  | ArrangementsImplemented
  | ScrutinyEvent;

/** Who sends, for which area, and what the handler read of the facts the rules need. */
type AreaCommand<Type extends string, Data> = Message<
  Type,
  Data & { areaId: string; managedAreaIds: readonly string[]; actor: Actor; now: string }
>;
export type RecordRelevantAgency = AreaCommand<
  'RecordRelevantAgency',
  {
    agencyId: string;
    name: string;
    agencyType: string;
    from: IsoDate;
    to: IsoDate | null;
    /** The agency types the area's group knows, read from the group's stream (R2). */
    knownAgencyTypes: readonly string[];
  }
>;
export type EndRelevantAgency = AreaCommand<'EndRelevantAgency', { agencyId: string; to: IsoDate }>;
export type RecordLocalGroup = AreaCommand<
  'RecordLocalGroup',
  {
    localGroupId: string;
    name: string;
    kind: LocalGroupKind;
    meetingsPerYear: number;
    workstreamIds: readonly string[];
    /** The regional workstreams of the area's group, read from the workstreams' streams. */
    groupWorkstreamIds: readonly string[];
  }
>;
export type PublishArrangements = AreaCommand<
  'PublishArrangements',
  { version: string; publishedOn: IsoDate; secretaryOfStateNotifiedOn: IsoDate | null }
>;
export type RecordSecretaryOfStateNotified = AreaCommand<
  'RecordSecretaryOfStateNotified',
  { version: string; notifiedOn: IsoDate }
>;
export type RecordArrangementsImplemented = AreaCommand<
  'RecordArrangementsImplemented',
  { version: string; implementedOn: IsoDate }
>;
export type LocalRecordCommand =
  | RecordRelevantAgency
  | EndRelevantAgency
  | RecordLocalGroup
  | PublishArrangements
  | RecordSecretaryOfStateNotified
  | RecordArrangementsImplemented
  | ScrutinyCommand;

export type PublishedVersion = Readonly<{
  publishedOn: IsoDate;
  notifiedOn: IsoDate | null;
  implementedOn: IsoDate | null;
}>;
export type LocalRecords = Readonly<{
  agencies: Readonly<Record<string, { from: IsoDate; to: IsoDate | null }>>;
  localGroups: readonly string[];
  arrangements: Readonly<Record<string, PublishedVersion>>;
  scrutiny: ScrutinyState;
}>;

export const NO_LOCAL_RECORDS: LocalRecords = {
  agencies: {},
  localGroups: [],
  arrangements: {},
  scrutiny: { scrutineers: {}, activities: [], reports: {} },
};

const EVENT_TYPES: readonly string[] = [
  'RelevantAgencyRecorded',
  'RelevantAgencyEnded',
  'LocalGroupRecorded',
  'ArrangementsPublished',
  'SecretaryOfStateNotified',
  'ArrangementsImplemented',
  'ScrutineerAppointed',
  'ScrutinyActivityRecorded',
  'ScrutinyReportPublished',
  'ScrutinyRecommendationResponded',
] satisfies LocalRecordEvent['type'][];
const COMMAND_TYPES: readonly string[] = [
  'RecordRelevantAgency',
  'EndRelevantAgency',
  'RecordLocalGroup',
  'PublishArrangements',
  'RecordSecretaryOfStateNotified',
  'RecordArrangementsImplemented',
  'AppointScrutineer',
  'RecordScrutinyActivity',
  'PublishScrutinyReport',
  'RespondToScrutinyRecommendation',
] satisfies LocalRecordCommand['type'][];

export const isLocalRecordEvent = (event: Message): event is LocalRecordEvent => EVENT_TYPES.includes(event.type);
export const isLocalRecordCommand = (command: Message): command is LocalRecordCommand =>
  COMMAND_TYPES.includes(command.type);

export function evolveLocalRecords(records: LocalRecords, event: LocalRecordEvent): LocalRecords {
  switch (event.type) {
    case 'RelevantAgencyRecorded':
      return {
        ...records,
        agencies: { ...records.agencies, [event.data.agencyId]: { from: event.data.from, to: event.data.to } },
      };
    case 'RelevantAgencyEnded': {
      const agency = records.agencies[event.data.agencyId];
      return { ...records, agencies: { ...records.agencies, [event.data.agencyId]: { ...agency, to: event.data.to } } };
    }
    case 'LocalGroupRecorded':
      return { ...records, localGroups: [...records.localGroups, event.data.localGroupId] };
    case 'ArrangementsPublished':
      return withVersion(records, event.data.version, {
        publishedOn: event.data.publishedOn,
        notifiedOn: event.data.secretaryOfStateNotifiedOn,
        implementedOn: null,
      });
    case 'SecretaryOfStateNotified':
      return withVersion(records, event.data.version, { notifiedOn: event.data.notifiedOn });
    case 'ArrangementsImplemented':
      return withVersion(records, event.data.version, { implementedOn: event.data.implementedOn });
    default:
      return { ...records, scrutiny: evolveScrutiny(records.scrutiny, event) };
  }
}

function evolveScrutiny(state: ScrutinyState, event: ScrutinyEvent): ScrutinyState {
  switch (event.type) {
    case 'ScrutineerAppointed':
      return {
        ...state,
        scrutineers: { ...state.scrutineers, [event.data.scrutineerId]: { from: event.data.from, to: event.data.to } },
      };
    case 'ScrutinyActivityRecorded':
      return { ...state, activities: [...state.activities, event.data.activityId] };
    case 'ScrutinyReportPublished': {
      const recommendations = Object.fromEntries(
        event.data.recommendations.map((r) => [
          r.recommendationId,
          { targetPartnerIds: r.targetPartnerIds, responses: {} },
        ]),
      );
      return {
        ...state,
        reports: { ...state.reports, [event.data.reportId]: { publishedOn: event.data.publishedOn, recommendations } },
      };
    }
    case 'ScrutinyRecommendationResponded': {
      const { reportId, recommendationId, partnerId, response } = event.data;
      const report = state.reports[reportId];
      const recommendation = report.recommendations[recommendationId];
      return {
        ...state,
        reports: {
          ...state.reports,
          [reportId]: {
            ...report,
            recommendations: {
              ...report.recommendations,
              [recommendationId]: {
                ...recommendation,
                responses: { ...recommendation.responses, [partnerId]: response },
              },
            },
          },
        },
      };
    }
  }
}

function withVersion(records: LocalRecords, version: string, change: Partial<PublishedVersion>): LocalRecords {
  const current = records.arrangements[version] as PublishedVersion | undefined;
  return {
    ...records,
    arrangements: { ...records.arrangements, [version]: { ...(current as PublishedVersion), ...change } },
  };
}
