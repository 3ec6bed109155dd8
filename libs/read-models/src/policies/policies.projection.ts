import Database from 'better-sqlite3';
import { LocalArrangementEvent, PolicyEvent } from '@app/domain';
import { StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

const statements = statementsPerDatabase((db) => ({
  insertPolicy: db.prepare(
    `INSERT INTO policies (policy_id, group_id, title, workstream_id, status, draft_title, draft_body, draft_summary, draft_approved, sort_key)
     VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, 0, ?)`,
  ),
  revise: db.prepare(
    'UPDATE policies SET draft_title = ?, draft_body = ?, draft_summary = ?, draft_approved = 0 WHERE policy_id = ?',
  ),
  approve: db.prepare('UPDATE policies SET draft_approved = 1, approved_decision_id = ? WHERE policy_id = ?'),
  publish: db.prepare(
    `UPDATE policies SET status = 'PUBLISHED', title = ?, draft_title = NULL, draft_body = NULL, draft_summary = NULL, draft_approved = 0, review_due_on = ?
     WHERE policy_id = ?`,
  ),
  insertVersion: db.prepare(
    'INSERT INTO policy_versions (policy_id, version, title, body, summary, effective_on, review_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  insertVersionArea: db.prepare('INSERT INTO policy_version_areas (policy_id, version, area_id) VALUES (?, ?, ?)'),
  insertReview: db.prepare(
    'INSERT INTO policy_reviews (policy_id, reviewed_on, outcome, next_review_on, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  reviewDue: db.prepare('UPDATE policies SET review_due_on = ? WHERE policy_id = ?'),
  retire: db.prepare(`UPDATE policies SET status = 'RETIRED', retired_reason = ?, retired_on = ? WHERE policy_id = ?`),
  insertAdoption: db.prepare(
    `INSERT INTO policy_adoptions (policy_id, version, area_id, decision, variation, reason, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
}));

/** Regional policies, their versions and reviews, and each area's own decisions on them (D1). */
export const policiesProjection: Projection = {
  name: 'policies',
  version: 1,
  tables: ['policies', 'policy_versions', 'policy_version_areas', 'policy_reviews', 'policy_adoptions'],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE policies (
        policy_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, title TEXT NOT NULL, workstream_id TEXT, status TEXT NOT NULL,
        draft_title TEXT, draft_body TEXT, draft_summary TEXT, draft_approved INTEGER NOT NULL, approved_decision_id TEXT,
        review_due_on TEXT, retired_reason TEXT, retired_on TEXT, sort_key INTEGER NOT NULL
      );
      CREATE INDEX policies_by_group ON policies (group_id, sort_key);
      CREATE TABLE policy_versions (
        policy_id TEXT NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, summary TEXT NOT NULL,
        effective_on TEXT NOT NULL, review_on TEXT NOT NULL, PRIMARY KEY (policy_id, version)
      );
      CREATE TABLE policy_version_areas (policy_id TEXT NOT NULL, version INTEGER NOT NULL, area_id TEXT NOT NULL, PRIMARY KEY (policy_id, version, area_id));
      CREATE TABLE policy_reviews (policy_id TEXT NOT NULL, reviewed_on TEXT NOT NULL, outcome TEXT NOT NULL, next_review_on TEXT, sort_key INTEGER NOT NULL);
      CREATE TABLE policy_adoptions (
        policy_id TEXT NOT NULL, version INTEGER NOT NULL, area_id TEXT NOT NULL, decision TEXT NOT NULL, variation TEXT, reason TEXT,
        decided_on TEXT NOT NULL, PRIMARY KEY (policy_id, version, area_id)
      );`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    const s = statements(db);
    if (stored.streamId.startsWith('local-arrangement-')) {
      const event = stored as unknown as LocalArrangementEvent;
      if (event.type === 'PolicyAdoptionRecorded') {
        const { policyId, version, areaId, decision, variation, reason, decidedOn } = event.data;
        s.insertAdoption.run(policyId, version, areaId, decision, variation, reason, decidedOn);
      }
      return;
    }
    if (!stored.streamId.startsWith('policy-')) return;
    const policyId = stored.streamId.slice('policy-'.length);
    const event = stored as unknown as PolicyEvent;
    switch (event.type) {
      case 'PolicyDrafted':
        s.insertPolicy.run(
          policyId,
          event.data.groupId,
          event.data.title,
          event.data.workstreamId,
          event.data.title,
          event.data.body,
          event.data.summary,
          stored.position,
        );
        return;
      case 'PolicyDraftRevised':
        s.revise.run(event.data.title, event.data.body, event.data.summary, policyId);
        return;
      case 'PolicyApproved':
        s.approve.run(event.data.decisionId, policyId);
        return;
      case 'PolicyVersionPublished': {
        const { version, title, body, summary, effectiveOn, reviewOn, areas } = event.data;
        s.insertVersion.run(policyId, version, title, body, summary, effectiveOn, reviewOn);
        for (const area of areas) s.insertVersionArea.run(policyId, version, area.areaId);
        s.publish.run(title, reviewOn, policyId);
        return;
      }
      case 'PolicyReviewed':
        s.insertReview.run(
          policyId,
          event.data.reviewedOn,
          event.data.outcome,
          event.data.nextReviewOn,
          stored.position,
        );
        if (event.data.nextReviewOn) s.reviewDue.run(event.data.nextReviewOn, policyId);
        return;
      case 'PolicyRetired':
        s.retire.run(event.data.reason, event.data.retiredOn, policyId);
        return;
      default:
        return unhandled(event);
    }
  },
};
