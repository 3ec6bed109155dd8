import Database from 'better-sqlite3';
import {
  AgencyTypeRequirement,
  CoverageGap,
  DefinedAgencyType,
  inForceOn,
  LocalGroupKind,
  RecommendationResponse,
} from '@app/domain';
import { recordedBy, TimeView, viewParameters } from '../bitemporal';
import { groupRows } from '../group-rows';

export interface RequirementRow extends AgencyTypeRequirement {
  /** The coverage gaps the requirement made on its first day, as worked out when it was recorded. */
  readonly gaps: CoverageGap[];
}

export interface RelevantAgencyRow {
  readonly agencyId: string;
  readonly areaId: string;
  readonly name: string;
  readonly agencyType: string;
  readonly from: string;
  readonly to: string | null;
}

export interface LocalGroupRow {
  readonly localGroupId: string;
  readonly areaId: string;
  readonly name: string;
  readonly kind: LocalGroupKind;
  readonly meetingsPerYear: number;
  readonly workstreamIds: string[];
}

export interface PublishedArrangementsRow {
  readonly areaId: string;
  readonly version: string;
  readonly publishedOn: string;
  readonly secretaryOfStateNotifiedOn: string | null;
  readonly implementedOn: string | null;
}

export interface ScrutineerRow {
  readonly scrutineerId: string;
  readonly name: string;
  readonly from: string;
  readonly to: string | null;
}

export interface ScrutinyActivityRow {
  readonly activityId: string;
  readonly scrutineerId: string;
  readonly examined: string;
  readonly on: string;
}

export interface ScrutinyResponseRow {
  readonly partnerId: string;
  readonly response: RecommendationResponse;
  readonly reason: string | null;
  readonly respondedOn: string;
}

export interface ScrutinyRecommendationRow {
  readonly recommendationId: string;
  readonly text: string;
  readonly targetPartnerIds: string[];
  readonly dueDate: string;
  /** Every response recorded by the view's position and given by its day, in order. */
  readonly responses: ScrutinyResponseRow[];
}

export interface ScrutinyReportRow {
  readonly reportId: string;
  readonly scrutineerId: string;
  readonly title: string;
  readonly publishedOn: string;
  readonly recommendations: ScrutinyRecommendationRow[];
}

/** The law as data and each area's own records, as recorded by the view's position (A3). */
/** R17: a partner's lead safeguarding partner and the delegate the lead named, from a day. */
export interface SafeguardingPartnersRow {
  readonly partnerId: string;
  readonly leadName: string;
  readonly leadTitle: string;
  readonly delegateName: string;
  readonly delegateTitle: string;
  readonly delegateSeniority: string;
  readonly from: string;
}

export class LocalArrangementQueries {
  constructor(private readonly db: Database.Database) {}

  /** Each group's required agency types recorded by the view's position, whatever day they come into force. */
  requirementsOfGroups(groupIds: readonly string[], view: TimeView): Map<string, RequirementRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, code, in_force_from AS inForceFrom, scope, gaps FROM agency_requirements
         WHERE group_id IN (SELECT value FROM json_each(@ids)) AND sort_key <= @position ORDER BY sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as (Omit<RequirementRow, 'gaps'> & {
      groupId: string;
      gaps: string;
    })[];
    return new Map(
      [...groupRows(groupIds, rows, (row) => row.groupId)].map(([id, list]) => [
        id,
        list.map(({ groupId: _groupId, gaps, ...row }) => ({ ...row, gaps: JSON.parse(gaps) as CoverageGap[] })),
      ]),
    );
  }

  /** Agency types each group defined by the day seen on, as recorded by the view's position. */
  definedTypesOfGroups(groupIds: readonly string[], view: TimeView): Map<string, DefinedAgencyType[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, code, name FROM agency_types_defined
         WHERE group_id IN (SELECT value FROM json_each(@ids)) AND sort_key <= @position AND defined_on <= @on
         ORDER BY sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as (DefinedAgencyType & { groupId: string })[];
    return new Map(
      [...groupRows(groupIds, rows, (row) => row.groupId)].map(([id, list]) => [
        id,
        list.map(({ code, name }) => ({ code, name })),
      ]),
    );
  }

  /** Every relevant agency of the area with its days, as the platform held them at the view's position. */
  relevantAgencies(areaId: string, view: TimeView): RelevantAgencyRow[] {
    return this.db
      .prepare(
        `SELECT a.agency_id AS agencyId, a.area_id AS areaId, a.name, a.agency_type AS agencyType,
           a.valid_from AS "from", a.valid_to AS "to"
         FROM relevant_agencies a WHERE a.area_id = @areaId AND ${recordedBy('a')} ORDER BY a.name, a.agency_id`,
      )
      .all({ areaId, ...viewParameters(view) }) as RelevantAgencyRow[];
  }

  localGroups(areaId: string, view: TimeView): LocalGroupRow[] {
    const rows = this.db
      .prepare(
        `SELECT local_group_id AS localGroupId, area_id AS areaId, name, kind, meetings_per_year AS meetingsPerYear,
           workstream_ids AS workstreamIds
         FROM local_groups WHERE area_id = @areaId AND sort_key <= @position ORDER BY sort_key`,
      )
      .all({ areaId, ...viewParameters(view) }) as (Omit<LocalGroupRow, 'workstreamIds'> & { workstreamIds: string })[];
    return rows.map((row) => ({ ...row, workstreamIds: JSON.parse(row.workstreamIds) as string[] }));
  }

  /** Versions published by the day seen on; a notification or implementation only once recorded and happened. */
  publishedArrangements(areaId: string, view: TimeView): PublishedArrangementsRow[] {
    return this.db
      .prepare(
        `SELECT area_id AS areaId, version, published_on AS publishedOn,
           CASE WHEN notified_position <= @position AND notified_on <= @on THEN notified_on END AS secretaryOfStateNotifiedOn,
           CASE WHEN implemented_position <= @position AND implemented_on <= @on THEN implemented_on END AS implementedOn
         FROM published_arrangements WHERE area_id = @areaId AND sort_key <= @position AND published_on <= @on
         ORDER BY published_on, sort_key`,
      )
      .all({ areaId, ...viewParameters(view) }) as PublishedArrangementsRow[];
  }

  scrutineers(areaId: string, view: TimeView): ScrutineerRow[] {
    return this.db
      .prepare(
        `SELECT scrutineer_id AS scrutineerId, name, from_date AS "from", to_date AS "to" FROM scrutineers
         WHERE area_id = @areaId AND sort_key <= @position ORDER BY from_date, sort_key`,
      )
      .all({ areaId, ...viewParameters(view) }) as ScrutineerRow[];
  }

  /** What the scrutineers examined by the day seen on. */
  scrutinyActivities(areaId: string, view: TimeView): ScrutinyActivityRow[] {
    return this.db
      .prepare(
        `SELECT activity_id AS activityId, scrutineer_id AS scrutineerId, examined, on_date AS "on"
         FROM scrutiny_activities WHERE area_id = @areaId AND sort_key <= @position AND on_date <= @on
         ORDER BY on_date, sort_key`,
      )
      .all({ areaId, ...viewParameters(view) }) as ScrutinyActivityRow[];
  }

  /** Reports published by the day seen on, with their recommendations and the responses given by then. */
  scrutinyReports(areaId: string, view: TimeView): ScrutinyReportRow[] {
    const parameters = { areaId, ...viewParameters(view) };
    const reports = this.db
      .prepare(
        `SELECT report_id AS reportId, scrutineer_id AS scrutineerId, title, published_on AS publishedOn
         FROM scrutiny_reports WHERE area_id = @areaId AND sort_key <= @position AND published_on <= @on
         ORDER BY published_on, sort_key`,
      )
      .all(parameters) as Omit<ScrutinyReportRow, 'recommendations'>[];
    const recommendations = this.db
      .prepare(
        `SELECT r.report_id AS reportId, r.recommendation_id AS recommendationId, r.text,
           r.target_partner_ids AS targetPartnerIds, r.due_date AS dueDate
         FROM scrutiny_recommendations r JOIN scrutiny_reports p ON p.report_id = r.report_id
         WHERE p.area_id = @areaId ORDER BY r.ordinal`,
      )
      .all(parameters) as (Omit<ScrutinyRecommendationRow, 'targetPartnerIds' | 'responses'> & {
      reportId: string;
      targetPartnerIds: string;
    })[];
    const responses = this.db
      .prepare(
        `SELECT s.recommendation_id AS recommendationId, s.partner_id AS partnerId, s.response, s.reason,
           s.responded_on AS respondedOn
         FROM scrutiny_responses s JOIN scrutiny_recommendations r ON r.recommendation_id = s.recommendation_id
           JOIN scrutiny_reports p ON p.report_id = r.report_id
         WHERE p.area_id = @areaId AND s.sort_key <= @position AND s.responded_on <= @on ORDER BY s.sort_key`,
      )
      .all(parameters) as (ScrutinyResponseRow & { recommendationId: string })[];
    return reports.map((report) => ({
      ...report,
      recommendations: recommendations
        .filter((r) => r.reportId === report.reportId)
        .map(({ reportId: _reportId, targetPartnerIds, ...r }) => ({
          ...r,
          targetPartnerIds: JSON.parse(targetPartnerIds) as string[],
          responses: responses
            .filter((response) => response.recommendationId === r.recommendationId)
            .map(({ recommendationId: _id, ...response }) => response),
        })),
    }));
  }

  /** L6: the group's own scrutineers appointed by the view's position, in the order appointed. */
  groupScrutineers(groupId: string, view: TimeView): ScrutineerRow[] {
    return this.db
      .prepare(
        `SELECT scrutineer_id AS scrutineerId, name, from_date AS "from", to_date AS "to" FROM group_scrutineers
         WHERE group_id = @groupId AND sort_key <= @position ORDER BY sort_key`,
      )
      .all({ groupId, ...viewParameters(view) }) as ScrutineerRow[];
  }

  /**
   * R17: each partner's lead and delegated safeguarding partners in force on the view's day (the
   * latest named by then), as recorded by its position, in the order first named.
   */
  safeguardingPartnersOfGroup(groupId: string, view: TimeView): SafeguardingPartnersRow[] {
    const rows = this.db
      .prepare(
        `SELECT partner_id AS partnerId, lead_name AS leadName, lead_title AS leadTitle, delegate_name AS delegateName,
           delegate_title AS delegateTitle, delegate_seniority AS delegateSeniority, from_date AS "from"
         FROM safeguarding_partners WHERE group_id = @groupId AND sort_key <= @position AND from_date <= @on
         ORDER BY sort_key`,
      )
      .all({ groupId, ...viewParameters(view) }) as SafeguardingPartnersRow[];
    const byPartner = new Map<string, SafeguardingPartnersRow[]>();
    for (const row of rows) byPartner.set(row.partnerId, [...(byPartner.get(row.partnerId) ?? []), row]);
    return [...byPartner.values()].flatMap((named) => inForceOn(named, view.on) ?? []);
  }

  /** R17: the group's minimum delegate seniorities and partnership chairs recorded by the view's position, with their days. */
  delegationOfGroup(
    groupId: string,
    view: TimeView,
  ): { minimums: { seniority: string; from: string }[]; chairs: { name: string; title: string; from: string }[] } {
    const parameters = { groupId, ...viewParameters(view) };
    return {
      minimums: this.db
        .prepare(
          `SELECT seniority, from_date AS "from" FROM delegate_minimums
           WHERE group_id = @groupId AND sort_key <= @position ORDER BY sort_key`,
        )
        .all(parameters) as { seniority: string; from: string }[],
      chairs: this.db
        .prepare(
          `SELECT name, title, from_date AS "from" FROM partnership_chairs
           WHERE group_id = @groupId AND sort_key <= @position ORDER BY sort_key`,
        )
        .all(parameters) as { name: string; title: string; from: string }[],
    };
  }
}
