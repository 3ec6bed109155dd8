import Database from 'better-sqlite3';
import {
  CommunicationEvent,
  communicationStream,
  groupDateOf,
  happenedOn,
  LocalArrangementEvent,
  localArrangementStream,
  MeetingEvent,
  meetingStream,
  PolicyEvent,
  policyStream,
  RegionalGroupEvent,
  regionalGroupStream,
  WorkstreamEvent,
  workstreamStream,
} from '@app/domain';
import { occurredAtOf, SignedTreeHead, StoredEvent, TRANSPARENCY_LOG_STREAM, TREE_HEAD_SIGNED } from '@app/event-store';
import { Projection, statementsPerDatabase } from '../projection';

const MEETING_PREFIX = meetingStream('');
const GROUP_PREFIX = regionalGroupStream('');
const AREA_PREFIX = localArrangementStream('');
const POLICY_PREFIX = policyStream('');
const COMMUNICATION_PREFIX = communicationStream('');
const WORKSTREAM_PREFIX = workstreamStream('');

const statements = statementsPerDatabase((db) => ({
  insertItem: db.prepare(
    `INSERT INTO area_feed (area_id, position, kind, subject_id, title, occurred_at, happened_on, restricted, concerned_area_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  rememberMeeting: db.prepare('INSERT INTO area_feed_meetings (meeting_id, starts_at) VALUES (?, ?)'),
  meetingDate: db.prepare('SELECT starts_at AS startsAt FROM area_feed_meetings WHERE meeting_id = ?'),
  rememberArea: db.prepare('INSERT OR IGNORE INTO area_feed_areas (area_id, known_from) VALUES (?, ?)'),
  rememberTreeHead: db.prepare(
    `INSERT INTO area_feed_tree_heads (position, event_id, occurred_at, happened_on, tree_size, root_hash, timestamp, key_id, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  acknowledge: db.prepare(
    'INSERT INTO feed_acknowledgements (area_id, position, acknowledged_at, person_id) VALUES (?, ?, ?, ?)',
  ),
}));

/**
 * What flows down to each area (D1-D5), from whichever context sends it. An item's cursor is
 * the position of the event that put it in the feed, so feeds resume exactly where they stopped.
 * Every signed head of the transparency log goes to every area known when it was signed: it is
 * kept once, with the position each area became known from, and the queries put it in each
 * area's feed, so a head costs one row however many areas there are.
 */
export const areaFeedProjection: Projection = {
  name: 'area-feed',
  // 9: minutes are titled with the day their meeting met in London, not in UTC.
  // 10: each item keeps the day what it announces happened, apart from when it was recorded.
  // 11: a day later than the recording (a workstream starting later) is a plan: the item happened when recorded.
  version: 11,
  streams: [
    MEETING_PREFIX,
    TRANSPARENCY_LOG_STREAM,
    GROUP_PREFIX,
    AREA_PREFIX,
    POLICY_PREFIX,
    COMMUNICATION_PREFIX,
    WORKSTREAM_PREFIX,
  ],
  tables: ['area_feed', 'area_feed_meetings', 'feed_acknowledgements', 'area_feed_areas', 'area_feed_tree_heads'],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE area_feed (
        area_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, subject_id TEXT NOT NULL,
        title TEXT NOT NULL, occurred_at TEXT NOT NULL, happened_on TEXT NOT NULL,
        restricted INTEGER NOT NULL, concerned_area_ids TEXT NOT NULL,
        PRIMARY KEY (area_id, position)
      );
      CREATE TABLE area_feed_meetings (meeting_id TEXT PRIMARY KEY, starts_at TEXT NOT NULL);
      CREATE TABLE feed_acknowledgements (
        area_id TEXT NOT NULL, position INTEGER NOT NULL, acknowledged_at TEXT NOT NULL, person_id TEXT,
        PRIMARY KEY (area_id, position)
      );
      CREATE TABLE area_feed_areas (area_id TEXT PRIMARY KEY, known_from INTEGER NOT NULL);
      CREATE TABLE area_feed_tree_heads (
        position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, occurred_at TEXT NOT NULL,
        happened_on TEXT NOT NULL, tree_size INTEGER NOT NULL, root_hash TEXT NOT NULL, timestamp TEXT NOT NULL,
        key_id TEXT NOT NULL, signature TEXT NOT NULL
      );`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    const s = statements(db);
    const occurredAt = occurredAtOf(stored);
    // History from before the platform is entered with its real dates, often years after it happened. Read only
    // from the events that send an item: this projection reads nothing of the streams it does not declare.
    const happened = () => happenedOn(stored.data, occurredAt);
    // R42: a restricted item keeps the mark and the areas it concerns, so every view can apply the read rule to it.
    const feed = (
      areas: readonly { areaId: string }[],
      kind: string,
      subjectId: string,
      title: string,
      restricted = false,
    ) => {
      const concerned = JSON.stringify(areas.map((area) => area.areaId));
      const day = happened();
      for (const area of areas)
        s.insertItem.run(
          area.areaId,
          stored.position,
          kind,
          subjectId,
          title,
          occurredAt,
          day,
          restricted ? 1 : 0,
          concerned,
        );
    };
    if (stored.streamId.startsWith(MEETING_PREFIX)) {
      const event = stored as unknown as MeetingEvent;
      const meetingId = stored.streamId.slice(MEETING_PREFIX.length);
      // Minutes reach the areas even for a meeting this projection never saw scheduled, without its date.
      const meetingOf = () => {
        const meeting = s.meetingDate.get(meetingId) as { startsAt: string } | undefined;
        return meeting ? `the meeting of ${groupDateOf(meeting.startsAt)}` : 'a meeting';
      };
      switch (event.type) {
        case 'MeetingScheduled':
          s.rememberMeeting.run(meetingId, event.data.startsAt);
          return;
        case 'MinutesPublished':
          feed(event.data.areas, 'MINUTES_PUBLISHED', meetingId, `Minutes of ${meetingOf()}`);
          return;
        case 'MinutesCorrected':
          feed(event.data.areas, 'MINUTES_CORRECTED', meetingId, `Correction to the minutes of ${meetingOf()}`);
          return;
        default:
          return;
      }
    }
    if (stored.streamId === TRANSPARENCY_LOG_STREAM && stored.type === TREE_HEAD_SIGNED) {
      // A4: every area's own system keeps the heads it is sent, as witnesses of the log.
      const head = stored.data as SignedTreeHead;
      s.rememberTreeHead.run(
        stored.position,
        stored.id,
        occurredAt,
        happened(),
        head.treeSize,
        head.rootHash,
        head.timestamp,
        head.keyId,
        head.signature,
      );
      return;
    }
    if (stored.streamId.startsWith(GROUP_PREFIX)) {
      const event = stored as unknown as RegionalGroupEvent;
      if (event.type === 'RegionalGroupEstablished') {
        for (const area of event.data.areas) s.rememberArea.run(area.areaId, stored.position);
      }
      if (event.type === 'AreaAdded') s.rememberArea.run(event.data.areaId, stored.position);
      if (event.type === 'NoticeToLeaveGiven') {
        const areas = event.data.areaIds.map((areaId) => ({ areaId }));
        feed(
          areas,
          'NOTICE_TO_LEAVE',
          event.data.noticeId,
          `${event.data.partnerName} has given notice to leave, effective ${event.data.effectiveOn}`,
        );
      }
    }
    if (stored.streamId.startsWith(AREA_PREFIX)) {
      const event = stored as unknown as LocalArrangementEvent;
      if (event.type !== 'FeedItemAcknowledged') return;
      const personId = (stored.metadata.actor as { personId?: string } | undefined)?.personId ?? null;
      s.acknowledge.run(event.data.areaId, event.data.position, event.data.acknowledgedAt, personId);
      return;
    }
    if (stored.streamId.startsWith(POLICY_PREFIX)) {
      const event = stored as unknown as PolicyEvent;
      if (event.type === 'PolicyVersionPublished') {
        const policyId = stored.streamId.slice(POLICY_PREFIX.length);
        feed(
          event.data.areas,
          'POLICY_PUBLISHED',
          policyId,
          `${event.data.title}, version ${event.data.version}, effective ${event.data.effectiveOn}`,
        );
      }
      return;
    }
    if (stored.streamId.startsWith(COMMUNICATION_PREFIX)) {
      const event = stored as unknown as CommunicationEvent;
      if (event.type === 'CommunicationIssued') {
        feed(
          event.data.areas,
          'COMMUNICATION',
          event.data.communicationId,
          `${event.data.title} (cascade by ${event.data.cascadeBy})`,
          event.data.restricted ?? false,
        );
      }
      return;
    }
    if (stored.streamId.startsWith(WORKSTREAM_PREFIX)) {
      const event = stored as unknown as WorkstreamEvent;
      if (event.type === 'WorkstreamCommissioned') {
        const kind = event.data.kind === 'STANDING' ? 'standing group' : 'task-and-finish group';
        feed(
          event.data.areas,
          'WORKSTREAM_COMMISSIONED',
          event.data.workstreamId,
          `Workstream commissioned: ${event.data.name} (${kind})`,
        );
      }
    }
  },
};
