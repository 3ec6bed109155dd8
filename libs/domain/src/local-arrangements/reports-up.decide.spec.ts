import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { localArrangementDecider } from './local-arrangement.decider';
import { sentItemIn } from './reports-up.decide';
import {
  RaiseEscalation,
  ShareLocalDecision,
  SubmitPerformanceFigures,
  SubmitYearlyReport,
  YearlyReportSubmitted,
} from './reports-up.events';

const spec = specification(localArrangementDecider);
const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const chair: Actor = { personId: 'chair', partnerId: 'council', roles: ['REPRESENTATIVE', 'CHAIR'] };
const by = {
  areaId: 'bristol',
  managedAreaIds: ['bristol'],
  actor: bristolManager,
  now: '2026-11-23T10:00:00.000Z',
  areaJoinedOn: '2019-06-01',
};
/** Each date is checked against the day the area joined its group. */
const beforeJoining = /before the area joined its group \(2019-06-01\)/;

const submit = (data: Partial<SubmitYearlyReport['data']> = {}): SubmitYearlyReport => ({
  type: 'SubmitYearlyReport',
  data: {
    ...by,
    reportId: 'y-2',
    period: '2025-26',
    publishedOn: '2026-10-15',
    link: 'https://bristol.example/ycp-2025-26.pdf',
    sentToNationalPanelOn: '2026-10-20',
    sentToWhatWorksOn: '2026-10-29',
    ...data,
  },
});
const lastYear: YearlyReportSubmitted = {
  type: 'YearlyReportSubmitted',
  data: {
    areaId: 'bristol',
    reportId: 'y-1',
    period: '2024-25',
    publishedOn: '2025-09-30',
    link: 'https://bristol.example/ycp-2024-25.pdf',
    sentToNationalPanelOn: '2025-10-01',
    sentToWhatWorksOn: '2025-10-01',
    dueOn: null,
    dispatchDueOn: '2025-10-07',
  },
};
const figures = (data: Partial<SubmitPerformanceFigures['data']> = {}): SubmitPerformanceFigures => ({
  type: 'SubmitPerformanceFigures',
  data: {
    ...by,
    figuresId: 'f-1',
    measure: { measureId: 'm-1', name: 'Rapid reviews held' },
    period: '2026-Q3',
    count: 4,
    submittedOn: null,
    ...data,
  },
});
const escalate = (data: Partial<RaiseEscalation['data']> = {}): RaiseEscalation => ({
  type: 'RaiseEscalation',
  data: {
    ...by,
    groupId: 'g1',
    escalationId: 'e-1',
    title: 'Out-of-hours health cover',
    detail: 'No designated doctor at weekends.',
    restricted: true,
    raisedOn: null,
    ...data,
  },
});
const share = (data: Partial<ShareLocalDecision['data']> = {}): ShareLocalDecision => ({
  type: 'ShareLocalDecision',
  data: {
    ...by,
    decisionId: 'd-1',
    title: 'Neglect strategy',
    decision: 'Adopted for 2027.',
    decidedOn: '2026-11-20',
    ...data,
  },
});

describe('the yearly report (L2)', () => {
  it('given last year’s report of 30 September 2025, when this year’s is published 15 October 2026, then it was due 30 September 2026 and sent within 7 days by 22 October', () =>
    spec
      .given([lastYear])
      .when(submit())
      .then([
        {
          type: 'YearlyReportSubmitted',
          data: {
            areaId: 'bristol',
            reportId: 'y-2',
            period: '2025-26',
            publishedOn: '2026-10-15',
            link: 'https://bristol.example/ycp-2025-26.pdf',
            sentToNationalPanelOn: '2026-10-20',
            sentToWhatWorksOn: '2026-10-29',
            dueOn: '2026-09-30',
            dispatchDueOn: '2026-10-22',
          },
        },
      ]));
  it('is refused to the region (R11)', () =>
    spec
      .given([])
      .when(submit({ actor: chair }))
      .thenFails('FORBIDDEN'));
  it('is refused to the business manager of another area', () =>
    spec
      .given([])
      .when(submit({ managedAreaIds: ['somerset'] }))
      .thenFails('FORBIDDEN'));
  it('is refused when sent before it was published', () =>
    spec
      .given([])
      .when(submit({ sentToWhatWorksOn: '2026-10-14' }))
      .thenFails('OUT_OF_RANGE', /What Works/));
  it('is refused for a period already reported', () =>
    spec
      .given([lastYear])
      .when(submit({ period: '2024-25' }))
      .thenFails('ALREADY_EXISTS'));
  it('given no earlier report, when the first is dated the day before the area joined its group, then it is refused', () =>
    spec
      .given([])
      .when(submit({ period: '2018-19', publishedOn: '2019-05-31' }))
      .thenFails('OUT_OF_RANGE', beforeJoining));
  it('is refused for a period that is not a reporting year', () =>
    spec
      .given([])
      .when(submit({ period: '2025-27' }))
      .thenFails('VALIDATION_FAILED'));
  it('is refused with a link that is not an http or https address, even sent without the API', () =>
    spec
      .given([lastYear])
      .when(submit({ link: 'ftp://bristol.example/ycp-2025-26.pdf' }))
      .thenFails('VALIDATION_FAILED', /^The link to the report must be an http or https address\.$/));
});

describe('performance figures (L2)', () => {
  it('records a count for a measure the group keeps, due at the end of the month after the quarter', () =>
    spec
      .given([])
      .when(figures())
      .then([
        {
          type: 'PerformanceFiguresSubmitted',
          data: {
            areaId: 'bristol',
            figuresId: 'f-1',
            measureId: 'm-1',
            measureName: 'Rapid reviews held',
            period: '2026-Q3',
            count: 4,
            submittedOn: '2026-11-23',
            dueOn: '2026-10-31',
          },
        },
      ]));
  it('is refused for a measure the group does not keep', () =>
    spec
      .given([])
      .when(figures({ measure: null }))
      .thenFails('NOT_FOUND'));
  it('is refused for a count that is not a whole number', () =>
    spec
      .given([])
      .when(figures({ count: 2.5 }))
      .thenFails('VALIDATION_FAILED'));
  it('is refused for a quarter not yet begun', () =>
    spec
      .given([])
      .when(figures({ period: '2027-Q1' }))
      .thenFails('VALIDATION_FAILED'));
  it('records the day the area sent them, within the deadline', () =>
    spec
      .given([])
      .when(figures({ submittedOn: '2026-10-20' }))
      .then([
        {
          type: 'PerformanceFiguresSubmitted',
          data: expect.objectContaining({ submittedOn: '2026-10-20', dueOn: '2026-10-31' }),
        },
      ]));
  it('is refused when sent on a day after today', () =>
    spec
      .given([])
      .when(figures({ submittedOn: '2026-11-24' }))
      .thenFails('VALIDATION_FAILED'));
  it('is refused when sent before the quarter began', () =>
    spec
      .given([])
      .when(figures({ submittedOn: '2026-06-30' }))
      .thenFails('OUT_OF_RANGE'));
  it('is refused when sent before the area joined its group, though within the quarter', () =>
    spec
      .given([])
      .when(figures({ period: '2019-Q2', submittedOn: '2019-05-31' }))
      .thenFails('OUT_OF_RANGE', beforeJoining));
  it('is refused twice for one measure and quarter', () =>
    spec
      .given(localArrangementDecider.decide(figures(), localArrangementDecider.initialState))
      .when(figures({ figuresId: 'f-2' }))
      .thenFails('ALREADY_EXISTS'));
});

describe('escalations and local decisions (L2)', () => {
  it('records a restricted escalation, raised today', () =>
    spec
      .given([])
      .when(escalate())
      .then([
        {
          type: 'EscalationRaised',
          data: {
            areaId: 'bristol',
            groupId: 'g1',
            escalationId: 'e-1',
            title: 'Out-of-hours health cover',
            detail: 'No designated doctor at weekends.',
            restricted: true,
            raisedOn: '2026-11-23',
          },
        },
      ]));
  it('is refused to the region (R11)', () =>
    spec
      .given([])
      .when(escalate({ actor: chair }))
      .thenFails('FORBIDDEN'));
  it('refuses an escalation raised before the area joined its group (1800-01-01)', () =>
    spec
      .given([])
      .when(escalate({ raisedOn: '1800-01-01' }))
      .thenFails('OUT_OF_RANGE', beforeJoining));
  it('records an escalation raised on the day the area joined its group', () =>
    spec
      .given([])
      .when(escalate({ raisedOn: '2019-06-01' }))
      .then([{ type: 'EscalationRaised', data: expect.objectContaining({ raisedOn: '2019-06-01' }) }]));
  it('shares a local decision', () =>
    spec
      .given([])
      .when(share())
      .then([
        {
          type: 'LocalDecisionShared',
          data: {
            areaId: 'bristol',
            decisionId: 'd-1',
            title: 'Neglect strategy',
            decision: 'Adopted for 2027.',
            decidedOn: '2026-11-20',
          },
        },
      ]));
  it('refuses a decision dated in the future', () =>
    spec
      .given([])
      .when(share({ decidedOn: '2026-11-24' }))
      .thenFails('VALIDATION_FAILED', /future/));
  it('refuses a decision dated before the area joined its group (1800-01-01)', () =>
    spec
      .given([])
      .when(share({ decidedOn: '1800-01-01' }))
      .thenFails('OUT_OF_RANGE', beforeJoining));
});

describe('finding what an area sent up, for the region to answer (L2)', () => {
  const sent = localArrangementDecider.decide(escalate(), localArrangementDecider.initialState);
  it('given an escalation in the area’s stream, then it is found with the day it was raised', () =>
    expect(sentItemIn(sent, 'e-1')).toEqual({
      areaId: 'bristol',
      itemId: 'e-1',
      kind: 'ESCALATION',
      on: '2026-11-23',
    }));
  it('given no item with that id, then nothing is found', () => expect(sentItemIn(sent, 'e-2')).toBeNull());
});
