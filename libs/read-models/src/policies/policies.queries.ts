import Database from 'better-sqlite3';
import { recordedBy, seenBy, TimeView, viewParameters } from '../bitemporal';
import { groupRows } from '../group-rows';

export interface PolicyRow {
  readonly policyId: string;
  readonly groupId: string;
  /** The title last published, or the draft's before any version was: what the policy is called. */
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

/**
 * A policy seen on a view: its status, review date, title and draft as they stood (`policy_states`).
 * A policy with no state seen there did not yet exist.
 */
const POLICY_SEEN = `SELECT p.policy_id AS policyId, p.group_id AS groupId, s.title, p.workstream_id AS workstreamId, s.status,
  s.draft_title AS draftTitle, s.draft_body AS draftBody, s.draft_summary AS draftSummary, s.draft_approved AS draftApproved,
  s.review_due_on AS reviewDueOn, CASE WHEN s.status = 'RETIRED' THEN p.retired_reason END AS retiredReason
  FROM policies p JOIN policy_states s ON s.policy_id = p.policy_id AND ${seenBy('s')}`;

export class PolicyQueries {
  constructor(private readonly db: Database.Database) {}

  /** The policy as today knows it, whatever the day: for its group and whether it exists at all. */
  policy(policyId: string): PolicyRow | undefined {
    return this.db.prepare(`SELECT ${POLICY_COLUMNS} FROM policies WHERE policy_id = ?`).get(policyId) as
      PolicyRow | undefined;
  }

  /** The policy as seen on `view`, or undefined when it did not exist then. */
  policySeen(policyId: string, view: TimeView): PolicyRow | undefined {
    return this.db.prepare(`${POLICY_SEEN} WHERE p.policy_id = @policyId`).get({
      policyId,
      ...viewParameters(view),
    }) as PolicyRow | undefined;
  }

  /** The first day the policy existed as recorded by the view's position, or null when it was not yet recorded. */
  firstDay(policyId: string, view: TimeView): string | null {
    const row = this.db
      .prepare(
        `SELECT MIN(s.valid_from) AS firstDay FROM policy_states s WHERE s.policy_id = @policyId AND ${recordedBy('s')}`,
      )
      .get({ policyId, ...viewParameters(view) }) as { firstDay: string | null };
    return row.firstDay;
  }

  /** The policies of many groups seen on `view` in one query, each group's in the order they were drafted. */
  policiesOfGroups(groupIds: readonly string[], view: TimeView): Map<string, PolicyRow[]> {
    const rows = this.db
      .prepare(`${POLICY_SEEN} WHERE p.group_id IN (SELECT value FROM json_each(@ids)) ORDER BY p.sort_key`)
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as PolicyRow[];
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

  /** Each policy's versions published by the view's day, as recorded by its position, oldest first. */
  versionsOfPolicies(policyIds: readonly string[], view: TimeView): Map<string, PolicyVersionRow[]> {
    return this.byPolicy<PolicyVersionRow>(
      `SELECT v.policy_id AS policyId, v.version, v.title, v.body, v.summary, v.effective_on AS effectiveOn, v.review_on AS reviewOn
       FROM policy_versions v WHERE v.policy_id IN (SELECT value FROM json_each(@ids)) AND ${seenBy('v')} ORDER BY v.version`,
      policyIds,
      view,
    );
  }

  /** The areas each version of each policy went to (versions not yet seen have no decisions to wait for). */
  versionAreasOfPolicies(policyIds: readonly string[]): Map<string, VersionAreaRow[]> {
    return this.byPolicy<VersionAreaRow>(
      `SELECT policy_id AS policyId, version, area_id AS areaId
       FROM policy_version_areas WHERE policy_id IN (SELECT value FROM json_each(@ids)) ORDER BY rowid`,
      policyIds,
      null,
    );
  }

  /** Each area's decision on each version as it stood on the view's day, as recorded by its position. */
  adoptionsOfPolicies(policyIds: readonly string[], view: TimeView): Map<string, AdoptionRow[]> {
    return this.byPolicy<AdoptionRow>(
      `SELECT a.policy_id AS policyId, a.version, a.area_id AS areaId, a.decision, a.variation, a.reason, a.decided_on AS decidedOn
       FROM policy_adoptions a WHERE a.policy_id IN (SELECT value FROM json_each(@ids)) AND ${seenBy('a')}
       ORDER BY a.version, a.decided_on`,
      policyIds,
      view,
    );
  }

  /** Reviews held by the view's day, as recorded by its position. */
  reviewsOfPolicies(policyIds: readonly string[], view: TimeView): Map<string, PolicyReviewRow[]> {
    return this.byPolicy<PolicyReviewRow>(
      `SELECT policy_id AS policyId, reviewed_on AS reviewedOn, outcome, next_review_on AS nextReviewOn
       FROM policy_reviews WHERE policy_id IN (SELECT value FROM json_each(@ids)) AND reviewed_on <= @on AND sort_key <= @position
       ORDER BY sort_key`,
      policyIds,
      view,
    );
  }

  /**
   * Rows of a per-policy table for several policies at once; `sql` takes the ids as one JSON array
   * `@ids`, the view as `@on` and `@position` when one is given, and selects `policyId`.
   */
  private byPolicy<Row>(sql: string, policyIds: readonly string[], view: TimeView | null): Map<string, Row[]> {
    const ids = JSON.stringify(policyIds);
    const rows = this.db.prepare(sql).all(view ? { ids, ...viewParameters(view) } : { ids }) as (Row & {
      policyId: string;
    })[];
    const byPolicy = groupRows(policyIds, rows, (row) => row.policyId);
    return new Map([...byPolicy].map(([id, list]) => [id, list.map(({ policyId: _policyId, ...row }) => row as Row)]));
  }
}
