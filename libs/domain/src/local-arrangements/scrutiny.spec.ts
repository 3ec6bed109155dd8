import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { localArrangementDecider } from './local-arrangement.decider';
import { LocalRecordEvent } from './local-records';
import { RecordScrutinyActivity, ScrutinyCommand } from './scrutiny';

const spec = specification(localArrangementDecider);
const now = '2026-11-23T09:00:00.000Z';
const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const councilRepresentative: Actor = { personId: 'rep', partnerId: 'bristol-council', roles: [] };
const policeRepresentative: Actor = { personId: 'rep-police', partnerId: 'police', roles: [] };

type DataOf<T extends ScrutinyCommand['type']> = Omit<
  Extract<ScrutinyCommand, { type: T }>['data'],
  'areaId' | 'managedAreaIds' | 'actor' | 'now' | 'groupScrutineers'
> &
  Partial<Pick<ScrutinyCommand['data'], 'actor' | 'managedAreaIds'>> &
  Partial<Pick<RecordScrutinyActivity['data'], 'groupScrutineers'>>;
const send = <T extends ScrutinyCommand['type']>(type: T, data: DataOf<T>): ScrutinyCommand =>
  ({
    type,
    data: { areaId: 'bristol', managedAreaIds: ['bristol'], actor: bristolManager, now, groupScrutineers: {}, ...data },
  }) as never;
/** A scrutineer appointed for the whole group from April 2025, as the group's stream holds it. */
const regionalScrutineer = { g1: { from: '2025-04-01', to: null } };
/** An activity of the group's scrutineer in the area, recorded by its business manager unless said otherwise. */
const groupActivity = (overrides: Partial<DataOf<'RecordScrutinyActivity'>> = {}) =>
  send('RecordScrutinyActivity', {
    activityId: 'a1',
    scrutineerId: 'g1',
    examined: 'Regional audit of the front door',
    on: '2026-03-10',
    groupScrutineers: regionalScrutineer,
    ...overrides,
  });

const appointed: LocalRecordEvent = {
  type: 'ScrutineerAppointed',
  data: { areaId: 'bristol', scrutineerId: 's1', name: 'Independent Scrutineer', from: '2025-04-01', to: null },
};
const report: LocalRecordEvent = {
  type: 'ScrutinyReportPublished',
  data: {
    areaId: 'bristol',
    reportId: 'r1',
    scrutineerId: 's1',
    title: 'Scrutiny of the arrangements 2025/26',
    publishedOn: '2026-06-30',
    recommendations: [
      {
        recommendationId: 'rec1',
        text: 'Publish the training offer.',
        targetPartnerIds: ['bristol-council'],
        dueDate: '2026-12-31',
      },
    ],
  },
};
const publish = (overrides: Partial<DataOf<'PublishScrutinyReport'>> = {}) =>
  send('PublishScrutinyReport', {
    reportId: 'r1',
    scrutineerId: 's1',
    title: ' Scrutiny of the arrangements 2025/26 ',
    publishedOn: '2026-06-30',
    recommendations: [
      {
        recommendationId: 'rec1',
        text: 'Publish the training offer.',
        targetPartnerIds: ['bristol-council'],
        dueDate: '2026-12-31',
      },
    ],
    groupPartnerIds: ['bristol-council', 'police'],
    ...overrides,
  });
const respond = (overrides: Partial<DataOf<'RespondToScrutinyRecommendation'>> = {}) =>
  send('RespondToScrutinyRecommendation', {
    recommendationId: 'rec1',
    partnerId: 'bristol-council',
    response: 'ACCEPTED',
    reason: null,
    respondedOn: '2026-07-15',
    successors: {},
    actor: councilRepresentative,
    ...overrides,
  });

describe('independent scrutiny (L6)', () => {
  it('given nothing, when the business manager appoints a scrutineer, then it is recorded', () =>
    spec
      .given([])
      .when(
        send('AppointScrutineer', { scrutineerId: 's1', name: 'Independent Scrutineer', from: '2025-04-01', to: null }),
      )
      .then([appointed]));
  it('given nothing, when the region appoints one for the area, then FORBIDDEN (R11)', () =>
    spec
      .given([])
      .when(
        send('AppointScrutineer', {
          scrutineerId: 's1',
          name: 'Independent Scrutineer',
          from: '2025-04-01',
          to: null,
          actor: { personId: 'admin', partnerId: null, roles: ['ADMINISTRATOR'] },
        }),
      )
      .thenFails('FORBIDDEN'));
  it('given a scrutineer, when the same one is appointed again, then ALREADY_EXISTS', () =>
    spec
      .given([appointed])
      .when(
        send('AppointScrutineer', { scrutineerId: 's1', name: 'Independent Scrutineer', from: '2025-04-01', to: null }),
      )
      .thenFails('ALREADY_EXISTS'));
  it('given nothing, when the appointment ends on the day it starts, then VALIDATION_FAILED', () =>
    spec
      .given([])
      .when(
        send('AppointScrutineer', {
          scrutineerId: 's1',
          name: 'Independent Scrutineer',
          from: '2025-04-01',
          to: '2025-04-01',
        }),
      )
      .thenFails('VALIDATION_FAILED', /ends/));
  it('given a scrutineer, when an activity is recorded, then what was examined and when is kept', () =>
    spec
      .given([appointed])
      .when(
        send('RecordScrutinyActivity', {
          activityId: 'a1',
          scrutineerId: 's1',
          examined: 'Multi-agency audit of neglect cases',
          on: '2026-03-10',
        }),
      )
      .then([
        {
          type: 'ScrutinyActivityRecorded',
          data: {
            areaId: 'bristol',
            activityId: 'a1',
            scrutineerId: 's1',
            examined: 'Multi-agency audit of neglect cases',
            on: '2026-03-10',
          },
        },
      ]));
  it('given a scrutineer from April 2025, when an activity is dated before it, then OUT_OF_RANGE', () =>
    spec
      .given([appointed])
      .when(
        send('RecordScrutinyActivity', { activityId: 'a1', scrutineerId: 's1', examined: 'Audit', on: '2025-01-10' }),
      )
      .thenFails('OUT_OF_RANGE'));
  it('given no scrutineer, when an activity names one, then NOT_FOUND', () =>
    spec
      .given([])
      .when(
        send('RecordScrutinyActivity', { activityId: 'a1', scrutineerId: 's1', examined: 'Audit', on: '2026-01-10' }),
      )
      .thenFails('NOT_FOUND'));
  it("given no scrutineer of the area's own, when an activity names the group's scrutineer, then it is kept", () =>
    spec
      .given([])
      .when(groupActivity())
      .then([
        {
          type: 'ScrutinyActivityRecorded',
          data: {
            areaId: 'bristol',
            activityId: 'a1',
            scrutineerId: 'g1',
            examined: 'Regional audit of the front door',
            on: '2026-03-10',
          },
        },
      ]));
  it("given the group's scrutineer from April 2025, when an activity is dated before it, then OUT_OF_RANGE", () =>
    spec
      .given([])
      .when(groupActivity({ on: '2025-01-10' }))
      .thenFails('OUT_OF_RANGE'));
  it("given the group's scrutineer, when the region records the activity for the area, then FORBIDDEN (R11)", () =>
    spec
      .given([])
      .when(
        groupActivity({
          actor: { personId: 'chair', partnerId: 'police', roles: ['REPRESENTATIVE', 'CHAIR'] },
          managedAreaIds: [],
        }),
      )
      .thenFails('FORBIDDEN'));
  it("given the group's scrutineer, when a report of theirs is published for the area, then it is recorded", () =>
    spec
      .given([])
      .when(publish({ scrutineerId: 'g1', groupScrutineers: regionalScrutineer }))
      .then([{ ...report, data: { ...report.data, scrutineerId: 'g1' } }]));
  it('given a scrutineer, when a report with recommendations is published, then it is recorded', () =>
    spec.given([appointed]).when(publish()).then([report]));
  it('given a scrutineer, when a recommendation names no partner of the group, then NOT_FOUND', () =>
    spec
      .given([appointed])
      .when(
        publish({
          recommendations: [
            { recommendationId: 'rec1', text: 'x', targetPartnerIds: ['elsewhere'], dueDate: '2026-12-31' },
          ],
        }),
      )
      .thenFails('NOT_FOUND'));
  it("given a report, when the target partner's representative accepts, then the response is kept", () =>
    spec
      .given([appointed, report])
      .when(respond())
      .then([
        {
          type: 'ScrutinyRecommendationResponded',
          data: {
            areaId: 'bristol',
            reportId: 'r1',
            recommendationId: 'rec1',
            partnerId: 'bristol-council',
            response: 'ACCEPTED',
            reason: null,
            respondedOn: '2026-07-15',
          },
        },
      ]));
  it('given a report, when another partner answers for the target, then FORBIDDEN (R41, the R9 rule)', () =>
    spec
      .given([appointed, report])
      .when(respond({ actor: policeRepresentative }))
      .thenFails('FORBIDDEN'));
  it('given a report, when declined without a reason, then VALIDATION_FAILED (the R9 rule)', () =>
    spec
      .given([appointed, report])
      .when(respond({ response: 'DECLINED' }))
      .thenFails('VALIDATION_FAILED', /reason/));
  it('given a report, when the response predates it, then OUT_OF_RANGE', () =>
    spec
      .given([appointed, report])
      .when(respond({ respondedOn: '2026-06-01' }))
      .thenFails('OUT_OF_RANGE'));
});
