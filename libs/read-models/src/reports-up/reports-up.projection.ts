import Database from 'better-sqlite3';
import {
  LocalArrangementEvent,
  localArrangementStream,
  RegionalGroupEvent,
  regionalGroupStream,
  RegionalReportsEvent,
  regionalReportsStream,
} from '@app/domain';
import { StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase } from '../projection';

const GROUP_PREFIX = regionalGroupStream('');
const REPORTS_PREFIX = regionalReportsStream('');
const AREA_PREFIX = localArrangementStream('');

const statements = statementsPerDatabase((db) => ({
  rememberArea: db.prepare('INSERT OR REPLACE INTO reports_up_areas (area_id, group_id) VALUES (?, ?)'),
  groupOfArea: db.prepare('SELECT group_id AS groupId FROM reports_up_areas WHERE area_id = ?'),
  insertReview: db.prepare(
    `INSERT INTO practice_reviews (review_id, group_id, area_id, reference, aware_on, notified_on, notification_due_on,
       rapid_review_due_on, restricted, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  reviewNotified: db.prepare(
    'UPDATE practice_reviews SET notified_on = ?, rapid_review_due_on = ? WHERE review_id = ?',
  ),
  reviewDecided: db.prepare(
    `UPDATE practice_reviews SET decision = ?, decision_reason = ?, decided_on = ?, publication_due_on = ?
     WHERE review_id = ?`,
  ),
  reviewPublished: db.prepare('UPDATE practice_reviews SET published_on = ?, link = ? WHERE review_id = ?'),
  review: db.prepare(
    'SELECT reference, restricted, rapid_review_due_on AS rapidReviewDueOn FROM practice_reviews WHERE review_id = ?',
  ),
  insertItem: db.prepare(
    `INSERT INTO inbox_items (position, item_id, group_id, area_id, kind, title, due_on, received_on, restricted, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  acknowledge: db.prepare('UPDATE inbox_items SET acknowledged_at = ?, acknowledged_by = ? WHERE item_id = ?'),
  resolve: db.prepare('UPDATE inbox_items SET resolved_on = ? WHERE item_id = ?'),
  insertResponse: db.prepare(
    `INSERT INTO escalation_responses (position, escalation_id, kind, text, on_date, person_id) VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  defineMeasure: db.prepare('INSERT INTO performance_measures (measure_id, group_id, name) VALUES (?, ?, ?)'),
}));

/**
 * L2, L5: what the areas send up to their group, as the region's inbox shows it, and each area's
 * practice reviews with the deadlines their events set. Statuses (due, late, received; due, met,
 * missed) depend on the day asked and are computed by the domain's rules when read, never stored.
 */
export const reportsUpProjection: Projection = {
  name: 'reports-up',
  version: 1,
  streams: [GROUP_PREFIX, REPORTS_PREFIX, AREA_PREFIX],
  tables: ['reports_up_areas', 'practice_reviews', 'inbox_items', 'escalation_responses', 'performance_measures'],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE reports_up_areas (area_id TEXT PRIMARY KEY, group_id TEXT NOT NULL);
      CREATE TABLE practice_reviews (
        review_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, area_id TEXT NOT NULL, reference TEXT NOT NULL,
        aware_on TEXT NOT NULL, notified_on TEXT, notification_due_on TEXT NOT NULL, rapid_review_due_on TEXT,
        decision TEXT, decision_reason TEXT, decided_on TEXT, publication_due_on TEXT, published_on TEXT, link TEXT,
        restricted INTEGER NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX practice_reviews_group ON practice_reviews (group_id, position);
      CREATE TABLE inbox_items (
        position INTEGER PRIMARY KEY, item_id TEXT NOT NULL UNIQUE, group_id TEXT NOT NULL, area_id TEXT NOT NULL,
        kind TEXT NOT NULL, title TEXT NOT NULL, due_on TEXT, received_on TEXT NOT NULL, restricted INTEGER NOT NULL,
        details TEXT NOT NULL, acknowledged_at TEXT, acknowledged_by TEXT, resolved_on TEXT
      );
      CREATE INDEX inbox_items_group ON inbox_items (group_id, position);
      CREATE TABLE escalation_responses (
        position INTEGER PRIMARY KEY, escalation_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        on_date TEXT NOT NULL, person_id TEXT
      );
      CREATE INDEX escalation_responses_escalation ON escalation_responses (escalation_id, position);
      CREATE TABLE performance_measures (measure_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, name TEXT NOT NULL);`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    const s = statements(db);
    const personId = (stored.metadata.actor as { personId?: string } | undefined)?.personId ?? null;
    if (stored.streamId.startsWith(GROUP_PREFIX)) {
      const event = stored as unknown as RegionalGroupEvent;
      if (event.type === 'RegionalGroupEstablished')
        for (const area of event.data.areas) s.rememberArea.run(area.areaId, event.data.groupId);
      if (event.type === 'AreaAdded') s.rememberArea.run(event.data.areaId, stored.streamId.slice(GROUP_PREFIX.length));
      return;
    }
    if (stored.streamId.startsWith(REPORTS_PREFIX)) {
      const event = stored as unknown as RegionalReportsEvent;
      switch (event.type) {
        case 'MeasureDefined':
          s.defineMeasure.run(event.data.measureId, event.data.groupId, event.data.name);
          return;
        case 'InboxItemAcknowledged':
          s.acknowledge.run(event.data.acknowledgedAt, personId, event.data.itemId);
          return;
        case 'EscalationResponded':
          s.insertResponse.run(
            stored.position,
            event.data.escalationId,
            'RESPONSE',
            event.data.response,
            event.data.respondedOn,
            personId,
          );
          return;
        case 'EscalationResolved':
          s.insertResponse.run(
            stored.position,
            event.data.escalationId,
            'RESOLUTION',
            event.data.resolution,
            event.data.resolvedOn,
            personId,
          );
          s.resolve.run(event.data.resolvedOn, event.data.escalationId);
          return;
      }
    }
    if (!stored.streamId.startsWith(AREA_PREFIX)) return;
    const event = stored as unknown as LocalArrangementEvent;
    if (event.type === 'FeedItemAcknowledged' || event.type === 'PolicyAdoptionRecorded') return;
    const { areaId } = event.data;
    const groupId = (s.groupOfArea.get(areaId) as { groupId: string } | undefined)?.groupId;
    if (!groupId) return;
    const item = (
      itemId: string,
      kind: string,
      title: string,
      dueOn: string | null,
      receivedOn: string,
      restricted: boolean,
      details: object,
    ) =>
      s.insertItem.run(
        stored.position,
        itemId,
        groupId,
        areaId,
        kind,
        title,
        dueOn,
        receivedOn,
        restricted ? 1 : 0,
        JSON.stringify(details),
      );
    switch (event.type) {
      case 'SeriousIncidentNotified': {
        const d = event.data;
        s.insertReview.run(
          d.reviewId,
          groupId,
          areaId,
          d.reference,
          d.awareOn,
          d.notifiedOn,
          d.notificationDueOn,
          d.rapidReviewDueOn,
          d.restricted ? 1 : 0,
          stored.position,
        );
        return;
      }
      case 'PanelNotificationRecorded':
        s.reviewNotified.run(event.data.notifiedOn, event.data.rapidReviewDueOn, event.data.reviewId);
        return;
      case 'RapidReviewDecisionRecorded': {
        const d = event.data;
        s.reviewDecided.run(d.decision, d.reason, d.decidedOn, d.publicationDueOn, d.reviewId);
        const review = s.review.get(d.reviewId) as
          { reference: string; restricted: number; rapidReviewDueOn: string | null } | undefined;
        if (!review) return;
        item(
          d.reviewId,
          'PRACTICE_REVIEW_DECISION',
          `Rapid review decision on ${review.reference}: ${d.decision}`,
          review.rapidReviewDueOn,
          d.decidedOn,
          review.restricted === 1,
          { reviewId: d.reviewId, reference: review.reference, decision: d.decision, reason: d.reason },
        );
        return;
      }
      case 'LocalReviewPublished':
        s.reviewPublished.run(event.data.publishedOn, event.data.link, event.data.reviewId);
        return;
      case 'YearlyReportSubmitted': {
        const { reportId, dueOn, publishedOn, period, ...rest } = event.data;
        item(reportId, 'YEARLY_REPORT', `Yearly report ${period}`, dueOn, publishedOn, false, {
          period,
          publishedOn,
          link: rest.link,
          sentToNationalPanelOn: rest.sentToNationalPanelOn,
          sentToWhatWorksOn: rest.sentToWhatWorksOn,
          dispatchDueOn: rest.dispatchDueOn,
        });
        return;
      }
      case 'PerformanceFiguresSubmitted': {
        const d = event.data;
        item(d.figuresId, 'PERFORMANCE_FIGURES', `${d.measureName}, ${d.period}`, d.dueOn, d.submittedOn, false, {
          measureId: d.measureId,
          measureName: d.measureName,
          period: d.period,
          count: d.count,
        });
        return;
      }
      case 'EscalationRaised': {
        const d = event.data;
        item(d.escalationId, 'ESCALATION', d.title, null, d.raisedOn, d.restricted, { detail: d.detail });
        return;
      }
      case 'LocalDecisionShared': {
        const d = event.data;
        item(d.decisionId, 'LOCAL_DECISION', d.title, null, d.decidedOn, false, { decision: d.decision });
        return;
      }
    }
  },
};
