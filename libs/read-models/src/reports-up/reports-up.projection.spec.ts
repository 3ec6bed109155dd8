import {
  EscalationRaised,
  localArrangementStream,
  regionalGroupStream,
  regionalReportsStream,
  SeriousIncidentNotified,
  YearlyReportSubmitted,
} from '@app/domain';
import { established, GROUP_ID } from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec } from '../testing/projection-spec';
import { reportsUpProjection } from './reports-up.projection';

const spec = projectionSpec(reportsUpProjection);
const group = inStream(regionalGroupStream(GROUP_ID), established);
const bristol = localArrangementStream('bristol');
const region = regionalReportsStream(GROUP_ID);
const byRegion = { actor: { personId: 'chair', partnerId: 'council', roles: ['REPRESENTATIVE'] } };

const incident: SeriousIncidentNotified = {
  type: 'SeriousIncidentNotified',
  data: {
    areaId: 'bristol',
    groupId: GROUP_ID,
    reviewId: 'r-1',
    reference: 'BRS-2026-07',
    awareOn: '2026-12-18',
    notifiedOn: '2026-12-18',
    notificationDueOn: '2026-12-29',
    rapidReviewDueOn: '2027-01-13',
    restricted: true,
  },
};
const report: YearlyReportSubmitted = {
  type: 'YearlyReportSubmitted',
  data: {
    areaId: 'bristol',
    reportId: 'y-1',
    period: '2025-26',
    publishedOn: '2026-10-15',
    link: 'https://bristol.example/ycp.pdf',
    sentToNationalPanelOn: '2026-10-20',
    sentToWhatWorksOn: '2026-10-29',
    dueOn: '2026-09-30',
    dispatchDueOn: '2026-10-22',
  },
};
const escalation: EscalationRaised = {
  type: 'EscalationRaised',
  data: {
    areaId: 'bristol',
    groupId: GROUP_ID,
    escalationId: 'e-1',
    title: 'Out-of-hours health cover',
    detail: 'No designated doctor at weekends.',
    restricted: true,
    raisedOn: '2026-11-02',
  },
};

describe('the reports-up projection (L2, L5)', () => {
  it('given an incident, when the rapid review decides, then the review holds the decision and the inbox the item, restricted like the review', () =>
    spec
      .given(group, inStream(bristol, incident))
      .when(
        inStream(bristol, {
          type: 'RapidReviewDecisionRecorded',
          data: {
            areaId: 'bristol',
            groupId: GROUP_ID,
            reviewId: 'r-1',
            restricted: true,
            decision: 'LCSPR',
            reason: 'Learning across agencies',
            decidedOn: '2027-01-14',
            publicationDueOn: '2027-07-14',
          },
        }),
      )
      .then({
        practice_reviews: [
          {
            review_id: 'r-1',
            group_id: GROUP_ID,
            area_id: 'bristol',
            notification_due_on: '2026-12-29',
            rapid_review_due_on: '2027-01-13',
            decision: 'LCSPR',
            decided_on: '2027-01-14',
            publication_due_on: '2027-07-14',
            restricted: 1,
          },
        ],
        inbox_items: [
          {
            item_id: 'r-1',
            kind: 'PRACTICE_REVIEW_DECISION',
            title: 'Rapid review decision on BRS-2026-07: LCSPR',
            due_on: '2027-01-13',
            received_on: '2027-01-14',
            restricted: 1,
          },
        ],
      }));

  it('given a yearly report, when the region acknowledges it, then the inbox item shows who and when', () =>
    spec
      .given(group, inStream(bristol, report))
      .when(
        inStream(
          region,
          {
            type: 'InboxItemAcknowledged',
            data: { groupId: GROUP_ID, areaId: 'bristol', itemId: 'y-1', acknowledgedAt: '2026-10-30T09:00:00.000Z' },
          },
          byRegion,
        ),
      )
      .then({
        inbox_items: [
          {
            item_id: 'y-1',
            group_id: GROUP_ID,
            kind: 'YEARLY_REPORT',
            title: 'Yearly report 2025-26',
            due_on: '2026-09-30',
            received_on: '2026-10-15',
            acknowledged_at: '2026-10-30T09:00:00.000Z',
            acknowledged_by: 'chair',
          },
        ],
      }));

  it('given an escalation, when the region responds and resolves it, then both are kept in order and the item is resolved', () =>
    spec
      .given(group, inStream(bristol, escalation))
      .when(
        inStream(
          region,
          [
            {
              type: 'EscalationResponded',
              data: {
                groupId: GROUP_ID,
                areaId: 'bristol',
                escalationId: 'e-1',
                response: 'Raised with the ICB.',
                respondedOn: '2026-11-05',
              },
            },
            {
              type: 'EscalationResolved',
              data: {
                groupId: GROUP_ID,
                areaId: 'bristol',
                escalationId: 'e-1',
                resolution: 'Rota agreed.',
                resolvedOn: '2026-11-20',
              },
            },
          ],
          byRegion,
        ),
      )
      .then({
        inbox_items: [{ item_id: 'e-1', kind: 'ESCALATION', restricted: 1, resolved_on: '2026-11-20' }],
        escalation_responses: [
          { escalation_id: 'e-1', kind: 'RESPONSE', text: 'Raised with the ICB.', on_date: '2026-11-05' },
          { escalation_id: 'e-1', kind: 'RESOLUTION', text: 'Rota agreed.', on_date: '2026-11-20' },
        ],
      }));

  it('given the group, when it defines a measure, then the group keeps it', () =>
    spec
      .given(group)
      .when(
        inStream(region, {
          type: 'MeasureDefined',
          data: { groupId: GROUP_ID, measureId: 'm-1', name: 'Rapid reviews held' },
        }),
      )
      .then({ performance_measures: [{ measure_id: 'm-1', group_id: GROUP_ID, name: 'Rapid reviews held' }] }));

  it('given an area added to the group later, when it sends a yearly report, then the inbox of its group holds it', () =>
    spec
      .given(
        group,
        inStream(regionalGroupStream(GROUP_ID), {
          type: 'AreaAdded',
          data: {
            areaId: 'new-unitary',
            name: 'New Unitary',
            addedOn: '2026-04-01',
            coveringPartnerIds: [],
            gapsAccepted: [],
          },
        }),
      )
      .when(
        inStream(localArrangementStream('new-unitary'), { ...report, data: { ...report.data, areaId: 'new-unitary' } }),
      )
      .then({ inbox_items: [{ item_id: 'y-1', group_id: GROUP_ID, area_id: 'new-unitary', kind: 'YEARLY_REPORT' }] }));

  it('given an area of no known group, then nothing is shown', () =>
    spec.given([]).when(inStream(bristol, report)).then({ inbox_items: [] }));
});
