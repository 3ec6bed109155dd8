import Database from 'better-sqlite3';
import { groupRows } from '../group-rows';

export interface PolicyRow {
  readonly policyId: string;
  readonly groupId: string;
  readonly title: string;
  readonly workstreamId: string | null;
  readonly status: 'DRAFT' | 'PUBLISHED' | 'RETIRED';
  readonly draftTitle: string | null;
  readonly draftBody: string | null;
  readonly draftSummary: string | null;
  readonly draftApproved: number;
  readonly reviewDueOn: string | null;
  readonly retiredReason: string | null;
}

export interface PolicyVersionRow {
  readonly version: number;
  readonly title: string;
  readonly body: string;
  readonly summary: string;
  readonly effectiveOn: string;
  readonly reviewOn: string;
}

export interface AdoptionRow {
  readonly version: number;
  readonly areaId: string;
  readonly decision: string;
  readonly variation: string | null;
  readonly reason: string | null;
  readonly decidedOn: string;
}

export interface VersionAreaRow {
  readonly version: number;
  readonly areaId: string;
}

export interface PolicyReviewRow {
  readonly reviewedOn: string;
  readonly outcome: string;
  readonly nextReviewOn: string | null;
}

const POLICY_COLUMNS = `policy_id AS policyId, group_id AS groupId, title, workstream_id AS workstreamId, status, draft_title AS draftTitle,
  draft_body AS draftBody, draft_summary AS draftSummary, draft_approved AS draftApproved, review_due_on AS reviewDueOn, retired_reason AS retiredReason`;

export class PolicyQueries {
  constructor(private readonly db: Database.Database) {}

  policy(policyId: string): PolicyRow | undefined {
    return this.db.prepare(`SELECT ${POLICY_COLUMNS} FROM policies WHERE policy_id = ?`).get(policyId) as
      PolicyRow | undefined;
  }

  /** The policies of many groups in one query, each group's in the order they were drafted. */
  policiesOfGroups(groupIds: readonly string[]): Map<string, PolicyRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${POLICY_COLUMNS} FROM policies WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      )
      .all(JSON.stringify(groupIds)) as PolicyRow[];
    return groupRows(groupIds, rows, (row) => row.groupId);
  }

  /** Published, not retired, with a review date on or before `until`. */
  dueForReview(groupId: string, until: string): PolicyRow[] {
    return this.db
      .prepare(
        `SELECT ${POLICY_COLUMNS} FROM policies WHERE group_id = ? AND status = 'PUBLISHED' AND review_due_on <= ? ORDER BY review_due_on`,
      )
      .all(groupId, until) as PolicyRow[];
  }

  /** Each policy's published versions, oldest first. */
  versionsOfPolicies(policyIds: readonly string[]): Map<string, PolicyVersionRow[]> {
    return this.byPolicy<PolicyVersionRow>(
      `SELECT policy_id AS policyId, version, title, body, summary, effective_on AS effectiveOn, review_on AS reviewOn
       FROM policy_versions WHERE policy_id IN (SELECT value FROM json_each(?)) ORDER BY version`,
      policyIds,
    );
  }

  /** The areas each version of each policy went to. */
  versionAreasOfPolicies(policyIds: readonly string[]): Map<string, VersionAreaRow[]> {
    return this.byPolicy<VersionAreaRow>(
      `SELECT policy_id AS policyId, version, area_id AS areaId
       FROM policy_version_areas WHERE policy_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      policyIds,
    );
  }

  adoptionsOfPolicies(policyIds: readonly string[]): Map<string, AdoptionRow[]> {
    return this.byPolicy<AdoptionRow>(
      `SELECT policy_id AS policyId, version, area_id AS areaId, decision, variation, reason, decided_on AS decidedOn
       FROM policy_adoptions WHERE policy_id IN (SELECT value FROM json_each(?)) ORDER BY version, decided_on`,
      policyIds,
    );
  }

  reviewsOfPolicies(policyIds: readonly string[]): Map<string, PolicyReviewRow[]> {
    return this.byPolicy<PolicyReviewRow>(
      `SELECT policy_id AS policyId, reviewed_on AS reviewedOn, outcome, next_review_on AS nextReviewOn
       FROM policy_reviews WHERE policy_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      policyIds,
    );
  }

  /** Rows of a per-policy table for several policies at once; `sql` takes the ids as one JSON array and selects `policyId`. */
  private byPolicy<Row>(sql: string, policyIds: readonly string[]): Map<string, Row[]> {
    const rows = this.db.prepare(sql).all(JSON.stringify(policyIds)) as (Row & { policyId: string })[];
    const byPolicy = groupRows(policyIds, rows, (row) => row.policyId);
    return new Map([...byPolicy].map(([id, list]) => [id, list.map(({ policyId: _policyId, ...row }) => row as Row)]));
  }
}
