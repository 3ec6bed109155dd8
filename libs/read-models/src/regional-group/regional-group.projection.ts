import Database from 'better-sqlite3';
import { RegionalGroupEvent, regionalGroupStream } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

const statements = statementsPerDatabase((db) => ({
  insertGroup: db.prepare('INSERT INTO regional_groups (group_id, name, established_at, sort_key) VALUES (?, ?, ?, ?)'),
  insertArea: db.prepare('INSERT INTO local_areas (area_id, group_id, name, ordinal) VALUES (?, ?, ?, ?)'),
  insertPartner: db.prepare(
    `INSERT INTO core_partners (partner_id, group_id, name, agency_type, admitted_on, sort_key)
     VALUES (@partnerId, @groupId, @name, @agencyType, @admittedOn, @sortKey)`,
  ),
  clearPartnerAreas: db.prepare('DELETE FROM partner_areas WHERE partner_id = ?'),
  insertPartnerArea: db.prepare('INSERT INTO partner_areas (partner_id, area_id) VALUES (?, ?)'),
  succeed: db.prepare('UPDATE core_partners SET succeeded_by = ?, succeeded_on = ? WHERE partner_id = ?'),
  moveAppointment: db.prepare('UPDATE representatives SET partner_id = ? WHERE appointment_id = ?'),
  moveFunding: db.prepare(
    'UPDATE OR REPLACE funding_contributions SET partner_id = ? WHERE partner_id = ? AND financial_year = ?',
  ),
  insertAppointment: db.prepare(
    `INSERT INTO representatives (appointment_id, group_id, partner_id, person_id, name, title, role, seniority, start_date, sort_key)
     VALUES (@appointmentId, @groupId, @partnerId, @personId, @name, @title, @role, @seniority, @startDate, @sortKey)`,
  ),
  endAppointment: db.prepare('UPDATE representatives SET end_date = ?, end_reason = ? WHERE appointment_id = ?'),
  setChair: db.prepare('UPDATE regional_groups SET chair_appointment_id = ? WHERE group_id = ?'),
  setDeputy: db.prepare('UPDATE regional_groups SET deputy_appointment_id = ? WHERE group_id = ?'),
  insertTerms: db.prepare(
    `INSERT INTO terms_of_reference (group_id, version, summary, quorum_percentage, meeting_cadence_months,
       notice_period_months, statutory_types, adopted_on, sort_key)
     VALUES (@groupId, @version, @summary, @quorumPercentage, @meetingCadenceMonths, @noticePeriodMonths,
       @statutoryTypes, @adoptedOn, @sortKey)`,
  ),
  insertReview: db.prepare('INSERT INTO terms_reviews (group_id, reviewed_on, notes, sort_key) VALUES (?, ?, ?, ?)'),
  upsertFunding: db.prepare(
    `INSERT INTO funding_contributions (group_id, partner_id, financial_year, amount_pence, in_kind, unilateral, recorded_at)
     VALUES (@groupId, @partnerId, @financialYear, @amountPence, @inKind, @unilateral, @recordedAt)
     ON CONFLICT (partner_id, financial_year) DO UPDATE SET amount_pence = excluded.amount_pence,
       in_kind = excluded.in_kind, unilateral = excluded.unilateral, recorded_at = excluded.recorded_at`,
  ),
  insertDissolutionAgreement: db.prepare(
    'INSERT INTO dissolution_agreements (group_id, partner_id, meeting_id) VALUES (?, ?, ?)',
  ),
  dissolve: db.prepare('UPDATE regional_groups SET dissolved_at = ? WHERE group_id = ?'),
  insertNotice: db.prepare(
    `INSERT INTO notices (notice_id, group_id, partner_id, given_on, effective_on, status, consequences, sort_key) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)`,
  ),
  withdrawNotice: db.prepare(`UPDATE notices SET status = 'WITHDRAWN', withdrawn_on = ? WHERE notice_id = ?`),
  noticeEffective: db.prepare(`UPDATE notices SET status = 'EFFECTIVE' WHERE notice_id = ?`),
  partnerLeft: db.prepare('UPDATE core_partners SET left_on = ? WHERE partner_id = ?'),
}));

const STREAM_PREFIX = regionalGroupStream('');

export const regionalGroupProjection: Projection = {
  name: 'regional-groups',
  version: 4,
  tables: [
    'regional_groups',
    'local_areas',
    'core_partners',
    'partner_areas',
    'representatives',
    'terms_of_reference',
    'terms_reviews',
    'funding_contributions',
    'dissolution_agreements',
    'notices',
  ],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE regional_groups (
        group_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        established_at TEXT NOT NULL,
        chair_appointment_id TEXT,
        deputy_appointment_id TEXT,
        dissolved_at TEXT,
        sort_key INTEGER NOT NULL UNIQUE
      );
      CREATE TABLE local_areas (
        area_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        name TEXT NOT NULL,
        ordinal INTEGER NOT NULL
      );
      CREATE INDEX local_areas_by_group ON local_areas (group_id, ordinal);
      CREATE TABLE core_partners (
        partner_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        name TEXT NOT NULL,
        agency_type TEXT NOT NULL,
        admitted_on TEXT NOT NULL,
        succeeded_by TEXT,
        succeeded_on TEXT,
        left_on TEXT,
        sort_key INTEGER NOT NULL
      );
      CREATE INDEX core_partners_by_group ON core_partners (group_id, sort_key);
      CREATE TABLE partner_areas (partner_id TEXT NOT NULL, area_id TEXT NOT NULL, PRIMARY KEY (partner_id, area_id));
      CREATE TABLE representatives (
        appointment_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        role TEXT NOT NULL,
        seniority TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        end_reason TEXT,
        sort_key INTEGER NOT NULL
      );
      CREATE INDEX representatives_by_group ON representatives (group_id, sort_key);
      CREATE TABLE terms_of_reference (
        group_id TEXT NOT NULL,
        version TEXT NOT NULL,
        summary TEXT NOT NULL,
        quorum_percentage INTEGER NOT NULL,
        meeting_cadence_months INTEGER NOT NULL,
        notice_period_months INTEGER NOT NULL,
        statutory_types TEXT NOT NULL,
        adopted_on TEXT NOT NULL,
        sort_key INTEGER NOT NULL,
        PRIMARY KEY (group_id, version)
      );
      CREATE TABLE terms_reviews (group_id TEXT NOT NULL, reviewed_on TEXT NOT NULL, notes TEXT NOT NULL, sort_key INTEGER NOT NULL);
      CREATE INDEX terms_reviews_by_group ON terms_reviews (group_id, sort_key);
      CREATE TABLE funding_contributions (
        group_id TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        financial_year TEXT NOT NULL,
        amount_pence INTEGER NOT NULL,
        in_kind TEXT,
        unilateral INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (partner_id, financial_year)
      );
      CREATE INDEX funding_by_group ON funding_contributions (group_id, financial_year);
      CREATE TABLE notices (
        notice_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, partner_id TEXT NOT NULL, given_on TEXT NOT NULL, effective_on TEXT NOT NULL,
        status TEXT NOT NULL, consequences TEXT NOT NULL, withdrawn_on TEXT, sort_key INTEGER NOT NULL
      );
      CREATE TABLE dissolution_agreements (group_id TEXT NOT NULL, partner_id TEXT NOT NULL, meeting_id TEXT NOT NULL, PRIMARY KEY (group_id, partner_id));`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    if (!stored.streamId.startsWith(STREAM_PREFIX)) return;
    const event = stored as unknown as RegionalGroupEvent;
    const s = statements(db);
    const groupId = stored.streamId.slice(STREAM_PREFIX.length);
    const setAreas = (partnerId: string, areaIds: readonly string[]) => {
      s.clearPartnerAreas.run(partnerId);
      for (const areaId of areaIds) s.insertPartnerArea.run(partnerId, areaId);
    };
    switch (event.type) {
      case 'RegionalGroupEstablished': {
        const { name, areas, establishedAt } = event.data;
        s.insertGroup.run(groupId, name, establishedAt, stored.position);
        areas.forEach((area, index) => s.insertArea.run(area.areaId, groupId, area.name, index));
        return;
      }
      case 'CorePartnerAdmitted':
        s.insertPartner.run({ ...event.data, groupId, sortKey: stored.position });
        setAreas(event.data.partnerId, event.data.areaIds);
        return;
      case 'PartnerCoverageChanged':
        setAreas(event.data.partnerId, event.data.areaIds);
        return;
      case 'PartnerSucceeded': {
        const { predecessorId, successorId, successorName, agencyType, effectiveOn, areaIds } = event.data;
        const exists = db.prepare('SELECT 1 FROM core_partners WHERE partner_id = ?').get(successorId);
        if (!exists) {
          s.insertPartner.run({
            partnerId: successorId,
            groupId,
            name: successorName,
            agencyType,
            admittedOn: effectiveOn,
            sortKey: stored.position,
          });
        }
        setAreas(successorId, areaIds);
        s.clearPartnerAreas.run(predecessorId);
        s.succeed.run(successorId, effectiveOn, predecessorId);
        for (const appointmentId of event.data.transferredAppointmentIds)
          s.moveAppointment.run(successorId, appointmentId);
        for (const year of event.data.transferredFundingYears) s.moveFunding.run(successorId, predecessorId, year);
        return;
      }
      case 'RepresentativeAppointed':
        s.insertAppointment.run({ ...event.data, groupId, sortKey: stored.position });
        return;
      case 'RepresentativeAppointmentEnded':
        s.endAppointment.run(event.data.endDate, event.data.reason, event.data.appointmentId);
        return;
      case 'ChairAppointed':
        s.setChair.run(event.data.appointmentId, groupId);
        return;
      case 'DeputyChairAppointed':
        s.setDeputy.run(event.data.appointmentId, groupId);
        return;
      case 'ChairRotated':
        s.setChair.run(event.data.chairAppointmentId, groupId);
        s.setDeputy.run(event.data.deputyAppointmentId, groupId);
        return;
      case 'ChairPostVacated':
        (event.data.post === 'CHAIR' ? s.setChair : s.setDeputy).run(null, groupId);
        return;
      case 'TermsOfReferenceAdopted': {
        const { version, summary, quorumPercentage, meetingCadenceMonths, noticePeriodMonths, adoptedOn } = event.data;
        s.insertTerms.run({
          version,
          summary,
          quorumPercentage,
          meetingCadenceMonths,
          noticePeriodMonths,
          adoptedOn,
          groupId,
          statutoryTypes: JSON.stringify(event.data.statutoryTypesPerArea),
          sortKey: stored.position,
        });
        return;
      }
      case 'TermsOfReferenceReviewed':
        s.insertReview.run(groupId, event.data.reviewedOn, event.data.notes, stored.position);
        return;
      case 'FundingContributionAgreed':
      case 'FundingContributionChanged':
        s.upsertFunding.run({
          ...event.data,
          groupId,
          unilateral: event.type === 'FundingContributionChanged' ? 1 : 0,
          recordedAt: occurredAtOf(stored),
        });
        return;
      case 'DissolutionAgreed':
        s.insertDissolutionAgreement.run(groupId, event.data.partnerId, event.data.meetingId);
        return;
      case 'RegionalGroupDissolved':
        s.dissolve.run(event.data.dissolvedAt, groupId);
        return;
      case 'NoticeToLeaveGiven':
        s.insertNotice.run(
          event.data.noticeId,
          groupId,
          event.data.partnerId,
          event.data.givenOn,
          event.data.effectiveOn,
          JSON.stringify(event.data.consequences),
          stored.position,
        );
        return;
      case 'NoticeWithdrawn':
        s.withdrawNotice.run(event.data.withdrawnOn, event.data.noticeId);
        return;
      case 'PartnerLeft':
        s.noticeEffective.run(event.data.noticeId);
        s.partnerLeft.run(event.data.leftOn, event.data.partnerId);
        s.clearPartnerAreas.run(event.data.partnerId);
        for (const appointmentId of event.data.endedAppointmentIds)
          s.endAppointment.run(event.data.leftOn, 'The partner left the group', appointmentId);
        if (event.data.postsVacated.includes('CHAIR')) s.setChair.run(null, groupId);
        if (event.data.postsVacated.includes('DEPUTY_CHAIR')) s.setDeputy.run(null, groupId);
        return;
      default:
        return unhandled(event);
    }
  },
};
