import Database from 'better-sqlite3';
import {
  isLocalRecordEvent,
  LocalArrangementEvent,
  localArrangementStream,
  RegionalGroupEvent,
  regionalGroupStream,
} from '@app/domain';
import { StoredEvent } from '@app/event-store';
import { BITEMPORAL_COLUMNS, closeFact, FactTable } from '../bitemporal';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

/**
 * L1: a relevant agency takes part from its first day until the day it stops; an end recorded later
 * closes its row, never erases it.
 */
export const RELEVANT_AGENCIES: FactTable = {
  table: 'relevant_agencies',
  key: ['agency_id'],
  values: ['area_id', 'name', 'agency_type'],
};

const statements = statementsPerDatabase((db) => ({
  insertDefined: db.prepare(
    'INSERT INTO agency_types_defined (group_id, code, name, defined_on, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  insertRequirement: db.prepare(
    `INSERT INTO agency_requirements (group_id, code, in_force_from, scope, gaps, sort_key) VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  insertAgency: db.prepare(
    `INSERT INTO relevant_agencies (agency_id, area_id, name, agency_type, valid_from, valid_to, recorded_from, recorded_to)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
  ),
  insertMinimum: db.prepare(
    'INSERT INTO delegate_minimums (group_id, seniority, from_date, sort_key) VALUES (?, ?, ?, ?)',
  ),
  insertPartnershipChair: db.prepare(
    'INSERT INTO partnership_chairs (group_id, name, title, from_date, sort_key) VALUES (?, ?, ?, ?, ?)',
  ),
  insertGroupScrutineer: db.prepare(
    'INSERT INTO group_scrutineers (group_id, scrutineer_id, name, from_date, to_date, sort_key) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  insertSafeguardingPartners: db.prepare(
    `INSERT INTO safeguarding_partners (group_id, partner_id, lead_name, lead_title, delegate_name, delegate_title,
       delegate_seniority, from_date, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  insertLocalGroup: db.prepare(
    `INSERT INTO local_groups (area_id, local_group_id, name, kind, meetings_per_year, workstream_ids, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  insertArrangements: db.prepare(
    `INSERT INTO published_arrangements (area_id, version, published_on, notified_on, notified_position, sort_key)
     VALUES (@areaId, @version, @publishedOn, @notifiedOn, @notifiedPosition, @sortKey)`,
  ),
  notified: db.prepare(
    'UPDATE published_arrangements SET notified_on = ?, notified_position = ? WHERE area_id = ? AND version = ?',
  ),
  insertScrutineer: db.prepare(
    'INSERT INTO scrutineers (area_id, scrutineer_id, name, from_date, to_date, sort_key) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  insertActivity: db.prepare(
    `INSERT INTO scrutiny_activities (area_id, activity_id, scrutineer_id, examined, on_date, sort_key)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  insertReport: db.prepare(
    `INSERT INTO scrutiny_reports (area_id, report_id, scrutineer_id, title, published_on, sort_key)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  insertRecommendation: db.prepare(
    `INSERT INTO scrutiny_recommendations (report_id, recommendation_id, text, target_partner_ids, due_date, ordinal)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  insertResponse: db.prepare(
    `INSERT INTO scrutiny_responses (recommendation_id, partner_id, response, reason, responded_on, sort_key)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  implemented: db.prepare(
    'UPDATE published_arrangements SET implemented_on = ?, implemented_position = ? WHERE area_id = ? AND version = ?',
  ),
}));

const GROUP_PREFIX = regionalGroupStream('');
const AREA_PREFIX = localArrangementStream('');

/**
 * The law as data (R2), delegation (R17) and each area's own records (L1, L4, L6): what the region
 * reads and never edits (R11).
 */
export const localArrangementsProjection: Projection = {
  name: 'local-arrangements',
  // 2: each statutory partner's lead and delegated safeguarding partners (R17). 3: the group's own scrutineers (L6).
  version: 3,
  streams: [GROUP_PREFIX, AREA_PREFIX],
  tables: [
    'agency_types_defined',
    'agency_requirements',
    'delegate_minimums',
    'partnership_chairs',
    'safeguarding_partners',
    'group_scrutineers',
    'relevant_agencies',
    'local_groups',
    'published_arrangements',
    'scrutineers',
    'scrutiny_activities',
    'scrutiny_reports',
    'scrutiny_recommendations',
    'scrutiny_responses',
  ],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE agency_types_defined (
        group_id TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, defined_on TEXT NOT NULL,
        sort_key INTEGER NOT NULL, PRIMARY KEY (group_id, code)
      );
      CREATE TABLE agency_requirements (
        group_id TEXT NOT NULL, code TEXT NOT NULL, in_force_from TEXT NOT NULL, scope TEXT NOT NULL,
        gaps TEXT NOT NULL, sort_key INTEGER NOT NULL, PRIMARY KEY (group_id, code, scope)
      );
      CREATE TABLE delegate_minimums (
        group_id TEXT NOT NULL, seniority TEXT NOT NULL, from_date TEXT NOT NULL, sort_key INTEGER NOT NULL
      );
      CREATE TABLE partnership_chairs (
        group_id TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL, from_date TEXT NOT NULL,
        sort_key INTEGER NOT NULL
      );
      CREATE TABLE safeguarding_partners (
        group_id TEXT NOT NULL, partner_id TEXT NOT NULL, lead_name TEXT NOT NULL, lead_title TEXT NOT NULL,
        delegate_name TEXT NOT NULL, delegate_title TEXT NOT NULL, delegate_seniority TEXT NOT NULL,
        from_date TEXT NOT NULL, sort_key INTEGER NOT NULL
      );
      CREATE TABLE group_scrutineers (
        group_id TEXT NOT NULL, scrutineer_id TEXT PRIMARY KEY, name TEXT NOT NULL, from_date TEXT NOT NULL,
        to_date TEXT, sort_key INTEGER NOT NULL
      );
      CREATE TABLE relevant_agencies (
        agency_id TEXT NOT NULL, area_id TEXT NOT NULL, name TEXT NOT NULL, agency_type TEXT NOT NULL,
        ${BITEMPORAL_COLUMNS}
      );
      CREATE INDEX relevant_agencies_by_area ON relevant_agencies (area_id, agency_id);
      CREATE TABLE local_groups (
        area_id TEXT NOT NULL, local_group_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
        meetings_per_year INTEGER NOT NULL, workstream_ids TEXT NOT NULL, sort_key INTEGER NOT NULL,
        PRIMARY KEY (area_id, local_group_id)
      );
      CREATE TABLE published_arrangements (
        area_id TEXT NOT NULL, version TEXT NOT NULL, published_on TEXT NOT NULL,
        notified_on TEXT, notified_position INTEGER, implemented_on TEXT, implemented_position INTEGER,
        sort_key INTEGER NOT NULL, PRIMARY KEY (area_id, version)
      );
      CREATE TABLE scrutineers (
        area_id TEXT NOT NULL, scrutineer_id TEXT PRIMARY KEY, name TEXT NOT NULL, from_date TEXT NOT NULL,
        to_date TEXT, sort_key INTEGER NOT NULL
      );
      CREATE TABLE scrutiny_activities (
        area_id TEXT NOT NULL, activity_id TEXT PRIMARY KEY, scrutineer_id TEXT NOT NULL, examined TEXT NOT NULL,
        on_date TEXT NOT NULL, sort_key INTEGER NOT NULL
      );
      CREATE TABLE scrutiny_reports (
        area_id TEXT NOT NULL, report_id TEXT PRIMARY KEY, scrutineer_id TEXT NOT NULL, title TEXT NOT NULL,
        published_on TEXT NOT NULL, sort_key INTEGER NOT NULL
      );
      CREATE TABLE scrutiny_recommendations (
        report_id TEXT NOT NULL, recommendation_id TEXT PRIMARY KEY, text TEXT NOT NULL,
        target_partner_ids TEXT NOT NULL, due_date TEXT NOT NULL, ordinal INTEGER NOT NULL
      );
      CREATE TABLE scrutiny_responses (
        recommendation_id TEXT NOT NULL, partner_id TEXT NOT NULL, response TEXT NOT NULL, reason TEXT,
        responded_on TEXT NOT NULL, sort_key INTEGER NOT NULL
      );
    `);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    const s = statements(db);
    const position = stored.position;
    if (stored.streamId.startsWith(GROUP_PREFIX)) {
      const event = stored as unknown as RegionalGroupEvent;
      const groupId = stored.streamId.slice(GROUP_PREFIX.length);
      if (event.type === 'AgencyTypeDefined')
        s.insertDefined.run(groupId, event.data.code, event.data.name, event.data.definedOn, position);
      else if (event.type === 'AgencyTypeRequired') {
        const { code, inForceFrom, scope, gapsAccepted } = event.data;
        s.insertRequirement.run(groupId, code, inForceFrom, scope, JSON.stringify(gapsAccepted), position);
      } else if (event.type === 'DelegateMinimumSenioritySet')
        s.insertMinimum.run(groupId, event.data.seniority, event.data.from, position);
      else if (event.type === 'PartnershipChairRecorded')
        s.insertPartnershipChair.run(groupId, event.data.name, event.data.title, event.data.from, position);
      else if (event.type === 'GroupScrutineerAppointed') {
        const { scrutineerId, name, from, to } = event.data;
        s.insertGroupScrutineer.run(groupId, scrutineerId, name, from, to, position);
      } else if (event.type === 'SafeguardingPartnersNamed') {
        const { partnerId, lead, delegate, from } = event.data;
        s.insertSafeguardingPartners.run(
          groupId,
          partnerId,
          lead.name,
          lead.title,
          delegate.name,
          delegate.title,
          delegate.seniority,
          from,
          position,
        );
      }
      return;
    }
    if (!stored.streamId.startsWith(AREA_PREFIX)) return;
    const any = stored as unknown as LocalArrangementEvent;
    if (!isLocalRecordEvent(any)) return;
    switch (any.type) {
      case 'RelevantAgencyRecorded': {
        const { agencyId, areaId, name, agencyType, from, to } = any.data;
        s.insertAgency.run(agencyId, areaId, name, agencyType, from, to, position);
        return;
      }
      case 'RelevantAgencyEnded':
        closeFact(db, RELEVANT_AGENCIES, { agency_id: any.data.agencyId }, any.data.to, position);
        return;
      case 'LocalGroupRecorded': {
        const { areaId, localGroupId, name, kind, meetingsPerYear, workstreamIds } = any.data;
        s.insertLocalGroup.run(
          areaId,
          localGroupId,
          name,
          kind,
          meetingsPerYear,
          JSON.stringify(workstreamIds),
          position,
        );
        return;
      }
      case 'ArrangementsPublished': {
        const { areaId, version, publishedOn, secretaryOfStateNotifiedOn } = any.data;
        s.insertArrangements.run({
          areaId,
          version,
          publishedOn,
          notifiedOn: secretaryOfStateNotifiedOn,
          notifiedPosition: secretaryOfStateNotifiedOn === null ? null : position,
          sortKey: position,
        });
        return;
      }
      case 'SecretaryOfStateNotified':
        s.notified.run(any.data.notifiedOn, position, any.data.areaId, any.data.version);
        return;
      case 'ArrangementsImplemented':
        s.implemented.run(any.data.implementedOn, position, any.data.areaId, any.data.version);
        return;
      case 'ScrutineerAppointed': {
        const { areaId, scrutineerId, name, from, to } = any.data;
        s.insertScrutineer.run(areaId, scrutineerId, name, from, to, position);
        return;
      }
      case 'ScrutinyActivityRecorded': {
        const { areaId, activityId, scrutineerId, examined, on } = any.data;
        s.insertActivity.run(areaId, activityId, scrutineerId, examined, on, position);
        return;
      }
      case 'ScrutinyReportPublished': {
        const { areaId, reportId, scrutineerId, title, publishedOn, recommendations } = any.data;
        s.insertReport.run(areaId, reportId, scrutineerId, title, publishedOn, position);
        recommendations.forEach((r, ordinal) =>
          s.insertRecommendation.run(
            reportId,
            r.recommendationId,
            r.text,
            JSON.stringify(r.targetPartnerIds),
            r.dueDate,
            ordinal,
          ),
        );
        return;
      }
      case 'ScrutinyRecommendationResponded': {
        const { recommendationId, partnerId, response, reason, respondedOn } = any.data;
        s.insertResponse.run(recommendationId, partnerId, response, reason, respondedOn, position);
        return;
      }
      default:
        return unhandled(any);
    }
  },
};
