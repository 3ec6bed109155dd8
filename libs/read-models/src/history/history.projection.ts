import Database from 'better-sqlite3';
import {
  AccessEvent,
  changeReasonOf,
  EarlierRestrictions,
  groupDateOf,
  happenedOn,
  DayOfEvent,
  happenedOnGivenLater,
  isMovedBackByLaterEvents,
  meetingBookedOn,
  MeetingDetailsCorrected,
  MeetingScheduled,
  readScopeOf,
  RegionalGroupEvent,
  Restriction,
  restrictionOf,
  restrictionToRemember,
} from '@app/domain';
import { StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase } from '../projection';
import { entitiesOf, streamEntity } from './entities-of';
import { recordNamesOf } from './record-names';

const statements = statementsPerDatabase((db) => ({
  // Positional parameters: binding by name would build an object per event for every row.
  insertEvent: db.prepare(
    `INSERT INTO history_events (position, event_id, stream_id, kind, type, data, actor_person_id, actor_name,
       actor_partner_id, actor_partner_name, actor_roles, happened_on, recorded_at, reason, restricted_group_id,
       restricted_area_ids, scope_area_id, scope_workstream_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  insertLink: db.prepare(
    'INSERT INTO history_links (entity_id, position, kind, type, happened_on) VALUES (?, ?, ?, ?, ?)',
  ),
  rememberPerson: db.prepare('INSERT OR REPLACE INTO history_people (person_id, name) VALUES (?, ?)'),
  rememberPartner: db.prepare('INSERT OR IGNORE INTO history_partners (partner_id, name) VALUES (?, ?)'),
  personName: db.prepare('SELECT name FROM history_people WHERE person_id = ?').pluck(),
  partnerName: db.prepare('SELECT name FROM history_partners WHERE partner_id = ?').pluck(),
  // A part an event leaves null is one it does not change: a revised draft renames its policy, and keeps its group.
  rememberRecord: db.prepare(
    `INSERT INTO history_records (stream_id, group_id, name, starts_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (stream_id) DO UPDATE SET group_id = COALESCE(excluded.group_id, group_id),
       name = COALESCE(excluded.name, name), starts_at = COALESCE(excluded.starts_at, starts_at)`,
  ),
  rememberMovable: db.prepare(
    'INSERT INTO history_movable (stream_id, position, type, happened_on, entity_ids) VALUES (?, ?, ?, ?, ?)',
  ),
  movableAfter: db.prepare<[string, string], Movable>(
    `SELECT position, type, happened_on AS happenedOn, entity_ids AS entityIds FROM history_movable
     WHERE stream_id = ? AND happened_on > ?`,
  ),
  bookingOf: db.prepare<[string], Movable>(
    `SELECT position, type, happened_on AS happenedOn, entity_ids AS entityIds FROM history_movable
     WHERE stream_id = ? AND type = 'MeetingScheduled'`,
  ),
  // The events of a stream after one, found through one of its entities' index entries rather than the whole table.
  laterOfStream: db.prepare<[string, number, string], DayOfEvent>(
    `SELECT e.type, e.happened_on AS happenedOn FROM history_links l JOIN history_events e ON e.position = l.position
     WHERE l.entity_id = ? AND l.position > ? AND e.stream_id = ?`,
  ),
  moveMovable: db.prepare('UPDATE history_movable SET happened_on = ? WHERE stream_id = ? AND position = ?'),
  moveEvent: db.prepare('UPDATE history_events SET happened_on = ? WHERE position = ?'),
  moveLink: db.prepare('UPDATE history_links SET happened_on = ? WHERE entity_id = ? AND position = ?'),
  rememberRestrictedItem: db.prepare(
    'INSERT OR REPLACE INTO history_restricted_items (item_id, group_id, area_ids) VALUES (?, ?, ?)',
  ),
}));

type Statements = ReturnType<typeof statements>;
type Movable = { position: number; type: string; happenedOn: string; entityIds: string };

/** The restrictions of items already applied (escalations, practice reviews), for the events that follow them. */
const earlierRestrictions = statementsPerDatabase((db): EarlierRestrictions => {
  const restricted = db.prepare<[string], { groupId: string; areaIds: string }>(
    'SELECT group_id AS groupId, area_ids AS areaIds FROM history_restricted_items WHERE item_id = ?',
  );
  return {
    item: (itemId) => {
      const row = restricted.get(itemId);
      return row ? { groupId: row.groupId, areaIds: JSON.parse(row.areaIds) as string[] } : null;
    },
  };
});

function rememberRestriction(s: Statements, stored: StoredEvent, restriction: Restriction | null): void {
  const itemId = restrictionToRemember(stored.type, stored.data, restriction);
  if (itemId && restriction) {
    s.rememberRestrictedItem.run(itemId, restriction.groupId, JSON.stringify(restriction.areaIds));
  }
}

/**
 * History entered years late records a meeting's booking or a policy's draft on the day it was entered,
 * after the opening or the approval that needed it: each such event of the stream is moved back to the day
 * of the later one, everywhere its day is filtered and counted. Only those events are kept aside, by stream,
 * so each event looks up its stream's handful by key: recording times may go backwards in a stream (an
 * approval entered with an earlier moment than its draft), so no event is assumed to move nothing.
 */
function moveBackEarlierEvents(s: Statements, stored: StoredEvent, happened: string): void {
  for (const earlier of s.movableAfter.all(stored.streamId, happened)) {
    const day = happenedOnGivenLater(earlier, { type: stored.type, happenedOn: happened });
    if (day !== earlier.happenedOn) moveMovable(s, stored.streamId, earlier, day);
  }
}

/**
 * A correction of a meeting's date that enters the day it was booked again dates its booking on that day, as the
 * meetings view lists it from then; still no later than any later event of its stream that needed it.
 */
function rebookMeeting(s: Statements, stored: StoredEvent): void {
  const { bookedOn } = stored.data as MeetingDetailsCorrected['data'];
  const booking = bookedOn === undefined ? undefined : s.bookingOf.get(stored.streamId);
  const { entityId: meetingId } = streamEntity(stored.streamId);
  if (bookedOn === undefined || booking === undefined || meetingId === null) return;
  const day = s.laterOfStream
    .all(meetingId, booking.position, stored.streamId)
    .reduce((on, later) => happenedOnGivenLater({ type: booking.type, happenedOn: on }, later), bookedOn);
  moveMovable(s, stored.streamId, booking, day);
}

function moveMovable(s: Statements, streamId: string, movable: Movable, day: string): void {
  s.moveMovable.run(day, streamId, movable.position);
  s.moveEvent.run(day, movable.position);
  for (const entityId of JSON.parse(movable.entityIds) as string[]) s.moveLink.run(day, entityId, movable.position);
}

/** The day a meeting's booking happened: the day entered for it, or the day recorded, no later than the meeting's. */
function bookingHappenedOn(data: unknown, recordedAt: string): string {
  const { startsAt, bookedOn } = data as MeetingScheduled['data'];
  return meetingBookedOn(groupDateOf(recordedAt), groupDateOf(startsAt), bookedOn);
}

/**
 * Names as the platform knew them when each event was recorded, so an actor reads as a person, not an id; and
 * the record each stream holds as it is named now, so every event of it reads as what it is about.
 */
function rememberNames(s: Statements, stored: StoredEvent): void {
  const event = stored as unknown as AccessEvent | RegionalGroupEvent;
  if (event.type === 'PersonRegistered') s.rememberPerson.run(event.data.personId, event.data.name);
  if (event.type === 'CorePartnerAdmitted') s.rememberPartner.run(event.data.partnerId, event.data.name);
  if (event.type === 'PartnerSucceeded') s.rememberPartner.run(event.data.successorId, event.data.successorName);
  for (const record of recordNamesOf(stored)) {
    s.rememberRecord.run(record.streamId, record.groupId, record.name, record.startsAt);
  }
}

/**
 * Every event of every stream, for auditors (A1, A2): who acted, for which partner, with what
 * roles, when it happened in the world and when it was recorded, why; and, in `history_links`,
 * each entity it concerns with the event's kind, type and date, so the history of an entity,
 * partner or person is filtered and counted from its own index entries alone. An event with
 * restricted content (R42), or whose content is an area's reports or a workstream's tasks (R43),
 * keeps whom it is for, for the reader to mask it.
 */
export const historyProjection: Projection = {
  name: 'history',
  // 4: the day an event happened on is London's, not UTC's. 5: a response to a restricted escalation is restricted.
  // 6: an area's reports and a workstream's tasks keep the area or workstream whose readers they are for.
  // 7: everything an area records on its own stream keeps its area, its policy adoptions excepted.
  // 8: a restricted practice review's panel notification and published link are restricted as the review is.
  // 9: an area's reason for not adopting a policy is no longer taken for the reason of the change; a policy's
  // approval and publication happen on their own days.
  // 10: a day later than the recording (an appointment or a succession taking effect later) is a plan: the event
  // happened when recorded.
  // 11: an event without a date of its own (a meeting booked, a policy drafted) entered after the fact happened no
  // later than the later event of its stream that needed it (the meeting's opening, the policy's approval).
  // 12: a meeting's booking happened no later than its own day (`meetingBookedOn`, as the meetings view lists it),
  // even when nothing later in its stream needed it; a stream recorded out of order still moves its events back.
  // 13: a meeting's booking happened on the day entered for it (`bookedOn`), when one was.
  // 14: the record each stream holds is named (a group's, workstream's or area's name, a policy's or communication's
  // title, a meeting's start) with its group, so an event reads as what it is about and links to its page.
  // 15: a restricted communication's record keeps its title too, withheld when read from who may not read it.
  version: 15,
  tables: [
    'history_events',
    'history_links',
    'history_people',
    'history_partners',
    'history_records',
    'history_restricted_items',
    'history_movable',
  ],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE history_events (
        position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, kind TEXT NOT NULL,
        type TEXT NOT NULL, data TEXT NOT NULL, actor_person_id TEXT, actor_name TEXT, actor_partner_id TEXT,
        actor_partner_name TEXT, actor_roles TEXT NOT NULL, happened_on TEXT NOT NULL, recorded_at TEXT NOT NULL,
        reason TEXT, restricted_group_id TEXT, restricted_area_ids TEXT, scope_area_id TEXT,
        scope_workstream_id TEXT
      );
      CREATE TABLE history_links (
        entity_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL,
        happened_on TEXT NOT NULL, PRIMARY KEY (entity_id, position)
      ) WITHOUT ROWID;
      CREATE TABLE history_people (person_id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE history_partners (partner_id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE history_records (stream_id TEXT PRIMARY KEY, group_id TEXT, name TEXT, starts_at TEXT);
      CREATE TABLE history_restricted_items (
        item_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, area_ids TEXT NOT NULL
      );
      CREATE TABLE history_movable (
        stream_id TEXT NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL, happened_on TEXT NOT NULL,
        entity_ids TEXT NOT NULL, PRIMARY KEY (stream_id, position)
      ) WITHOUT ROWID;
      -- Version 7's, for escalations only: history_restricted_items took its place.
      DROP TABLE IF EXISTS history_restricted_escalations;`);
  },

  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS history_by_type ON history_events (type, position)',
    'CREATE INDEX IF NOT EXISTS history_by_kind ON history_events (kind, position)',
    'CREATE INDEX IF NOT EXISTS history_by_happened_on ON history_events (happened_on, position)',
    'CREATE INDEX IF NOT EXISTS history_by_recorded_at ON history_events (recorded_at, position)',
    // The whole history filtered by kind or by type, in the order things happened, read as a range rather than
    // sorted. Like the one below, it changes no row and takes no new version.
    'CREATE INDEX IF NOT EXISTS history_by_kind_happened_on ON history_events (kind, happened_on, position)',
    'CREATE INDEX IF NOT EXISTS history_by_type_happened_on ON history_events (type, happened_on, position)',
    // An entity's history in the order things happened, read as a range rather than sorted; kind and type make it
    // cover the counts of a filter bounded by days, in either order. It changes no row, so it takes no new version:
    // a read model of version 12 gets it at its next start-up's catch-up.
    'CREATE INDEX IF NOT EXISTS history_links_by_happened_on ON history_links (entity_id, happened_on, position, kind, type)',
  ],

  apply(db: Database.Database, stored: StoredEvent) {
    const s = statements(db);
    rememberNames(s, stored);
    const actor = (stored.metadata.actor ?? {}) as { personId?: string; partnerId?: string | null; roles?: string[] };
    const { occurredAt } = stored.metadata;
    const recordedAt = typeof occurredAt === 'string' ? occurredAt : stored.recordedAt;
    const reason = changeReasonOf(stored.type, stored.data, stored.metadata);
    const kind = streamEntity(stored.streamId).kind;
    const happened =
      stored.type === 'MeetingScheduled'
        ? bookingHappenedOn(stored.data, recordedAt)
        : happenedOn(stored.data, recordedAt);
    const restriction = restrictionOf(stored.type, stored.data, earlierRestrictions(db));
    rememberRestriction(s, stored, restriction);
    const scope = readScopeOf(stored.streamId, stored.type, stored.data);
    s.insertEvent.run(
      stored.position,
      stored.id,
      stored.streamId,
      kind,
      stored.type,
      JSON.stringify(stored.data ?? null),
      actor.personId ?? null,
      actor.personId ? (s.personName.get(actor.personId) ?? null) : null,
      actor.partnerId ?? null,
      actor.partnerId ? (s.partnerName.get(actor.partnerId) ?? null) : null,
      JSON.stringify(actor.roles ?? []),
      happened,
      recordedAt,
      reason,
      restriction?.groupId ?? null,
      restriction ? JSON.stringify(restriction.areaIds) : null,
      scope?.areaId ?? null,
      scope?.workstreamId ?? null,
    );
    const entityIds = entitiesOf(stored);
    for (const entityId of entityIds) {
      s.insertLink.run(entityId, stored.position, kind, stored.type, happened);
    }
    if (stored.type === 'MeetingDetailsCorrected') rebookMeeting(s, stored);
    moveBackEarlierEvents(s, stored, happened);
    if (isMovedBackByLaterEvents(stored.type)) {
      s.rememberMovable.run(stored.streamId, stored.position, stored.type, happened, JSON.stringify(entityIds));
    }
  },
};
