import Database from 'better-sqlite3';
import { groupDateOf, LocalArrangementEvent, localArrangementStream, PolicyEvent, policyStream } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import { BITEMPORAL_COLUMNS, FactTable, insertFact, openFact, replaceFact, supersedeFrom } from '../bitemporal';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

const AREA_PREFIX = localArrangementStream('');
const POLICY_PREFIX = policyStream('');

/**
 * A policy's status, review date, title and draft from each day: drafted, revised, approved,
 * published, reviewed, retired (D1, A3).
 */
export const POLICY_STATES: FactTable = {
  table: 'policy_states',
  key: ['policy_id'],
  values: [
    'group_id',
    'status',
    'review_due_on',
    'title',
    'draft_title',
    'draft_body',
    'draft_summary',
    'draft_approved',
  ],
};
/** Each published version, from the day it was published (or took effect, when entered later). */
export const POLICY_VERSIONS: FactTable = {
  table: 'policy_versions',
  key: ['policy_id', 'version'],
  values: ['title', 'body', 'summary', 'effective_on', 'review_on'],
};
/** Each area's decision on a version, from the day it was decided; a later decision closes it. */
export const POLICY_ADOPTIONS: FactTable = {
  table: 'policy_adoptions',
  key: ['policy_id', 'version', 'area_id'],
  values: ['decision', 'variation', 'reason', 'decided_on'],
};

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
  insertVersionArea: db.prepare('INSERT INTO policy_version_areas (policy_id, version, area_id) VALUES (?, ?, ?)'),
  insertReview: db.prepare(
    'INSERT INTO policy_reviews (policy_id, reviewed_on, outcome, next_review_on, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  reviewDue: db.prepare('UPDATE policies SET review_due_on = ? WHERE policy_id = ?'),
  retire: db.prepare(`UPDATE policies SET status = 'RETIRED', retired_reason = ?, retired_on = ? WHERE policy_id = ?`),
  state: db.prepare(
    `SELECT group_id, status, review_due_on, title, draft_title, draft_body, draft_summary, draft_approved
     FROM policies WHERE policy_id = ?`,
  ),
}));

/** Regional policies, their versions and reviews, and each area's own decisions on them (D1). */
export const policiesProjection: Projection = {
  name: 'policies',
  // 2: bitemporal states, versions and adoptions (A3). 3: corrections of adoption decisions (A7).
  // 4: the title and draft in each state, as they stood (A3).
  // 5: days are London's, not UTC's.
  // 6: a draft is approved from the day of the meeting that approved it, not the day that was recorded.
  version: 6,
  streams: [AREA_PREFIX, POLICY_PREFIX],
  tables: [
    'policies',
    'policy_states',
    'policy_versions',
    'policy_version_areas',
    'policy_reviews',
    'policy_adoptions',
  ],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE policies (
        policy_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, title TEXT NOT NULL, workstream_id TEXT, status TEXT NOT NULL,
        draft_title TEXT, draft_body TEXT, draft_summary TEXT, draft_approved INTEGER NOT NULL, approved_decision_id TEXT,
        review_due_on TEXT, retired_reason TEXT, retired_on TEXT, sort_key INTEGER NOT NULL
      );
      CREATE TABLE policy_states (
        policy_id TEXT NOT NULL, group_id TEXT NOT NULL, status TEXT NOT NULL, review_due_on TEXT, title TEXT NOT NULL,
        draft_title TEXT, draft_body TEXT, draft_summary TEXT, draft_approved INTEGER NOT NULL, ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX policy_states_by_policy ON policy_states (policy_id, valid_from);
      CREATE TABLE policy_versions (
        policy_id TEXT NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, summary TEXT NOT NULL,
        effective_on TEXT NOT NULL, review_on TEXT NOT NULL, ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX policy_versions_by_policy ON policy_versions (policy_id, version);
      CREATE TABLE policy_version_areas (policy_id TEXT NOT NULL, version INTEGER NOT NULL, area_id TEXT NOT NULL, PRIMARY KEY (policy_id, version, area_id));
      CREATE TABLE policy_reviews (policy_id TEXT NOT NULL, reviewed_on TEXT NOT NULL, outcome TEXT NOT NULL, next_review_on TEXT, sort_key INTEGER NOT NULL);
      CREATE TABLE policy_adoptions (
        policy_id TEXT NOT NULL, version INTEGER NOT NULL, area_id TEXT NOT NULL, decision TEXT NOT NULL, variation TEXT, reason TEXT,
        decided_on TEXT NOT NULL, ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX policy_adoptions_by_policy ON policy_adoptions (policy_id, version, area_id);`);
  },

  // Only queries use these: a rebuild sorts each once at the end instead of keeping it in order row by row.
  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS policies_by_group ON policies (group_id, sort_key)',
    'CREATE INDEX IF NOT EXISTS policy_states_by_group ON policy_states (group_id, valid_from)',
  ],

  apply(db: Database.Database, stored: StoredEvent) {
    const s = statements(db);
    if (stored.streamId.startsWith(AREA_PREFIX)) {
      const event = stored as unknown as LocalArrangementEvent;
      if (event.type === 'PolicyAdoptionRecorded' || event.type === 'PolicyAdoptionCorrected') {
        const { policyId, version, areaId, decision, variation, reason, decidedOn } = event.data;
        // A correction replaces the decision on every day, as known from now on; the rows shown before stay (A7).
        (event.type === 'PolicyAdoptionRecorded' ? openFact : replaceFact)(
          db,
          POLICY_ADOPTIONS,
          { policy_id: policyId, version, area_id: areaId },
          { decision, variation, reason, decided_on: decidedOn },
          decidedOn,
          stored.position,
        );
      }
      return;
    }
    if (!stored.streamId.startsWith(POLICY_PREFIX)) return;
    const policyId = stored.streamId.slice(POLICY_PREFIX.length);
    const event = stored as unknown as PolicyEvent;
    const recordedOn = groupDateOf(occurredAtOf(stored));
    /** The policy as the event left it holds from `from` (an event of a policy never drafted changes nothing). */
    const stateFrom = (from: string) => {
      const state = s.state.get(policyId) as Record<string, unknown> | undefined;
      if (state) supersedeFrom(db, POLICY_STATES, { policy_id: policyId }, state, from, stored.position);
    };
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
        stateFrom(recordedOn);
        return;
      case 'PolicyDraftRevised':
        s.revise.run(event.data.title, event.data.body, event.data.summary, policyId);
        stateFrom(recordedOn);
        return;
      case 'PolicyApproved':
        s.approve.run(event.data.decisionId, policyId);
        // Approvals recorded before the meeting's day was kept have only the day they were recorded.
        stateFrom(event.data.approvedOn ?? recordedOn);
        return;
      case 'PolicyVersionPublished': {
        const { version, title, body, summary, effectiveOn, reviewOn, areas, publishedOn } = event.data;
        const row = {
          policy_id: policyId,
          version,
          title,
          body,
          summary,
          effective_on: effectiveOn,
          review_on: reviewOn,
        };
        insertFact(db, POLICY_VERSIONS, row, publishedOn, stored.position);
        for (const area of areas) s.insertVersionArea.run(policyId, version, area.areaId);
        s.publish.run(title, reviewOn, policyId);
        stateFrom(publishedOn);
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
        stateFrom(event.data.reviewedOn);
        return;
      case 'PolicyRetired':
        s.retire.run(event.data.reason, event.data.retiredOn, policyId);
        stateFrom(event.data.retiredOn);
        return;
      default:
        return unhandled(event);
    }
  },
};
