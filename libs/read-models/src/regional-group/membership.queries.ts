import Database from 'better-sqlite3';
import { groupRows } from '../group-rows';

export interface PartnerRow {
  readonly partnerId: string;
  readonly groupId: string;
  readonly name: string;
  readonly agencyType: string;
  readonly admittedOn: string;
  readonly succeededBy: string | null;
  readonly succeededOn: string | null;
  /** The day a partner's notice to leave took effect (R13). */
  readonly leftOn: string | null;
}

export interface RepresentativeRow {
  readonly appointmentId: string;
  readonly groupId: string;
  readonly partnerId: string;
  readonly personId: string;
  readonly name: string;
  readonly title: string;
  readonly role: string;
  readonly seniority: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly endReason: string | null;
}

export interface TermsRow {
  readonly version: string;
  readonly summary: string;
  readonly quorumPercentage: number;
  readonly meetingCadenceMonths: number;
  readonly noticePeriodMonths: number;
  readonly statutoryTypesPerArea: string[];
  readonly adoptedOn: string;
}

export interface ReviewRow {
  /** The position of the event that recorded the review: reviews on the same day stay apart. */
  readonly position: number;
  readonly reviewedOn: string;
  readonly notes: string;
}

export interface FundingRow {
  readonly partnerId: string;
  readonly financialYear: string;
  readonly amountPence: number;
  readonly inKind: string | null;
  readonly unilateral: boolean;
  readonly recordedAt: string;
}

export interface OfficersRow {
  readonly chair: string | null;
  readonly deputyChair: string | null;
}

export interface DissolutionRow {
  readonly dissolvedAt: string | null;
  readonly agreedBy: string[];
}

/** The version of the terms of reference in force on `date`: the latest adopted by then, or null before any. */
export function termsRowInForceOn(terms: readonly TermsRow[], date: string): TermsRow | null {
  return [...terms].reverse().find((version) => version.adoptedOn <= date) ?? null;
}

const PARTNER_COLUMNS = `partner_id AS partnerId, group_id AS groupId, name, agency_type AS agencyType,
  admitted_on AS admittedOn, succeeded_by AS succeededBy, succeeded_on AS succeededOn, left_on AS leftOn`;
const REPRESENTATIVE_COLUMNS = `appointment_id AS appointmentId, group_id AS groupId, partner_id AS partnerId,
  person_id AS personId, name, title, role, seniority, start_date AS startDate, end_date AS endDate, end_reason AS endReason`;

/** Membership of regional groups: batched by id lists so per-request DataLoaders can use them. */
export class MembershipQueries {
  constructor(private readonly db: Database.Database) {}

  partnersOfGroups(groupIds: readonly string[]): Map<string, PartnerRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${PARTNER_COLUMNS} FROM core_partners WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      )
      .all(JSON.stringify(groupIds)) as PartnerRow[];
    return groupRows(groupIds, rows, (row) => row.groupId);
  }

  partners(partnerIds: readonly string[]): Map<string, PartnerRow> {
    const rows = this.db
      .prepare(`SELECT ${PARTNER_COLUMNS} FROM core_partners WHERE partner_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(partnerIds)) as PartnerRow[];
    return new Map(rows.map((row) => [row.partnerId, row]));
  }

  areaIdsOfPartners(partnerIds: readonly string[]): Map<string, string[]> {
    const rows = this.db
      .prepare(
        `SELECT pa.partner_id AS partnerId, pa.area_id AS areaId FROM partner_areas pa JOIN local_areas la ON la.area_id = pa.area_id
         WHERE pa.partner_id IN (SELECT value FROM json_each(?)) ORDER BY la.ordinal`,
      )
      .all(JSON.stringify(partnerIds)) as { partnerId: string; areaId: string }[];
    const byPartner = groupRows(partnerIds, rows, (row) => row.partnerId);
    return new Map([...byPartner].map(([id, list]) => [id, list.map((row) => row.areaId)]));
  }

  representativesOfGroups(groupIds: readonly string[]): Map<string, RepresentativeRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${REPRESENTATIVE_COLUMNS} FROM representatives WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      )
      .all(JSON.stringify(groupIds)) as RepresentativeRow[];
    return groupRows(groupIds, rows, (row) => row.groupId);
  }

  appointments(appointmentIds: readonly string[]): Map<string, RepresentativeRow> {
    const rows = this.db
      .prepare(
        `SELECT ${REPRESENTATIVE_COLUMNS} FROM representatives WHERE appointment_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(appointmentIds)) as RepresentativeRow[];
    return new Map(rows.map((row) => [row.appointmentId, row]));
  }

  officersOfGroups(groupIds: readonly string[]): Map<string, OfficersRow> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, chair_appointment_id AS chair, deputy_appointment_id AS deputyChair
         FROM regional_groups WHERE group_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(groupIds)) as (OfficersRow & { groupId: string })[];
    return new Map(rows.map(({ groupId, ...officers }) => [groupId, officers]));
  }

  /** Each group's versions of its terms of reference, in the order adopted. */
  termsOfGroups(groupIds: readonly string[]): Map<string, TermsRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, version, summary, quorum_percentage AS quorumPercentage, meeting_cadence_months AS meetingCadenceMonths,
           notice_period_months AS noticePeriodMonths, statutory_types AS statutoryTypes, adopted_on AS adoptedOn
         FROM terms_of_reference WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      )
      .all(JSON.stringify(groupIds)) as (Omit<TermsRow, 'statutoryTypesPerArea'> & {
      groupId: string;
      statutoryTypes: string;
    })[];
    const byGroup = groupRows(groupIds, rows, (row) => row.groupId);
    return new Map(
      [...byGroup].map(([id, list]) => [
        id,
        list.map(({ groupId: _groupId, statutoryTypes, ...row }) => ({
          ...row,
          statutoryTypesPerArea: JSON.parse(statutoryTypes) as string[],
        })),
      ]),
    );
  }

  termsReviewsOfGroups(groupIds: readonly string[]): Map<string, ReviewRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, sort_key AS position, reviewed_on AS reviewedOn, notes
         FROM terms_reviews WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      )
      .all(JSON.stringify(groupIds)) as (ReviewRow & { groupId: string })[];
    const byGroup = groupRows(groupIds, rows, (row) => row.groupId);
    return new Map([...byGroup].map(([id, list]) => [id, list.map(({ groupId: _groupId, ...row }) => row)]));
  }

  /** Each group's funding contributions, by financial year and partner; only one year when `financialYear` is given. */
  fundingOfGroups(groupIds: readonly string[], financialYear: string | null): Map<string, FundingRow[]> {
    const rows = this.db
      .prepare(
        `SELECT f.group_id AS groupId, f.partner_id AS partnerId, f.financial_year AS financialYear, f.amount_pence AS amountPence,
           f.in_kind AS inKind, f.unilateral, f.recorded_at AS recordedAt
         FROM funding_contributions f JOIN core_partners p ON p.partner_id = f.partner_id
         WHERE f.group_id IN (SELECT value FROM json_each(@groupIds)) AND (@financialYear IS NULL OR f.financial_year = @financialYear)
         ORDER BY f.financial_year, p.sort_key`,
      )
      .all({ groupIds: JSON.stringify(groupIds), financialYear }) as (Omit<FundingRow, 'unilateral'> & {
      groupId: string;
      unilateral: number;
    })[];
    const byGroup = groupRows(groupIds, rows, (row) => row.groupId);
    return new Map(
      [...byGroup].map(([id, list]) => [
        id,
        list.map(({ groupId: _groupId, ...row }) => ({ ...row, unilateral: row.unilateral === 1 })),
      ]),
    );
  }

  /** The group a local area belongs to, if any. */
  groupOfArea(areaId: string): string | null {
    const row = this.db.prepare('SELECT group_id AS groupId FROM local_areas WHERE area_id = ?').get(areaId) as
      { groupId: string } | undefined;
    return row?.groupId ?? null;
  }

  /** When each group was dissolved, if it has been, and the partners that agreed, in the order they agreed. */
  dissolutionsOfGroups(groupIds: readonly string[]): Map<string, DissolutionRow> {
    const ids = JSON.stringify(groupIds);
    const groups = this.db
      .prepare(
        'SELECT group_id AS groupId, dissolved_at AS dissolvedAt FROM regional_groups WHERE group_id IN (SELECT value FROM json_each(?))',
      )
      .all(ids) as { groupId: string; dissolvedAt: string | null }[];
    const agreed = groupRows(
      groupIds,
      this.db
        .prepare(
          `SELECT group_id AS groupId, partner_id AS partnerId FROM dissolution_agreements
           WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
        )
        .all(ids) as { groupId: string; partnerId: string }[],
      (row) => row.groupId,
    );
    const dissolvedAt = new Map(groups.map((row) => [row.groupId, row.dissolvedAt]));
    return new Map(
      groupIds.map((id) => [
        id,
        { dissolvedAt: dissolvedAt.get(id) ?? null, agreedBy: (agreed.get(id) ?? []).map((row) => row.partnerId) },
      ]),
    );
  }

  notices(groupId: string): NoticeRow[] {
    return this.noticesOfGroups([groupId]).get(groupId) ?? [];
  }

  /** Each group's notices to leave, in the order given. */
  noticesOfGroups(groupIds: readonly string[]): Map<string, NoticeRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, notice_id AS noticeId, partner_id AS partnerId, given_on AS givenOn, effective_on AS effectiveOn,
           status, consequences, withdrawn_on AS withdrawnOn
         FROM notices WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      )
      .all(JSON.stringify(groupIds)) as (Omit<NoticeRow, 'consequences'> & { groupId: string; consequences: string })[];
    const byGroup = groupRows(groupIds, rows, (row) => row.groupId);
    return new Map(
      [...byGroup].map(([id, list]) => [
        id,
        list.map(({ groupId: _groupId, consequences, ...row }) => ({
          ...row,
          consequences: JSON.parse(consequences) as NoticeRow['consequences'],
        })),
      ]),
    );
  }
  /** Groups with a notice still open: where the scheduler looks for effects due. */
  groupsWithOpenNotices(): string[] {
    return (
      this.db.prepare(`SELECT DISTINCT group_id AS groupId FROM notices WHERE status = 'OPEN'`).all() as {
        groupId: string;
      }[]
    ).map((r) => r.groupId);
  }
}

export interface NoticeRow {
  readonly noticeId: string;
  readonly partnerId: string;
  readonly givenOn: string;
  readonly effectiveOn: string;
  readonly status: 'OPEN' | 'WITHDRAWN' | 'EFFECTIVE';
  readonly withdrawnOn: string | null;
  readonly consequences: {
    coverageGaps: { areaId: string; areaName: string; agencyType: string }[];
    representativeCount: number;
    quorumRequired: number;
  };
}
