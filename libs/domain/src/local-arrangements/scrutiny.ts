import { IsoDate } from '../shared/dates';
import { Message } from '../shared/decider';
import { Actor } from '../shared/roles';
import { RecommendationResponse } from '../meetings/meeting.events';
import { ScrutineerTerms } from './scrutineers';

/** L6: an independent scrutineer of the area's arrangements, with the days of the appointment (`to` exclusive). */
export type ScrutineerAppointed = Message<
  'ScrutineerAppointed',
  { areaId: string; scrutineerId: string; name: string; from: IsoDate; to: IsoDate | null }
>;
export type ScrutinyActivityRecorded = Message<
  'ScrutinyActivityRecorded',
  { areaId: string; activityId: string; scrutineerId: string; examined: string; on: IsoDate }
>;
export type ScrutinyRecommendation = Readonly<{
  recommendationId: string;
  text: string;
  targetPartnerIds: readonly string[];
  dueDate: IsoDate;
}>;
export type ScrutinyReportPublished = Message<
  'ScrutinyReportPublished',
  {
    areaId: string;
    reportId: string;
    scrutineerId: string;
    title: string;
    publishedOn: IsoDate;
    recommendations: readonly ScrutinyRecommendation[];
  }
>;
/** R9 as L6 asks: a target partner's response to a scrutiny recommendation. */
export type ScrutinyRecommendationResponded = Message<
  'ScrutinyRecommendationResponded',
  {
    areaId: string;
    reportId: string;
    recommendationId: string;
    partnerId: string;
    response: RecommendationResponse;
    reason: string | null;
    respondedOn: IsoDate;
  }
>;
export type ScrutinyEvent =
  ScrutineerAppointed | ScrutinyActivityRecorded | ScrutinyReportPublished | ScrutinyRecommendationResponded;

type AreaCommand<Type extends string, Data> = Message<
  Type,
  Data & { areaId: string; managedAreaIds: readonly string[]; actor: Actor; now: string }
>;
export type AppointScrutineer = AreaCommand<
  'AppointScrutineer',
  { scrutineerId: string; name: string; from: IsoDate; to: IsoDate | null }
>;
/** The scrutineers appointed for the area's whole group, read from the group's stream (L6). */
type GroupScrutineers = { groupScrutineers: ScrutineerTerms };
export type RecordScrutinyActivity = AreaCommand<
  'RecordScrutinyActivity',
  { activityId: string; scrutineerId: string; examined: string; on: IsoDate } & GroupScrutineers
>;
export type PublishScrutinyReport = AreaCommand<
  'PublishScrutinyReport',
  {
    reportId: string;
    scrutineerId: string;
    title: string;
    publishedOn: IsoDate;
    recommendations: readonly ScrutinyRecommendation[];
    /** The core partners of the area's group, read from the group's stream. */
    groupPartnerIds: readonly string[];
  } & GroupScrutineers
>;
export type RespondToScrutinyRecommendation = AreaCommand<
  'RespondToScrutinyRecommendation',
  {
    recommendationId: string;
    partnerId: string;
    response: RecommendationResponse;
    reason: string | null;
    respondedOn: IsoDate | null;
    /** Predecessor -> successor among the group's partners (R16), read from the group's stream. */
    successors: Readonly<Record<string, string>>;
  }
>;
export type ScrutinyCommand =
  AppointScrutineer | RecordScrutinyActivity | PublishScrutinyReport | RespondToScrutinyRecommendation;

export type ScrutinyReportState = Readonly<{
  publishedOn: IsoDate;
  recommendations: Readonly<
    Record<string, { targetPartnerIds: readonly string[]; responses: Readonly<Record<string, RecommendationResponse>> }>
  >;
}>;
export type ScrutinyState = Readonly<{
  scrutineers: ScrutineerTerms;
  activities: readonly string[];
  reports: Readonly<Record<string, ScrutinyReportState>>;
}>;
