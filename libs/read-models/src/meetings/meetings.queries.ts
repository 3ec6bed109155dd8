import Database from 'better-sqlite3';

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
}

export interface SeatRow {
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
}

export interface RecommendationRow {
  readonly recommendationId: string;
  readonly meetingId: string;
  readonly groupId: string;
  readonly text: string;
  readonly dueDate: string;
  readonly agreedBy: string[];
  readonly targets: { partnerId: string; response: string | null; reason: string | null; respondedAt: string | null }[];
}

const MEETING_COLUMNS = `meeting_id AS meetingId, group_id AS groupId, starts_at AS startsAt, place, status, opened_at AS openedAt,
  closed_at AS closedAt, quorum_percentage AS quorumPercentage, required, minutes_stage AS minutesStage, minutes_text AS minutesText,
  minutes_approved_on AS minutesApprovedOn, minutes_approved_at_meeting AS minutesApprovedAtMeeting, minutes_published_at AS minutesPublishedAt`;

export class MeetingQueries {
  constructor(private readonly db: Database.Database) {}

  meeting(meetingId: string): MeetingRow | undefined {
    return this.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE meeting_id = ?`).get(meetingId) as
      MeetingRow | undefined;
  }

  meetingsOfGroup(groupId: string): MeetingRow[] {
    return this.db
      .prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE group_id = ? ORDER BY starts_at`)
      .all(groupId) as MeetingRow[];
  }

  seats(meetingId: string): SeatRow[] {
    return this.db
      .prepare(
        `SELECT appointment_id AS appointmentId, person_id AS personId, name, partner_id AS partnerId, partner_name AS partnerName,
           status, substitute_name AS substituteName, substitute_organisation AS substituteOrganisation
         FROM meeting_seats WHERE meeting_id = ? ORDER BY ordinal`,
      )
      .all(meetingId) as SeatRow[];
  }

  writtenViews(meetingId: string): { appointmentId: string; agendaItem: string; views: string }[] {
    return this.db
      .prepare(
        'SELECT appointment_id AS appointmentId, agenda_item AS agendaItem, views FROM written_views WHERE meeting_id = ? ORDER BY sort_key',
      )
      .all(meetingId) as { appointmentId: string; agendaItem: string; views: string }[];
  }

  decisions(meetingId: string): DecisionRow[] {
    const rows = this.db
      .prepare(
        'SELECT decision_id AS decisionId, meeting_id AS meetingId, text, agreed_by AS agreedBy FROM decisions WHERE meeting_id = ? ORDER BY sort_key',
      )
      .all(meetingId) as (Omit<DecisionRow, 'agreedBy'> & { agreedBy: string })[];
    return rows.map((row) => ({ ...row, agreedBy: JSON.parse(row.agreedBy) as string[] }));
  }

  /** Recommendations of a group or of one meeting, optionally only those made to one partner. */
  recommendations(filter: { groupId?: string; meetingId?: string; partnerId?: string | null }): RecommendationRow[] {
    const rows = this.db
      .prepare(
        `SELECT recommendation_id AS recommendationId, meeting_id AS meetingId, group_id AS groupId, text, due_date AS dueDate, agreed_by AS agreedBy
         FROM recommendations r
         WHERE (@groupId IS NULL OR group_id = @groupId) AND (@meetingId IS NULL OR meeting_id = @meetingId)
           AND (@partnerId IS NULL OR EXISTS (SELECT 1 FROM recommendation_targets t WHERE t.recommendation_id = r.recommendation_id AND t.partner_id = @partnerId))
         ORDER BY sort_key`,
      )
      .all({
        groupId: filter.groupId ?? null,
        meetingId: filter.meetingId ?? null,
        partnerId: filter.partnerId ?? null,
      }) as (Omit<RecommendationRow, 'agreedBy' | 'targets'> & { agreedBy: string })[];
    const targets = this.db.prepare(
      'SELECT partner_id AS partnerId, response, reason, responded_at AS respondedAt FROM recommendation_targets WHERE recommendation_id = ? ORDER BY rowid',
    );
    return rows.map((row) => ({
      ...row,
      agreedBy: JSON.parse(row.agreedBy) as string[],
      targets: targets.all(row.recommendationId) as RecommendationRow['targets'],
    }));
  }

  corrections(meetingId: string): { text: string; reason: string; correctedAt: string }[] {
    return this.db
      .prepare(
        'SELECT text, reason, corrected_at AS correctedAt FROM minutes_corrections WHERE meeting_id = ? ORDER BY sort_key',
      )
      .all(meetingId) as { text: string; reason: string; correctedAt: string }[];
  }

  localPublications(meetingId: string): { areaId: string; address: string; publishedOn: string }[] {
    return this.db
      .prepare(
        'SELECT area_id AS areaId, address, published_on AS publishedOn FROM local_publications WHERE meeting_id = ?',
      )
      .all(meetingId) as { areaId: string; address: string; publishedOn: string }[];
  }

  /** The meeting a decision was recorded at, if any. */
  meetingOfDecision(decisionId: string): string | null {
    const row = this.db
      .prepare('SELECT meeting_id AS meetingId FROM decisions WHERE decision_id = ?')
      .get(decisionId) as { meetingId: string } | undefined;
    return row?.meetingId ?? null;
  }
}
