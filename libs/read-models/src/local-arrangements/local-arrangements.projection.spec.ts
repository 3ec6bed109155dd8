import { LocalArrangementEvent, localArrangementStream, RegionalGroupEvent, regionalGroupStream } from '@app/domain';
import { GROUP_ID } from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec } from '../testing/projection-spec';
import { localArrangementsProjection } from './local-arrangements.projection';

const spec = projectionSpec(localArrangementsProjection);
const bristol = (...events: LocalArrangementEvent[]) => inStream(localArrangementStream('bristol'), events);
const group = (...events: RegionalGroupEvent[]) => inStream(regionalGroupStream(GROUP_ID), events);
const school: LocalArrangementEvent = {
  type: 'RelevantAgencyRecorded',
  data: {
    areaId: 'bristol',
    agencyId: 'cotham',
    name: 'Cotham School',
    agencyType: 'EDUCATION',
    from: '2019-09-01',
    to: null,
  },
};
const published: LocalArrangementEvent = {
  type: 'ArrangementsPublished',
  data: { areaId: 'bristol', version: '2024', publishedOn: '2024-09-27', secretaryOfStateNotifiedOn: null },
};

describe('the local arrangements projection (R2, L1, L4)', () => {
  it('given a group, when education is required from 1 April 2027, then the requirement and its gaps are kept', () =>
    spec
      .given()
      .when(
        group(
          { type: 'AgencyTypeDefined', data: { code: 'CAFCASS', name: 'Cafcass', definedOn: '2026-11-23' } },
          {
            type: 'AgencyTypeRequired',
            data: {
              code: 'EDUCATION',
              inForceFrom: '2027-04-01',
              scope: 'PARTNERS',
              gapsAccepted: [{ areaId: 'bristol', areaName: 'Bristol', agencyType: 'EDUCATION' }],
            },
          },
        ),
      )
      .then({
        agency_types_defined: [{ group_id: GROUP_ID, code: 'CAFCASS', defined_on: '2026-11-23', sort_key: 1 }],
        agency_requirements: [
          {
            group_id: GROUP_ID,
            code: 'EDUCATION',
            in_force_from: '2027-04-01',
            scope: 'PARTNERS',
            gaps: JSON.stringify([{ areaId: 'bristol', areaName: 'Bristol', agencyType: 'EDUCATION' }]),
            sort_key: 2,
          },
        ],
      }));

  it('given a school, when it stops taking part, then its row is closed on that day and the belief before kept', () =>
    spec
      .given(bristol(school))
      .when(bristol({ type: 'RelevantAgencyEnded', data: { areaId: 'bristol', agencyId: 'cotham', to: '2026-08-31' } }))
      .then({
        relevant_agencies: [
          { agency_id: 'cotham', valid_from: '2019-09-01', valid_to: null, recorded_from: 1, recorded_to: 2 },
          {
            agency_id: 'cotham',
            valid_from: '2019-09-01',
            valid_to: '2026-08-31',
            recorded_from: 2,
            recorded_to: null,
          },
        ],
      }));

  it('given published arrangements, when notified and implemented, then each day is kept with when it was recorded', () =>
    spec
      .given(bristol(published))
      .when(
        bristol(
          { type: 'SecretaryOfStateNotified', data: { areaId: 'bristol', version: '2024', notifiedOn: '2024-10-01' } },
          {
            type: 'ArrangementsImplemented',
            data: { areaId: 'bristol', version: '2024', implementedOn: '2025-02-01' },
          },
        ),
      )
      .then({
        published_arrangements: [
          {
            area_id: 'bristol',
            version: '2024',
            published_on: '2024-09-27',
            notified_on: '2024-10-01',
            notified_position: 2,
            implemented_on: '2025-02-01',
            implemented_position: 3,
            sort_key: 1,
          },
        ],
      }));

  it('given nothing, when a working group is linked to a workstream, then the link is kept', () =>
    spec
      .given()
      .when(
        bristol({
          type: 'LocalGroupRecorded',
          data: {
            areaId: 'bristol',
            localGroupId: 'wg',
            name: 'Exploitation working group',
            kind: 'WORKING_GROUP',
            meetingsPerYear: 6,
            workstreamIds: ['ws-1'],
          },
        }),
      )
      .then({ local_groups: [{ local_group_id: 'wg', kind: 'WORKING_GROUP', workstream_ids: '["ws-1"]' }] }));

  it('given a scrutineer and a report, when a partner responds, then the report, its recommendation and the response are kept', () =>
    spec
      .given(
        bristol(
          {
            type: 'ScrutineerAppointed',
            data: {
              areaId: 'bristol',
              scrutineerId: 's1',
              name: 'Independent Scrutineer',
              from: '2025-04-01',
              to: null,
            },
          },
          {
            type: 'ScrutinyReportPublished',
            data: {
              areaId: 'bristol',
              reportId: 'r1',
              scrutineerId: 's1',
              title: 'Scrutiny 2025/26',
              publishedOn: '2026-06-30',
              recommendations: [
                {
                  recommendationId: 'rec1',
                  text: 'Publish the offer.',
                  targetPartnerIds: ['council'],
                  dueDate: '2026-12-31',
                },
              ],
            },
          },
        ),
      )
      .when(
        bristol({
          type: 'ScrutinyRecommendationResponded',
          data: {
            areaId: 'bristol',
            reportId: 'r1',
            recommendationId: 'rec1',
            partnerId: 'council',
            response: 'ACCEPTED',
            reason: null,
            respondedOn: '2026-07-15',
          },
        }),
      )
      .then({
        scrutineers: [{ scrutineer_id: 's1', from_date: '2025-04-01', to_date: null, sort_key: 1 }],
        scrutiny_reports: [{ report_id: 'r1', published_on: '2026-06-30', sort_key: 2 }],
        scrutiny_recommendations: [
          { recommendation_id: 'rec1', target_partner_ids: '["council"]', due_date: '2026-12-31' },
        ],
        scrutiny_responses: [{ recommendation_id: 'rec1', partner_id: 'council', response: 'ACCEPTED', sort_key: 3 }],
      }));

  it('given a group, when it sets a delegate minimum and records its partnership chair, then both are kept with their days', () =>
    spec
      .given()
      .when(
        group(
          { type: 'DelegateMinimumSenioritySet', data: { seniority: 'DIRECTOR', from: '2026-01-01' } },
          {
            type: 'PartnershipChairRecorded',
            data: { name: 'Jane Doe', title: 'Independent chair', from: '2024-04-01' },
          },
        ),
      )
      .then({
        delegate_minimums: [{ group_id: GROUP_ID, seniority: 'DIRECTOR', from_date: '2026-01-01', sort_key: 1 }],
        partnership_chairs: [{ group_id: GROUP_ID, name: 'Jane Doe', from_date: '2024-04-01', sort_key: 2 }],
      }));

  it('given a group, when the police name their lead and delegate and later a new delegate, then both namings are kept with their days', () =>
    spec
      .given()
      .when(
        group(
          {
            type: 'SafeguardingPartnersNamed',
            data: {
              partnerId: 'police',
              lead: { name: 'Sarah Crew', title: 'Chief Constable' },
              delegate: { name: 'Will White', title: 'Superintendent', seniority: 'HEAD_OF_SERVICE' },
              from: '2019-09-01',
            },
          },
          {
            type: 'SafeguardingPartnersNamed',
            data: {
              partnerId: 'police',
              lead: { name: 'Sarah Crew', title: 'Chief Constable' },
              delegate: { name: 'Jane Roe', title: 'Assistant Chief Constable', seniority: 'DIRECTOR' },
              from: '2026-01-01',
            },
          },
        ),
      )
      .then({
        safeguarding_partners: [
          {
            group_id: GROUP_ID,
            partner_id: 'police',
            lead_name: 'Sarah Crew',
            delegate_name: 'Will White',
            delegate_seniority: 'HEAD_OF_SERVICE',
            from_date: '2019-09-01',
            sort_key: 1,
          },
          {
            group_id: GROUP_ID,
            partner_id: 'police',
            lead_name: 'Sarah Crew',
            delegate_name: 'Jane Roe',
            delegate_seniority: 'DIRECTOR',
            from_date: '2026-01-01',
            sort_key: 2,
          },
        ],
      }));

  it('given a group, when it appoints a scrutineer for the whole group, then the group keeps it with its dates', () =>
    spec
      .given()
      .when(
        group({
          type: 'GroupScrutineerAppointed',
          data: { scrutineerId: 's-1', name: 'Independent Scrutineer', from: '2019-09-29', to: null },
        }),
      )
      .then({
        group_scrutineers: [
          { group_id: GROUP_ID, scrutineer_id: 's-1', from_date: '2019-09-29', to_date: null, sort_key: 1 },
        ],
      }));
});
