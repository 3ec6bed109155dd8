import Database from 'better-sqlite3';
import { recordedBy, seenBy, TimeView, viewParameters, WHOLE_RECORD } from '../bitemporal';
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
  /** Whether it was a member on the day the rows are seen on. */
  readonly member: boolean;
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
  /** The first day of its seat for the partner seen (R16: a successor's seat starts when it took it over). */
  readonly partnerSince: string;
  readonly endDate: string | null;
  readonly endReason: string | null;
  /** Whether it held its seat on the day the rows are seen on. */
  readonly current: boolean;
}

export interface TermsRow {
  readonly version: string;
  readonly summary: string;
  readonly quorumPercentage: number;
  readonly meetingCadenceMonths: number;
  readonly noticePeriodMonths: number;
  readonly statutoryTypesPerArea: string[];
  readonly adoptedOn: string;
  readonly firstReviewBy: string | null;
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
  /** The day it was agreed or changed. */
  readonly validFrom: string;
}

export interface OfficersRow {
  readonly chair: string | null;
  readonly deputyChair: string | null;
}

export interface DissolutionRow {
  readonly dissolvedAt: string | null;
  readonly agreedBy: string[];
}

/** What happened after the day seen on, or was recorded after the position seen at, is not yet known. */
const PARTNER_COLUMNS = `p.partner_id AS partnerId, p.group_id AS groupId, p.name, p.agency_type AS agencyType,
  p.admitted_on AS admittedOn,
  CASE WHEN p.succeeded_on <= @on AND p.ended_position <= @position THEN p.succeeded_by END AS succeededBy,
  CASE WHEN p.succeeded_on <= @on AND p.ended_position <= @position THEN p.succeeded_on END AS succeededOn,
  CASE WHEN p.left_on <= @on AND p.ended_position <= @position THEN p.left_on END AS leftOn,
  EXISTS (SELECT 1 FROM partner_memberships m WHERE m.partner_id = p.partner_id AND ${seenBy('m')}) AS member`;
/** Partners admitted by the day seen on, as recorded by the position seen at. */
const PARTNERS_KNOWN = 'p.admitted_on <= @on AND p.sort_key <= @position';

/** An appointment with the seat it held on the day seen on, or its last seat before then. */
const REPRESENTATIVE_SELECT = `SELECT r.appointment_id AS appointmentId, r.group_id AS groupId, s.partner_id AS partnerId,
  r.person_id AS personId, r.name, r.title, r.role, r.seniority, r.start_date AS startDate,
  (SELECT MIN(s3.valid_from) FROM representative_seats s3
   WHERE s3.appointment_id = r.appointment_id AND s3.partner_id = s.partner_id AND ${recordedBy('s3')}) AS partnerSince,
  CASE WHEN r.end_date <= @on THEN r.end_date END AS endDate,
  CASE WHEN r.end_date <= @on THEN r.end_reason END AS endReason,
  (s.valid_to IS NULL OR s.valid_to > @on) AS current
  FROM representatives r JOIN representative_seats s ON s.appointment_id = r.appointment_id
  WHERE r.sort_key <= @position AND ${recordedBy('s')} AND s.valid_from = (
    SELECT MAX(s2.valid_from) FROM representative_seats s2
    WHERE s2.appointment_id = r.appointment_id AND s2.valid_from <= @on AND ${recordedBy('s2')})`;

type Flagged<Row, Flag extends string> = Omit<Row, Flag> & Record<Flag, number>;

const toPartnerRow = ({ member, ...row }: Flagged<PartnerRow, 'member'>): PartnerRow => ({
  ...row,
  member: member === 1,
});
const toRepresentativeRow = ({ current, ...row }: Flagged<RepresentativeRow, 'current'>): RepresentativeRow => ({
  ...row,
  current: current === 1,
});

/**
 * Membership of regional groups, seen on a day as recorded by a position (a TimeView): batched by
 * id lists so per-request DataLoaders can use them. "Current" is the view of today, recorded now.
 */
export class MembershipQueries {
  constructor(private readonly db: Database.Database) {}

  /** The day a group came into being, or undefined when there is no such group. */
  establishedOn(groupId: string): string | undefined {
    const row = this.db
      .prepare('SELECT established_on AS establishedOn FROM regional_groups WHERE group_id = ?')
      .get(groupId) as { establishedOn: string } | undefined;
    return row?.establishedOn;
  }

  /** The moment the platform first recorded anything of the group; null for one it does not hold. */
  firstRecordedAt(groupId: string): string | null {
    const row = this.db
      .prepare('SELECT MIN(recorded_at) AS recordedAt FROM group_recordings WHERE group_id = ?')
      .get(groupId) as { recordedAt: string | null };
    return row.recordedAt;
  }

  /** The position of the last event of the group the platform had recorded at `instant`, or null before any. */
  positionAt(groupId: string, instant: string): number | null {
    const row = this.db
      .prepare('SELECT MAX(position) AS position FROM group_recordings WHERE group_id = ? AND recorded_at <= ?')
      .get(groupId, instant) as { position: number | null };
    return row.position;
  }

  partnersOfGroups(groupIds: readonly string[], view: TimeView): Map<string, PartnerRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${PARTNER_COLUMNS} FROM core_partners p
         WHERE p.group_id IN (SELECT value FROM json_each(@ids)) AND ${PARTNERS_KNOWN} ORDER BY p.sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as Flagged<PartnerRow, 'member'>[];
    return groupRows(groupIds, rows.map(toPartnerRow), (row) => row.groupId);
  }

  partners(partnerIds: readonly string[], view: TimeView = WHOLE_RECORD): Map<string, PartnerRow> {
    const rows = this.db
      .prepare(
        `SELECT ${PARTNER_COLUMNS} FROM core_partners p WHERE p.partner_id IN (SELECT value FROM json_each(@ids))`,
      )
      .all({ ids: JSON.stringify(partnerIds), ...viewParameters(view) }) as Flagged<PartnerRow, 'member'>[];
    return new Map(rows.map((row) => [row.partnerId, toPartnerRow(row)]));
  }

  /** The areas each partner covered on the day seen on (none outside its membership). */
  areaIdsOfPartners(partnerIds: readonly string[], view: TimeView): Map<string, string[]> {
    const rows = this.db
      .prepare(
        `SELECT c.partner_id AS partnerId, c.area_id AS areaId FROM partner_coverage c
         JOIN local_areas la ON la.area_id = c.area_id
         WHERE c.partner_id IN (SELECT value FROM json_each(@ids)) AND ${seenBy('c')} ORDER BY la.ordinal`,
      )
      .all({ ids: JSON.stringify(partnerIds), ...viewParameters(view) }) as { partnerId: string; areaId: string }[];
    const byPartner = groupRows(partnerIds, rows, (row) => row.partnerId);
    return new Map([...byPartner].map(([id, list]) => [id, list.map((row) => row.areaId)]));
  }

  /** Every appointment begun by the day seen on, each in the seat it held then; `current` marks those holding one. */
  representativesOfGroups(groupIds: readonly string[], view: TimeView): Map<string, RepresentativeRow[]> {
    const rows = this.db
      .prepare(`${REPRESENTATIVE_SELECT} AND r.group_id IN (SELECT value FROM json_each(@ids)) ORDER BY r.sort_key`)
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as Flagged<RepresentativeRow, 'current'>[];
    return groupRows(groupIds, rows.map(toRepresentativeRow), (row) => row.groupId);
  }

  appointments(appointmentIds: readonly string[], view: TimeView): Map<string, RepresentativeRow> {
    const rows = this.db
      .prepare(`${REPRESENTATIVE_SELECT} AND r.appointment_id IN (SELECT value FROM json_each(@ids))`)
      .all({ ids: JSON.stringify(appointmentIds), ...viewParameters(view) }) as Flagged<RepresentativeRow, 'current'>[];
    return new Map(rows.map((row) => [row.appointmentId, toRepresentativeRow(row)]));
  }

  /** The appointments holding each group's chair and deputy chair on the day seen on. */
  officersOfGroups(groupIds: readonly string[], view: TimeView): Map<string, OfficersRow> {
    const rows = this.db
      .prepare(
        `SELECT g.group_id AS groupId, g.post, g.appointment_id AS appointmentId FROM group_posts g
         WHERE g.group_id IN (SELECT value FROM json_each(@ids)) AND ${seenBy('g')}`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as {
      groupId: string;
      post: string;
      appointmentId: string;
    }[];
    const byGroup = groupRows(groupIds, rows, (row) => row.groupId);
    const holder = (list: typeof rows, post: string) => list.find((row) => row.post === post)?.appointmentId ?? null;
    return new Map(
      [...byGroup].map(([id, list]) => [
        id,
        { chair: holder(list, 'CHAIR'), deputyChair: holder(list, 'DEPUTY_CHAIR') },
      ]),
    );
  }

  /** Each group's versions of its terms of reference recorded by the view's position, in the order adopted. */
  termsOfGroups(groupIds: readonly string[], view: TimeView = WHOLE_RECORD): Map<string, TermsRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, version, summary, quorum_percentage AS quorumPercentage, meeting_cadence_months AS meetingCadenceMonths,
           notice_period_months AS noticePeriodMonths, statutory_types AS statutoryTypes, adopted_on AS adoptedOn,
           first_review_by AS firstReviewBy
         FROM terms_of_reference WHERE group_id IN (SELECT value FROM json_each(@ids)) AND sort_key <= @position
         ORDER BY sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as (Omit<TermsRow, 'statutoryTypesPerArea'> & {
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

  /** Each group's reviews held by the day seen on, as recorded by the position seen at. */
  termsReviewsOfGroups(groupIds: readonly string[], view: TimeView): Map<string, ReviewRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, sort_key AS position, reviewed_on AS reviewedOn, notes FROM terms_reviews
         WHERE group_id IN (SELECT value FROM json_each(@ids)) AND reviewed_on <= @on AND sort_key <= @position
         ORDER BY sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as (ReviewRow & { groupId: string })[];
    const byGroup = groupRows(groupIds, rows, (row) => row.groupId);
    return new Map([...byGroup].map(([id, list]) => [id, list.map(({ groupId: _groupId, ...row }) => row)]));
  }

  /** R15: each group's contributions as they stood on the day seen on; only one year when `financialYear` is given. */
  fundingOfGroups(
    groupIds: readonly string[],
    financialYear: string | null,
    view: TimeView,
  ): Map<string, FundingRow[]> {
    const rows = this.db
      .prepare(
        `SELECT f.group_id AS groupId, f.partner_id AS partnerId, f.financial_year AS financialYear,
           f.amount_pence AS amountPence, f.in_kind AS inKind, f.unilateral, f.recorded_at AS recordedAt,
           f.valid_from AS validFrom
         FROM funding_contributions f JOIN core_partners p ON p.partner_id = f.partner_id
         WHERE f.group_id IN (SELECT value FROM json_each(@ids)) AND (@year IS NULL OR f.financial_year = @year)
           AND ${seenBy('f')}
         ORDER BY f.financial_year, p.sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), year: financialYear, ...viewParameters(view) }) as (Omit<
      FundingRow,
      'unilateral'
    > & { groupId: string; unilateral: number })[];
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

  /** A group's notices as the whole record holds them. */
  notices(groupId: string): NoticeRow[] {
    return this.noticesOfGroups([groupId], WHOLE_RECORD).get(groupId) ?? [];
  }

  /** Each group's notices given by the day seen on, as recorded by the position seen at, in the order given. */
  noticesOfGroups(groupIds: readonly string[], view: TimeView): Map<string, NoticeRow[]> {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, notice_id AS noticeId, partner_id AS partnerId, given_on AS givenOn, effective_on AS effectiveOn,
           status, consequences, withdrawn_on AS withdrawnOn
         FROM notices WHERE group_id IN (SELECT value FROM json_each(@ids)) AND given_on <= @on AND sort_key <= @position
         ORDER BY sort_key`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as (Omit<NoticeRow, 'consequences'> & {
      groupId: string;
      consequences: string;
    })[];
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
