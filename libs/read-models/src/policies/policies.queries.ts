import Database from 'better-sqlite3';

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

const POLICY_COLUMNS = `policy_id AS policyId, group_id AS groupId, title, workstream_id AS workstreamId, status, draft_title AS draftTitle,
  draft_body AS draftBody, draft_summary AS draftSummary, draft_approved AS draftApproved, review_due_on AS reviewDueOn, retired_reason AS retiredReason`;

export class PolicyQueries {
  constructor(private readonly db: Database.Database) {}

  policy(policyId: string): PolicyRow | undefined {
    return this.db.prepare(`SELECT ${POLICY_COLUMNS} FROM policies WHERE policy_id = ?`).get(policyId) as
      PolicyRow | undefined;
  }

  policiesOfGroup(groupId: string): PolicyRow[] {
    return this.db
      .prepare(`SELECT ${POLICY_COLUMNS} FROM policies WHERE group_id = ? ORDER BY sort_key`)
      .all(groupId) as PolicyRow[];
  }

  /** Published, not retired, with a review date on or before `until`. */
  dueForReview(groupId: string, until: string): PolicyRow[] {
    return this.db
      .prepare(
        `SELECT ${POLICY_COLUMNS} FROM policies WHERE group_id = ? AND status = 'PUBLISHED' AND review_due_on <= ? ORDER BY review_due_on`,
      )
      .all(groupId, until) as PolicyRow[];
  }

  versions(policyId: string): PolicyVersionRow[] {
    return this.db
      .prepare(
        'SELECT version, title, body, summary, effective_on AS effectiveOn, review_on AS reviewOn FROM policy_versions WHERE policy_id = ? ORDER BY version',
      )
      .all(policyId) as PolicyVersionRow[];
  }

  versionAreas(policyId: string, version: number): string[] {
    return (
      this.db
        .prepare('SELECT area_id AS areaId FROM policy_version_areas WHERE policy_id = ? AND version = ?')
        .all(policyId, version) as { areaId: string }[]
    ).map((row) => row.areaId);
  }

  adoptions(policyId: string): AdoptionRow[] {
    return this.db
      .prepare(
        'SELECT version, area_id AS areaId, decision, variation, reason, decided_on AS decidedOn FROM policy_adoptions WHERE policy_id = ? ORDER BY version, decided_on',
      )
      .all(policyId) as AdoptionRow[];
  }

  reviews(policyId: string): { reviewedOn: string; outcome: string; nextReviewOn: string | null }[] {
    return this.db
      .prepare(
        'SELECT reviewed_on AS reviewedOn, outcome, next_review_on AS nextReviewOn FROM policy_reviews WHERE policy_id = ? ORDER BY sort_key',
      )
      .all(policyId) as { reviewedOn: string; outcome: string; nextReviewOn: string | null }[];
  }
}
