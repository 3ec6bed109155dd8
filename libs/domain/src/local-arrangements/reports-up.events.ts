import { IsoDate } from '../shared/dates';
import { Message } from '../shared/decider';
import { Actor } from '../shared/roles';

/** L2: a yearly report (Children Act 2004 s.16G) and the two days it was sent on (Working Together 2023). */
export type YearlyReportSubmitted = Message<
  'YearlyReportSubmitted',
  {
    areaId: string;
    reportId: string;
    period: string;
    publishedOn: IsoDate;
    link: string;
    sentToNationalPanelOn: IsoDate;
    sentToWhatWorksOn: IsoDate;
    /** 12 months after the area's previous report; null for its first. */
    dueOn: IsoDate | null;
    /** 7 days after publication: both sendings are checked against it. */
    dispatchDueOn: IsoDate;
  }
>;
/** L2: counts only, for a measure the group keeps, for one quarter. */
export type PerformanceFiguresSubmitted = Message<
  'PerformanceFiguresSubmitted',
  {
    areaId: string;
    figuresId: string;
    measureId: string;
    measureName: string;
    period: string;
    count: number;
    submittedOn: IsoDate;
    dueOn: IsoDate;
  }
>;
export type EscalationRaised = Message<
  'EscalationRaised',
  {
    areaId: string;
    /** The area's group: whose members may read it when restricted (R42). */
    groupId: string;
    escalationId: string;
    title: string;
    detail: string;
    restricted: boolean;
    raisedOn: IsoDate;
  }
>;
/** L2, D1: a decision the area took for itself, shared with the region for its information. */
export type LocalDecisionShared = Message<
  'LocalDecisionShared',
  { areaId: string; decisionId: string; title: string; decision: string; decidedOn: IsoDate }
>;
export type ReportsUpEvent =
  YearlyReportSubmitted | PerformanceFiguresSubmitted | EscalationRaised | LocalDecisionShared;

type ByAreaManager = {
  areaId: string;
  managedAreaIds: readonly string[];
  actor: Actor;
  now: string;
  /** The day the area joined its group, as the group's stream holds it: nothing sent up is dated before. */
  areaJoinedOn: IsoDate;
};

export type SubmitYearlyReport = Message<
  'SubmitYearlyReport',
  ByAreaManager & {
    reportId: string;
    period: string;
    publishedOn: IsoDate;
    link: string;
    sentToNationalPanelOn: IsoDate;
    sentToWhatWorksOn: IsoDate;
  }
>;
export type SubmitPerformanceFigures = Message<
  'SubmitPerformanceFigures',
  ByAreaManager & {
    figuresId: string;
    /** The measure as the group's list holds it, read by the handler; null when the group keeps no such measure. */
    measure: Readonly<{ measureId: string; name: string }> | null;
    period: string;
    count: number;
    /** The day the area sent them; today when null. */
    submittedOn: IsoDate | null;
  }
>;
export type RaiseEscalation = Message<
  'RaiseEscalation',
  ByAreaManager & {
    groupId: string;
    escalationId: string;
    title: string;
    detail: string;
    restricted: boolean;
    raisedOn: IsoDate | null;
  }
>;
export type ShareLocalDecision = Message<
  'ShareLocalDecision',
  ByAreaManager & { decisionId: string; title: string; decision: string; decidedOn: IsoDate | null }
>;
export type ReportsUpCommand = SubmitYearlyReport | SubmitPerformanceFigures | RaiseEscalation | ShareLocalDecision;

export const REPORTS_UP_COMMANDS: readonly ReportsUpCommand['type'][] = [
  'SubmitYearlyReport',
  'SubmitPerformanceFigures',
  'RaiseEscalation',
  'ShareLocalDecision',
];

/** What the area has sent up, as its stream holds it: enough to refuse a repeat and to count the next due date. */
export type ReportsUpState = Readonly<{
  yearlyReports: readonly Readonly<{ reportId: string; period: string; publishedOn: IsoDate }>[];
  /** `measureId@period` for every figure sent. */
  figures: readonly string[];
  escalations: Readonly<Record<string, Readonly<{ title: string; restricted: boolean }>>>;
  decisions: readonly string[];
}>;
