import Database from 'better-sqlite3';
import { QuorumCount } from '@app/domain';
import { recordedBy as recordedBy_, TimeView, viewParameters, WHOLE_RECORD } from '../bitemporal';
import { groupRows } from '../group-rows';

const positionOf = (recordedBy: number | null): number => recordedBy ?? Number.MAX_SAFE_INTEGER;

export interface MeetingRow {
  readonly meetingId: string;
  readonly groupId: string;
  readonly startsAt: string;
  readonly place: string;
  readonly status: 'SCHEDULED' | 'OPEN' | 'CLOSED';
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly quorumPercentage: number | null;
  readonly required: number | null;
  readonly minutesStage: 'NONE' | 'DRAFT' | 'APPROVED' | 'PUBLISHED';
  readonly minutesText: string | null;
  readonly minutesApprovedOn: string | null;
  readonly minutesApprovedAtMeeting: string | null;
  readonly minutesPublishedAt: string | null;
  readonly minutesPublishedOn: string | null;
  /** The day it was booked (`meetingBookedOn`), from which it is listed as at a day. */
  readonly bookedOn: string;
  /** The day entered for its booking, if one was; null when `bookedOn` is worked out from its recording. */
  readonly bookedOnEntered: string | null;
}

export interface SeatRow {
  readonly meetingId: string;
  readonly appointmentId: string;
  readonly personId: string;
  readonly name: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly status: 'PRESENT' | 'APOLOGIES' | 'ABSENT' | null;
  readonly substituteName: string | null;
  readonly substituteOrganisation: string | null;
}

export interface DecisionRow {
  readonly decisionId: string;
  readonly meetingId: string;
  readonly text: string;
  readonly agreedBy: string[];
  /** The text first recorded: the same as `text` until a correction (A7). */
  readonly originalText: string;
  /** Why the text seen was corrected, and when; null for the text as first recorded. */
  readonly reason: string | null;
  readonly correctedAt: string | null;
}

export interface WrittenViewsRow {
  readonly meetingId: string;
  readonly appointmentId: string;
  readonly agendaItem: string;
  readonly views: string;
  /** The day the views were sent. */
  readonly submittedOn: string;
}

export interface CorrectionRow {
  readonly meetingId: string;
  readonly text: string;
  readonly reason: string;
  readonly correctedAt: string;
}

export interface LocalPublicationRow {
  readonly meetingId: string;
  readonly areaId: string;
  readonly address: string;
  readonly publishedOn: string;
}

export interface RecommendationRow {
  readonly recommendationId: string;
  readonly meetingId: string;
  readonly groupId: string;
  readonly text: string;
  readonly dueDate: string;
  readonly agreedBy: string[];
  readonly targets: {
    partnerId: string;
    response: string | null;
    reason: string | null;
    respondedAt: string | null;
    respondedOn: string | null;
  }[];
}

const MEETING_COLUMNS = `meeting_id AS meetingId, group_id AS groupId, starts_at AS startsAt, place, status, opened_at AS openedAt,
  closed_at AS closedAt, quorum_percentage AS quorumPercentage, required, minutes_stage AS minutesStage, minutes_text AS minutesText,
  minutes_approved_on AS minutesApprovedOn, minutes_approved_at_meeting AS minutesApprovedAtMeeting, minutes_published_at AS minutesPublishedAt,
  minutes_published_on AS minutesPublishedOn, scheduled_on AS bookedOn,
  booked_on_entered AS bookedOnEntered`;

/**
 * Meetings and decisions keep every version a correction replaced (A7). Each method reads the
 * versions the platform showed at `recordedBy`, a position of the log; null (the default) for now.
 */
export class MeetingQueries {
  constructor(private readonly db: Database.Database) {}

  meeting(meetingId: string, recordedBy: number | null = null): MeetingRow | undefined {
    return this.db
      .prepare(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE meeting_id = @meetingId AND ${recordedBy_('m')}`)
      .get({ meetingId, position: positionOf(recordedBy) }) as MeetingRow | undefined;
  }

  meetingsOfGroup(groupId: string): MeetingRow[] {
    return this.meetingsOfGroups([groupId], WHOLE_RECORD).get(groupId) ?? [];
  }

  /**
   * The meetings of many groups in one query that existed by the view's day (booked, or held when
   * entered afterwards), as recorded by its position; each group's in date order.
   */
  meetingsOfGroups(groupIds: readonly string[], view: TimeView): Map<string, MeetingRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE group_id IN (SELECT value FROM json_each(@ids))
         AND scheduled_on <= @on AND ${recordedBy_('m')} ORDER BY starts_at`,
      )
      .all({ ids: JSON.stringify(groupIds), ...viewParameters(view) }) as MeetingRow[];
    return groupRows(groupIds, rows, (row) => row.groupId);
  }

  /** Each of the meetings asked for that exists, by id: one query for a whole page of meetings. */
  meetings(meetingIds: readonly string[], recordedBy: number | null = null): Map<string, MeetingRow> {
    const rows = this.db
      .prepare(
        `SELECT ${MEETING_COLUMNS} FROM meetings m
         WHERE meeting_id IN (SELECT value FROM json_each(@ids)) AND ${recordedBy_('m')}`,
      )
      .all({ ids: JSON.stringify(meetingIds), position: positionOf(recordedBy) }) as MeetingRow[];
    return new Map(rows.map((row) => [row.meetingId, row]));
  }

  /** What each opened meeting's quorum is counted from: its status, percentage, snapshot size and those present in person. */
  quorumCounts(meetingIds: readonly string[]): Map<string, QuorumCount> {
    const rows = this.db
      .prepare(
        `SELECT m.meeting_id AS meetingId, m.status, m.quorum_percentage AS quorumPercentage,
           COUNT(s.appointment_id) AS representativeCount, COALESCE(SUM(s.status = 'PRESENT'), 0) AS presentCount
         FROM meetings m LEFT JOIN meeting_seats s ON s.meeting_id = m.meeting_id
         WHERE m.meeting_id IN (SELECT value FROM json_each(?)) AND m.quorum_percentage IS NOT NULL AND m.recorded_to IS NULL
         GROUP BY m.meeting_id`,
      )
      .all(JSON.stringify(meetingIds)) as {
      meetingId: string;
      status: MeetingRow['status'];
      quorumPercentage: number;
      representativeCount: number;
      presentCount: number;
    }[];
    return new Map(
      rows.map(({ meetingId, status, ...count }) => [meetingId, { ...count, opened: status !== 'SCHEDULED' }]),
    );
  }

  seatsOfMeetings(meetingIds: readonly string[]): Map<string, SeatRow[]> {
    return this.byMeeting<SeatRow>(
      `SELECT meeting_id AS meetingId, appointment_id AS appointmentId, person_id AS personId, name, partner_id AS partnerId,
         partner_name AS partnerName, status, substitute_name AS substituteName, substitute_organisation AS substituteOrganisation
       FROM meeting_seats WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY ordinal`,
      meetingIds,
    );
  }

  writtenViewsOfMeetings(meetingIds: readonly string[]): Map<string, WrittenViewsRow[]> {
    return this.byMeeting<WrittenViewsRow>(
      `SELECT meeting_id AS meetingId, appointment_id AS appointmentId, agenda_item AS agendaItem, views,
         submitted_on AS submittedOn FROM written_views WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      meetingIds,
    );
  }

  decisionsOfMeetings(meetingIds: readonly string[], recordedBy: number | null = null): Map<string, DecisionRow[]> {
    const rows = this.db
      .prepare(
        `SELECT decision_id AS decisionId, meeting_id AS meetingId, text, agreed_by AS agreedBy, reason,
           corrected_at AS correctedAt,
           (SELECT o.text FROM decisions o WHERE o.decision_id = d.decision_id ORDER BY o.recorded_from LIMIT 1) AS originalText
         FROM decisions d WHERE meeting_id IN (SELECT value FROM json_each(@ids)) AND ${recordedBy_('d')} ORDER BY sort_key`,
      )
      .all({ ids: JSON.stringify(meetingIds), position: positionOf(recordedBy) }) as (Omit<DecisionRow, 'agreedBy'> & {
      agreedBy: string;
    })[];
    return groupByMeeting(rows.map((row) => ({ ...row, agreedBy: JSON.parse(row.agreedBy) as string[] })));
  }

  /** Recommendations of a group or of some meetings, optionally only those made to one partner. */
  recommendations(filter: {
    groupId?: string;
    meetingIds?: readonly string[];
    partnerId?: string | null;
  }): RecommendationRow[] {
    const rows = this.db
      .prepare(
        `SELECT recommendation_id AS recommendationId, meeting_id AS meetingId, group_id AS groupId, text, due_date AS dueDate, agreed_by AS agreedBy
         FROM recommendations r
         WHERE (@groupId IS NULL OR group_id = @groupId)
           AND (@meetingIds IS NULL OR meeting_id IN (SELECT value FROM json_each(@meetingIds)))
           AND (@partnerId IS NULL OR EXISTS (SELECT 1 FROM recommendation_targets t WHERE t.recommendation_id = r.recommendation_id AND t.partner_id = @partnerId))
         ORDER BY sort_key`,
      )
      .all({
        groupId: filter.groupId ?? null,
        meetingIds: filter.meetingIds ? JSON.stringify(filter.meetingIds) : null,
        partnerId: filter.partnerId ?? null,
      }) as (Omit<RecommendationRow, 'agreedBy' | 'targets'> & { agreedBy: string })[];
    // Every target of every recommendation found, in one query rather than one per recommendation.
    const targets = this.db
      .prepare(
        `SELECT recommendation_id AS recommendationId, partner_id AS partnerId, response, reason, responded_at AS respondedAt,
           responded_on AS respondedOn
         FROM recommendation_targets WHERE recommendation_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      )
      .all(JSON.stringify(rows.map((row) => row.recommendationId))) as (RecommendationRow['targets'][number] & {
      recommendationId: string;
    })[];
    const targetsOf = new Map<string, RecommendationRow['targets']>();
    for (const { recommendationId, ...target } of targets) {
      targetsOf.set(recommendationId, [...(targetsOf.get(recommendationId) ?? []), target]);
    }
    return rows.map((row) => ({
      ...row,
      agreedBy: JSON.parse(row.agreedBy) as string[],
      targets: targetsOf.get(row.recommendationId) ?? [],
    }));
  }

  correctionsOfMeetings(meetingIds: readonly string[]): Map<string, CorrectionRow[]> {
    return this.byMeeting<CorrectionRow>(
      `SELECT meeting_id AS meetingId, text, reason, corrected_at AS correctedAt
       FROM minutes_corrections WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key`,
      meetingIds,
    );
  }

  localPublicationsOfMeetings(meetingIds: readonly string[]): Map<string, LocalPublicationRow[]> {
    return this.byMeeting<LocalPublicationRow>(
      `SELECT meeting_id AS meetingId, area_id AS areaId, address, published_on AS publishedOn
       FROM local_publications WHERE meeting_id IN (SELECT value FROM json_each(?))`,
      meetingIds,
    );
  }

  /** Rows of a per-meeting table for several meetings at once, by meeting; `sql` takes the ids as one JSON array. */
  private byMeeting<Row extends { meetingId: string }>(sql: string, meetingIds: readonly string[]): Map<string, Row[]> {
    return groupByMeeting(this.db.prepare(sql).all(JSON.stringify(meetingIds)) as Row[]);
  }

  /** The meeting a decision was recorded at, if any. */
  meetingOfDecision(decisionId: string): string | null {
    const row = this.db
      .prepare('SELECT meeting_id AS meetingId FROM decisions WHERE decision_id = ? AND recorded_to IS NULL')
      .get(decisionId) as { meetingId: string } | undefined;
    return row?.meetingId ?? null;
  }
}

function groupByMeeting<Row extends { meetingId: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const group = grouped.get(row.meetingId);
    if (group) group.push(row);
    else grouped.set(row.meetingId, [row]);
  }
  return grouped;
}
