import Database from 'better-sqlite3';
import { groupDateOf, MeetingEvent, meetingBookedOn, meetingStream, SnapshotRepresentative } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

const STREAM_PREFIX = meetingStream('');

/** The version of a row the platform believes now; earlier versions stay for `asRecordedAt` (A3, A7). */
const NOW = 'recorded_to IS NULL';
/** The columns a correction of a meeting's date and place carries over unchanged. */
const MEETING_COPY = `meeting_id, group_id, status, opened_at, closed_at, minutes_stage, minutes_text, minutes_approved_on,
  minutes_approved_at_meeting, minutes_published_at, minutes_published_on, booked_on, sort_key`;

const statements = statementsPerDatabase((db) => ({
  insertMeeting: db.prepare(
    `INSERT INTO meetings (meeting_id, group_id, starts_at, place, status, minutes_stage, booked_on, booked_on_entered, scheduled_on, sort_key, recorded_from)
     VALUES (?, ?, ?, ?, 'SCHEDULED', 'NONE', ?, ?, ?, ?, ?)`,
  ),
  open: db.prepare(
    `UPDATE meetings SET status = 'OPEN', opened_at = ?, quorum_percentage = ?, required = ? WHERE ${NOW} AND meeting_id = ?`,
  ),
  correctMeeting: db.prepare(
    `INSERT INTO meetings (${MEETING_COPY}, starts_at, place, booked_on_entered, scheduled_on, quorum_percentage, required,
       recorded_from)
     SELECT ${MEETING_COPY}, @startsAt, @place, @bookedOnEntered, @scheduledOn, COALESCE(@quorumPercentage, quorum_percentage),
       COALESCE(@required, required), @position
     FROM meetings WHERE ${NOW} AND meeting_id = @meetingId`,
  ),
  retireMeeting: db.prepare(
    'UPDATE meetings SET recorded_to = @position WHERE meeting_id = @meetingId AND recorded_to IS NULL AND recorded_from < @position',
  ),
  seatStatus: db.prepare(
    `SELECT appointment_id AS appointmentId, status, substitute_name AS substituteName, substitute_organisation AS substituteOrganisation
     FROM meeting_seats WHERE meeting_id = ?`,
  ),
  clearSeats: db.prepare('DELETE FROM meeting_seats WHERE meeting_id = ?'),
  insertSeatAttended: db.prepare(
    `INSERT INTO meeting_seats (meeting_id, appointment_id, person_id, name, partner_id, partner_name, ordinal, status, substitute_name, substitute_organisation)
     VALUES (@meetingId, @appointmentId, @personId, @name, @partnerId, @partnerName, @ordinal, @status, @substituteName, @substituteOrganisation)`,
  ),
  insertSeat: db.prepare(
    `INSERT INTO meeting_seats (meeting_id, appointment_id, person_id, name, partner_id, partner_name, ordinal)
     VALUES (@meetingId, @appointmentId, @personId, @name, @partnerId, @partnerName, @ordinal)`,
  ),
  attend: db.prepare(
    'UPDATE meeting_seats SET status = ?, substitute_name = ?, substitute_organisation = ? WHERE meeting_id = ? AND appointment_id = ?',
  ),
  insertViews: db.prepare(
    'INSERT INTO written_views (meeting_id, appointment_id, agenda_item, views, submitted_on, sort_key) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  close: db.prepare(`UPDATE meetings SET status = 'CLOSED', closed_at = ? WHERE ${NOW} AND meeting_id = ?`),
  insertDecision: db.prepare(
    'INSERT INTO decisions (decision_id, meeting_id, text, agreed_by, sort_key, recorded_from) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  correctDecision: db.prepare(
    `INSERT INTO decisions (decision_id, meeting_id, text, agreed_by, sort_key, reason, corrected_at, recorded_from)
     SELECT decision_id, meeting_id, @text, agreed_by, sort_key, @reason, @correctedAt, @position
     FROM decisions WHERE decision_id = @decisionId AND recorded_to IS NULL`,
  ),
  retireDecision: db.prepare(
    'UPDATE decisions SET recorded_to = @position WHERE decision_id = @decisionId AND recorded_to IS NULL AND recorded_from < @position',
  ),
  insertRecommendation: db.prepare(
    'INSERT INTO recommendations (recommendation_id, meeting_id, group_id, text, due_date, agreed_by, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  insertTarget: db.prepare('INSERT INTO recommendation_targets (recommendation_id, partner_id) VALUES (?, ?)'),
  respond: db.prepare(
    'UPDATE recommendation_targets SET response = ?, reason = ?, responded_at = ?, responded_on = ? WHERE recommendation_id = ? AND partner_id = ?',
  ),
  minutes: db.prepare(
    `UPDATE meetings SET minutes_stage = ?, minutes_text = COALESCE(?, minutes_text) WHERE ${NOW} AND meeting_id = ?`,
  ),
  approve: db.prepare(
    `UPDATE meetings SET minutes_stage = 'APPROVED', minutes_approved_on = ?, minutes_approved_at_meeting = ? WHERE ${NOW} AND meeting_id = ?`,
  ),
  publish: db.prepare(
    `UPDATE meetings SET minutes_stage = 'PUBLISHED', minutes_published_at = ?, minutes_published_on = ? WHERE ${NOW} AND meeting_id = ?`,
  ),
  insertCorrection: db.prepare(
    'INSERT INTO minutes_corrections (meeting_id, text, reason, corrected_at, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  insertLocal: db.prepare(
    'INSERT INTO local_publications (meeting_id, area_id, address, published_on) VALUES (?, ?, ?, ?)',
  ),
  meetingOf: db.prepare(`SELECT group_id AS groupId FROM meetings WHERE ${NOW} AND meeting_id = ?`),
  booking: db.prepare<[string], { recordedOn: string; enteredOn: string | null }>(
    `SELECT booked_on AS recordedOn, booked_on_entered AS enteredOn FROM meetings WHERE ${NOW} AND meeting_id = ?`,
  ),
}));

/**
 * The seats of a held meeting whose date was corrected: that day's membership (R7), each keeping
 * the attendance already recorded for it.
 */
function reseat(
  s: ReturnType<typeof statements>,
  meetingId: string,
  representatives: readonly SnapshotRepresentative[],
): void {
  const attended = new Map(
    (
      s.seatStatus.all(meetingId) as {
        appointmentId: string;
        status: string | null;
        substituteName: string | null;
        substituteOrganisation: string | null;
      }[]
    ).map(({ appointmentId, ...attendance }) => [appointmentId, attendance]),
  );
  s.clearSeats.run(meetingId);
  representatives.forEach((rep, ordinal) =>
    s.insertSeatAttended.run({
      ...rep,
      meetingId,
      ordinal,
      status: null,
      substituteName: null,
      substituteOrganisation: null,
      ...attended.get(rep.appointmentId),
    }),
  );
}

export const meetingsProjection: Projection = {
  name: 'meetings',
  // 3: the day each meeting existed from, for a group's meetings as at a day (A3).
  // 4: meetings and decisions keep each version a correction replaced, between recorded positions (A7).
  // 5: days are London's, not UTC's (a meeting at 00:30 in summer is on that day).
  // 6: minutes carry the days they were approved and published, as business dates.
  // 7: a response to a recommendation carries the day the organisation answered, besides the moment recorded.
  // 8: written views carry the day they were sent.
  // 9: a meeting exists from the day entered for its booking (`bookedOn`), when one was.
  version: 9,
  streams: [STREAM_PREFIX],
  tables: [
    'meetings',
    'meeting_seats',
    'written_views',
    'decisions',
    'recommendations',
    'recommendation_targets',
    'minutes_corrections',
    'local_publications',
  ],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE meetings (
        meeting_id TEXT NOT NULL, group_id TEXT NOT NULL, starts_at TEXT NOT NULL, place TEXT NOT NULL,
        status TEXT NOT NULL, opened_at TEXT, closed_at TEXT, quorum_percentage INTEGER, required INTEGER,
        minutes_stage TEXT NOT NULL, minutes_text TEXT, minutes_approved_on TEXT, minutes_approved_at_meeting TEXT,
        minutes_published_at TEXT, minutes_published_on TEXT,
        -- The day its booking was recorded, the day entered for it if any, and the day it existed from (A3,
        -- meetingBookedOn): the day entered, else the day recorded, and no later than its own day.
        booked_on TEXT NOT NULL, booked_on_entered TEXT, scheduled_on TEXT NOT NULL,
        sort_key INTEGER NOT NULL, recorded_from INTEGER NOT NULL, recorded_to INTEGER,
        PRIMARY KEY (meeting_id, recorded_from)
      );
      CREATE TABLE meeting_seats (
        meeting_id TEXT NOT NULL, appointment_id TEXT NOT NULL, person_id TEXT NOT NULL, name TEXT NOT NULL,
        partner_id TEXT NOT NULL, partner_name TEXT NOT NULL, ordinal INTEGER NOT NULL,
        status TEXT, substitute_name TEXT, substitute_organisation TEXT,
        PRIMARY KEY (meeting_id, appointment_id)
      );
      CREATE TABLE written_views (meeting_id TEXT NOT NULL, appointment_id TEXT NOT NULL, agenda_item TEXT NOT NULL, views TEXT NOT NULL, submitted_on TEXT NOT NULL, sort_key INTEGER NOT NULL);
      CREATE TABLE decisions (
        decision_id TEXT NOT NULL, meeting_id TEXT NOT NULL, text TEXT NOT NULL, agreed_by TEXT NOT NULL, sort_key INTEGER NOT NULL,
        reason TEXT, corrected_at TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER, PRIMARY KEY (decision_id, recorded_from)
      );
      CREATE TABLE recommendations (
        recommendation_id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, group_id TEXT NOT NULL, text TEXT NOT NULL,
        due_date TEXT NOT NULL, agreed_by TEXT NOT NULL, sort_key INTEGER NOT NULL
      );
      CREATE TABLE recommendation_targets (
        recommendation_id TEXT NOT NULL, partner_id TEXT NOT NULL, response TEXT, reason TEXT, responded_at TEXT, responded_on TEXT,
        PRIMARY KEY (recommendation_id, partner_id)
      );
      CREATE TABLE minutes_corrections (meeting_id TEXT NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL, corrected_at TEXT NOT NULL, sort_key INTEGER NOT NULL);
      CREATE TABLE local_publications (meeting_id TEXT NOT NULL, area_id TEXT NOT NULL, address TEXT NOT NULL, published_on TEXT NOT NULL, PRIMARY KEY (meeting_id, area_id));`);
  },

  // Only queries use these: a rebuild sorts each once at the end instead of keeping it in order row by row.
  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS meetings_by_group ON meetings (group_id, starts_at)',
    'CREATE INDEX IF NOT EXISTS written_views_by_meeting ON written_views (meeting_id, sort_key)',
    'CREATE INDEX IF NOT EXISTS decisions_by_meeting ON decisions (meeting_id, sort_key)',
    'CREATE INDEX IF NOT EXISTS recommendations_by_group ON recommendations (group_id, sort_key)',
  ],

  apply(db: Database.Database, stored: StoredEvent) {
    if (!stored.streamId.startsWith(STREAM_PREFIX)) return;
    const event = stored as unknown as MeetingEvent;
    const s = statements(db);
    const meetingId = stored.streamId.slice(STREAM_PREFIX.length);
    const occurredAt = occurredAtOf(stored);
    switch (event.type) {
      case 'MeetingScheduled': {
        const recordedOn = groupDateOf(occurredAt);
        const enteredOn = event.data.bookedOn ?? null;
        s.insertMeeting.run(
          meetingId,
          event.data.groupId,
          event.data.startsAt,
          event.data.place,
          recordedOn,
          enteredOn,
          meetingBookedOn(recordedOn, groupDateOf(event.data.startsAt), enteredOn),
          stored.position,
          stored.position,
        );
        return;
      }
      case 'MeetingOpened':
        s.open.run(event.data.openedAt, event.data.quorumPercentage, event.data.required, meetingId);
        event.data.representatives.forEach((rep, ordinal) => s.insertSeat.run({ ...rep, meetingId, ordinal }));
        return;
      case 'AttendanceRecorded':
        s.attend.run(
          event.data.status,
          event.data.substitute?.name ?? null,
          event.data.substitute?.organisation ?? null,
          meetingId,
          event.data.appointmentId,
        );
        return;
      case 'WrittenViewsSubmitted':
        s.insertViews.run(
          meetingId,
          event.data.appointmentId,
          event.data.agendaItem,
          event.data.views,
          event.data.submittedOn,
          stored.position,
        );
        return;
      case 'MeetingClosed':
        s.close.run(event.data.closedAt, meetingId);
        return;
      case 'DecisionRecorded':
        s.insertDecision.run(
          event.data.decisionId,
          meetingId,
          event.data.text,
          JSON.stringify(event.data.agreedBy),
          stored.position,
          stored.position,
        );
        return;
      case 'DecisionCorrected': {
        const { decisionId, text, reason } = event.data;
        const position = stored.position;
        s.correctDecision.run({ decisionId, text, reason, correctedAt: occurredAt, position });
        s.retireDecision.run({ decisionId, position });
        return;
      }
      case 'MeetingDetailsCorrected': {
        const { startsAt, place, snapshot } = event.data;
        const position = stored.position;
        const booking = s.booking.get(meetingId);
        // The day entered again with the correction, or the one entered before it.
        const enteredOn = event.data.bookedOn ?? booking?.enteredOn ?? null;
        s.correctMeeting.run({
          meetingId,
          startsAt,
          bookedOnEntered: enteredOn,
          // A meeting never booked has no row to correct: nothing is inserted.
          scheduledOn:
            booking === undefined ? null : meetingBookedOn(booking.recordedOn, groupDateOf(startsAt), enteredOn),
          place,
          quorumPercentage: snapshot?.quorumPercentage ?? null,
          required: snapshot?.required ?? null,
          position,
        });
        s.retireMeeting.run({ meetingId, position });
        if (snapshot) reseat(s, meetingId, snapshot.representatives);
        return;
      }
      case 'RecommendationMade': {
        // Recommendations are filed under the meeting's group; without the meeting there is none to file them under.
        const meeting = s.meetingOf.get(meetingId) as { groupId: string } | undefined;
        if (!meeting) return;
        s.insertRecommendation.run(
          event.data.recommendationId,
          meetingId,
          meeting.groupId,
          event.data.text,
          event.data.dueDate,
          JSON.stringify(event.data.agreedBy),
          stored.position,
        );
        for (const partnerId of event.data.targetPartnerIds) s.insertTarget.run(event.data.recommendationId, partnerId);
        return;
      }
      case 'RecommendationResponded':
        s.respond.run(
          event.data.response,
          event.data.reason,
          occurredAt,
          event.data.respondedOn,
          event.data.recommendationId,
          event.data.partnerId,
        );
        return;
      case 'MinutesDrafted':
        s.minutes.run('DRAFT', event.data.text, meetingId);
        return;
      case 'MinutesApproved':
        // Events recorded before approval took a date hold an instant: its day in London.
        s.approve.run(groupDateOf(event.data.approvedOn), event.data.atMeetingId, meetingId);
        return;
      case 'MinutesPublished':
        s.publish.run(event.data.publishedAt, event.data.publishedOn ?? groupDateOf(event.data.publishedAt), meetingId);
        return;
      case 'MinutesCorrected':
        s.insertCorrection.run(meetingId, event.data.text, event.data.reason, occurredAt, stored.position);
        return;
      case 'LocalPublicationRecorded':
        s.insertLocal.run(meetingId, event.data.areaId, event.data.address, event.data.publishedOn);
        return;
      default:
        return unhandled(event);
    }
  },
};
