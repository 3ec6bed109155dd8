import Database from 'better-sqlite3';
import { RegionalGroupEvent, regionalGroupStream } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import {
  BITEMPORAL_COLUMNS,
  closeFact,
  correctPeriod,
  correctValues,
  FactTable,
  insertFact,
  openFact,
  reopenFact,
} from '../bitemporal';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

/** R2, R13, R16: a partner's membership, from admission until succeeded or gone. */
export const MEMBERSHIPS: FactTable = { table: 'partner_memberships', key: ['partner_id'], values: ['group_id'] };
/** R3: the areas a partner covers; a succession or departure closes them for its period, never erases them. */
export const COVERAGE: FactTable = { table: 'partner_coverage', key: ['partner_id'], values: ['group_id', 'area_id'] };
/** R4, R16: whose seat an appointment holds, from its start until it ends or passes to a successor. */
export const SEATS: FactTable = {
  table: 'representative_seats',
  key: ['appointment_id'],
  values: ['group_id', 'partner_id'],
};
/** R5: who holds the chair and the deputy chair. */
export const POSTS: FactTable = { table: 'group_posts', key: ['group_id', 'post'], values: ['appointment_id'] };
/** R15: each contribution as agreed or changed; a later one closes it, so every change stays. */
export const FUNDING: FactTable = {
  table: 'funding_contributions',
  key: ['group_id', 'partner_id', 'financial_year'],
  values: ['amount_pence', 'in_kind', 'unilateral', 'recorded_at'],
};

const statements = statementsPerDatabase((db) => ({
  insertGroup: db.prepare(
    'INSERT INTO regional_groups (group_id, name, established_at, established_on, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  insertRecording: db.prepare('INSERT INTO group_recordings (group_id, position, recorded_at) VALUES (?, ?, ?)'),
  noticeById: db.prepare(
    'SELECT partner_id AS partnerId, effective_on AS effectiveOn FROM notices WHERE notice_id = ?',
  ),
  seatsHeldOn: db.prepare(
    `SELECT appointment_id AS appointmentId FROM representative_seats WHERE partner_id = ? AND recorded_to IS NULL
     AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`,
  ),
  seatsEndingOn: db.prepare(
    `SELECT appointment_id AS appointmentId FROM representative_seats WHERE partner_id = ? AND recorded_to IS NULL
     AND valid_to = ?`,
  ),
  fundingHeld: db.prepare(
    `SELECT amount_pence, in_kind, unilateral, recorded_at FROM funding_contributions
     WHERE partner_id = ? AND financial_year = ? AND recorded_to IS NULL AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`,
  ),
  insertArea: db.prepare(
    `INSERT INTO local_areas (area_id, group_id, name, ordinal, added_on, added_position)
     VALUES (@areaId, @groupId, @name, (SELECT COUNT(*) FROM local_areas WHERE group_id = @groupId), @addedOn, @position)`,
  ),
  insertPartner: db.prepare(
    `INSERT INTO core_partners (partner_id, group_id, name, agency_type, admitted_on, sort_key)
     VALUES (@partnerId, @groupId, @name, @agencyType, @admittedOn, @sortKey)`,
  ),
  succeed: db.prepare(
    'UPDATE core_partners SET succeeded_by = ?, succeeded_on = ?, ended_position = ? WHERE partner_id = ?',
  ),
  moveAppointment: db.prepare('UPDATE representatives SET partner_id = ? WHERE appointment_id = ?'),
  insertAppointment: db.prepare(
    `INSERT INTO representatives (appointment_id, group_id, partner_id, person_id, name, title, role, seniority, start_date, sort_key)
     VALUES (@appointmentId, @groupId, @partnerId, @personId, @name, @title, @role, @seniority, @startDate, @sortKey)`,
  ),
  endAppointment: db.prepare('UPDATE representatives SET end_date = ?, end_reason = ? WHERE appointment_id = ?'),
  correctAppointment: db.prepare('UPDATE representatives SET start_date = ?, end_date = ? WHERE appointment_id = ?'),
  insertTerms: db.prepare(
    `INSERT INTO terms_of_reference (group_id, version, summary, quorum_percentage, meeting_cadence_months,
       notice_period_months, statutory_types, adopted_on, first_review_by, sort_key)
     VALUES (@groupId, @version, @summary, @quorumPercentage, @meetingCadenceMonths, @noticePeriodMonths,
       @statutoryTypes, @adoptedOn, @firstReviewBy, @sortKey)`,
  ),
  insertReview: db.prepare('INSERT INTO terms_reviews (group_id, reviewed_on, notes, sort_key) VALUES (?, ?, ?, ?)'),
  insertDissolutionAgreement: db.prepare(
    'INSERT INTO dissolution_agreements (group_id, partner_id, meeting_id) VALUES (?, ?, ?)',
  ),
  dissolve: db.prepare('UPDATE regional_groups SET dissolved_at = ? WHERE group_id = ?'),
  insertNotice: db.prepare(
    `INSERT INTO notices (notice_id, group_id, partner_id, given_on, effective_on, status, consequences, sort_key) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)`,
  ),
  withdrawNotice: db.prepare(`UPDATE notices SET status = 'WITHDRAWN', withdrawn_on = ? WHERE notice_id = ?`),
  noticeEffective: db.prepare(`UPDATE notices SET status = 'EFFECTIVE' WHERE notice_id = ?`),
  partnerLeft: db.prepare('UPDATE core_partners SET left_on = ?, ended_position = ? WHERE partner_id = ?'),
}));

const STREAM_PREFIX = regionalGroupStream('');

export const regionalGroupProjection: Projection = {
  name: 'regional-groups',
  // 5: bitemporal memberships, coverage, seats, posts and funding (A3). 6: seats indexed by appointment,
  // which closing a seat and finding an appointment's seat on a day look up. 7: corrections of
  // appointments and funding (A7). 8: each area's day of joining and the position that recorded it (R1).
  // 9: each version of the terms of reference keeps the day it names for its first review (R12).
  version: 9,
  streams: [STREAM_PREFIX],
  tables: [
    'regional_groups',
    'group_recordings',
    'local_areas',
    'core_partners',
    'partner_memberships',
    'partner_coverage',
    'representatives',
    'representative_seats',
    'group_posts',
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
        established_on TEXT NOT NULL,
        dissolved_at TEXT,
        sort_key INTEGER NOT NULL UNIQUE
      );
      CREATE TABLE local_areas (
        area_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        name TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        added_on TEXT NOT NULL,
        added_position INTEGER NOT NULL
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
        -- The position that recorded its succession or departure.
        ended_position INTEGER,
        sort_key INTEGER NOT NULL
      );
      CREATE INDEX core_partners_by_group ON core_partners (group_id, sort_key);
      CREATE TABLE group_recordings (group_id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL);
      CREATE INDEX group_recordings_by_time ON group_recordings (group_id, recorded_at);
      CREATE TABLE partner_memberships (partner_id TEXT NOT NULL, group_id TEXT NOT NULL, ${BITEMPORAL_COLUMNS});
      CREATE INDEX partner_memberships_by_group ON partner_memberships (group_id, valid_from);
      CREATE TABLE partner_coverage (partner_id TEXT NOT NULL, group_id TEXT NOT NULL, area_id TEXT NOT NULL, ${BITEMPORAL_COLUMNS});
      CREATE INDEX partner_coverage_by_partner ON partner_coverage (partner_id, valid_from);
      CREATE TABLE representative_seats (appointment_id TEXT NOT NULL, group_id TEXT NOT NULL, partner_id TEXT NOT NULL, ${BITEMPORAL_COLUMNS});
      CREATE INDEX representative_seats_by_group ON representative_seats (group_id, valid_from);
      CREATE INDEX representative_seats_by_partner ON representative_seats (partner_id, valid_from);
      CREATE INDEX representative_seats_by_appointment ON representative_seats (appointment_id, valid_from);
      CREATE TABLE group_posts (group_id TEXT NOT NULL, post TEXT NOT NULL, appointment_id TEXT NOT NULL, ${BITEMPORAL_COLUMNS});
      CREATE INDEX group_posts_by_group ON group_posts (group_id, post, valid_from);
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
        first_review_by TEXT,
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
        ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX funding_by_group ON funding_contributions (group_id, financial_year, valid_from);
      CREATE INDEX funding_by_partner ON funding_contributions (partner_id, financial_year, valid_from);
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
    const position = stored.position;
    s.insertRecording.run(groupId, position, occurredAtOf(stored));
    const cover = (partnerId: string, areaIds: readonly string[], from: string) => {
      closeFact(db, COVERAGE, { partner_id: partnerId }, from, position);
      for (const areaId of areaIds)
        insertFact(db, COVERAGE, { partner_id: partnerId, group_id: groupId, area_id: areaId }, from, position);
    };
    const post = (which: 'CHAIR' | 'DEPUTY_CHAIR', appointmentId: string, from: string) =>
      openFact(db, POSTS, { group_id: groupId, post: which }, { appointment_id: appointmentId }, from, position);
    const vacate = (which: 'CHAIR' | 'DEPUTY_CHAIR', on: string) =>
      closeFact(db, POSTS, { group_id: groupId, post: which }, on, position);
    switch (event.type) {
      case 'RegionalGroupEstablished': {
        const { name, areas, establishedAt, establishedOn } = event.data;
        s.insertGroup.run(groupId, name, establishedAt, establishedOn, stored.position);
        for (const area of areas) s.insertArea.run({ ...area, groupId, addedOn: establishedOn, position });
        return;
      }
      case 'AreaAdded':
        // Covering partners' coverage follows in their own PartnerCoverageChanged events.
        s.insertArea.run({ ...event.data, groupId, position });
        return;
      case 'CorePartnerAdmitted': {
        const { partnerId, admittedOn, areaIds } = event.data;
        s.insertPartner.run({ ...event.data, groupId, sortKey: stored.position });
        openFact(db, MEMBERSHIPS, { partner_id: partnerId }, { group_id: groupId }, admittedOn, position);
        cover(partnerId, areaIds, admittedOn);
        return;
      }
      case 'PartnerCoverageChanged':
        cover(event.data.partnerId, event.data.areaIds, event.data.changedOn);
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
        if (!exists)
          openFact(db, MEMBERSHIPS, { partner_id: successorId }, { group_id: groupId }, effectiveOn, position);
        closeFact(db, MEMBERSHIPS, { partner_id: predecessorId }, effectiveOn, position);
        cover(successorId, areaIds, effectiveOn);
        closeFact(db, COVERAGE, { partner_id: predecessorId }, effectiveOn, position);
        s.succeed.run(successorId, effectiveOn, position, predecessorId);
        for (const appointmentId of event.data.transferredAppointmentIds) {
          s.moveAppointment.run(successorId, appointmentId);
          openFact(
            db,
            SEATS,
            { appointment_id: appointmentId },
            { group_id: groupId, partner_id: successorId },
            effectiveOn,
            position,
          );
        }
        for (const year of event.data.transferredFundingYears) {
          const held = s.fundingHeld.get(predecessorId, year, effectiveOn, effectiveOn) as
            Record<string, unknown> | undefined;
          closeFact(
            db,
            FUNDING,
            { group_id: groupId, partner_id: predecessorId, financial_year: year },
            effectiveOn,
            position,
          );
          if (held)
            openFact(
              db,
              FUNDING,
              { group_id: groupId, partner_id: successorId, financial_year: year },
              held,
              effectiveOn,
              position,
            );
        }
        return;
      }
      case 'RepresentativeAppointed': {
        const { appointmentId, partnerId, startDate } = event.data;
        s.insertAppointment.run({ ...event.data, groupId, sortKey: stored.position });
        openFact(
          db,
          SEATS,
          { appointment_id: appointmentId },
          { group_id: groupId, partner_id: partnerId },
          startDate,
          position,
        );
        return;
      }
      case 'RepresentativeAppointmentEnded':
        s.endAppointment.run(event.data.endDate, event.data.reason, event.data.appointmentId);
        closeFact(db, SEATS, { appointment_id: event.data.appointmentId }, event.data.endDate, position);
        return;
      case 'ChairAppointed':
        post('CHAIR', event.data.appointmentId, event.data.from);
        return;
      case 'DeputyChairAppointed':
        post('DEPUTY_CHAIR', event.data.appointmentId, event.data.from);
        return;
      case 'ChairRotated':
        post('CHAIR', event.data.chairAppointmentId, event.data.on);
        post('DEPUTY_CHAIR', event.data.deputyAppointmentId, event.data.on);
        return;
      case 'ChairPostVacated':
        vacate(event.data.post, event.data.on);
        return;
      case 'TermsOfReferenceAdopted': {
        const { statutoryTypesPerArea, gapsAccepted: _gaps, ...terms } = event.data;
        s.insertTerms.run({
          ...terms,
          groupId,
          statutoryTypes: JSON.stringify(statutoryTypesPerArea),
          sortKey: stored.position,
        });
        return;
      }
      case 'TermsOfReferenceReviewed':
        s.insertReview.run(groupId, event.data.reviewedOn, event.data.notes, stored.position);
        return;
      case 'FundingContributionAgreed':
      case 'FundingContributionChanged': {
        const { partnerId, financialYear, amountPence, inKind } = event.data;
        const unilateral = event.type === 'FundingContributionChanged';
        openFact(
          db,
          FUNDING,
          { group_id: groupId, partner_id: partnerId, financial_year: financialYear },
          {
            amount_pence: amountPence,
            in_kind: inKind,
            unilateral: unilateral ? 1 : 0,
            recorded_at: occurredAtOf(stored),
          },
          event.type === 'FundingContributionChanged' ? event.data.changedOn : event.data.agreedOn,
          position,
        );
        return;
      }
      case 'AppointmentDatesCorrected': {
        // The seat's days change; the rows the platform showed before stay, retired at this position (A3, A7).
        const { appointmentId, startDate, endDate } = event.data;
        s.correctAppointment.run(startDate, endDate, appointmentId);
        correctPeriod(db, SEATS, { appointment_id: appointmentId }, startDate, endDate, position);
        return;
      }
      case 'FundingContributionCorrected': {
        const { partnerId, financialYear, amountPence, inKind } = event.data;
        correctValues(
          db,
          FUNDING,
          { group_id: groupId, partner_id: partnerId, financial_year: financialYear },
          { amount_pence: amountPence, in_kind: inKind },
          position,
        );
        return;
      }
      case 'DissolutionAgreed':
        s.insertDissolutionAgreement.run(groupId, event.data.partnerId, event.data.meetingId);
        return;
      case 'RegionalGroupDissolved':
        s.dissolve.run(event.data.dissolvedAt, groupId);
        return;
      case 'NoticeToLeaveGiven': {
        // As known from now on: the partner's membership, coverage and seats end on the effective date (R13, A3).
        const { partnerId, effectiveOn } = event.data;
        const seats = s.seatsHeldOn.all(partnerId, effectiveOn, effectiveOn) as { appointmentId: string }[];
        closeFact(db, MEMBERSHIPS, { partner_id: partnerId }, effectiveOn, position);
        closeFact(db, COVERAGE, { partner_id: partnerId }, effectiveOn, position);
        for (const { appointmentId } of seats)
          closeFact(db, SEATS, { appointment_id: appointmentId }, effectiveOn, position);
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
      }
      case 'NoticeWithdrawn': {
        s.withdrawNotice.run(event.data.withdrawnOn, event.data.noticeId);
        const notice = s.noticeById.get(event.data.noticeId) as { partnerId: string; effectiveOn: string } | undefined;
        if (notice) {
          const { partnerId, effectiveOn } = notice;
          reopenFact(db, MEMBERSHIPS, { partner_id: partnerId }, effectiveOn, position);
          reopenFact(db, COVERAGE, { partner_id: partnerId }, effectiveOn, position);
          for (const { appointmentId } of s.seatsEndingOn.all(partnerId, effectiveOn) as { appointmentId: string }[])
            reopenFact(db, SEATS, { appointment_id: appointmentId }, effectiveOn, position);
        }
        return;
      }
      case 'PartnerLeft':
        s.noticeEffective.run(event.data.noticeId);
        s.partnerLeft.run(event.data.leftOn, position, event.data.partnerId);
        closeFact(db, MEMBERSHIPS, { partner_id: event.data.partnerId }, event.data.leftOn, position);
        closeFact(db, COVERAGE, { partner_id: event.data.partnerId }, event.data.leftOn, position);
        for (const appointmentId of event.data.endedAppointmentIds) {
          s.endAppointment.run(event.data.leftOn, 'The partner left the group', appointmentId);
          closeFact(db, SEATS, { appointment_id: appointmentId }, event.data.leftOn, position);
        }
        for (const vacated of event.data.postsVacated) vacate(vacated, event.data.leftOn);
        return;
      case 'AgencyTypeDefined':
      case 'AgencyTypeRequired':
      case 'DelegateMinimumSenioritySet':
      case 'PartnershipChairRecorded':
      case 'SafeguardingPartnersNamed':
      case 'GroupScrutineerAppointed':
        return; // The law as data and delegation have their own projection (local-arrangements.projection.ts).
      default:
        return unhandled(event);
    }
  },
};
