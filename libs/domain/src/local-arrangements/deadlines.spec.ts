import {
  deadlineStatus,
  isPracticeReviewOverdue,
  practiceReviewStage,
  figuresDueOn,
  localReviewPublicationDueOn,
  nextYearlyReportDueOn,
  panelNotificationDueOn,
  rapidReviewDueOn,
  reportUpStatus,
  SENT_ITEM_STATUSES,
  yearlyReportDispatchDueOn,
} from './deadlines';

describe('practice review deadlines (L5)', () => {
  it('given an incident known on 18 December 2026, then the panel notification is due on 29 December 2026', () =>
    expect(panelNotificationDueOn('2026-12-18')).toBe('2026-12-29'));
  it('given the panel notified on 18 December 2026, then the rapid review is due on 13 January 2027, skipping 25 and 28 December and 1 January', () =>
    expect(rapidReviewDueOn('2026-12-18')).toBe('2027-01-13'));
  it('given a decision to start a review on 31 August 2026, then publication is due on 28 February 2027', () =>
    expect(localReviewPublicationDueOn('2026-08-31')).toBe('2027-02-28'));

  describe('a deadline as at a date', () => {
    it('given nothing done, when asked on the due day, then it is due', () =>
      expect(deadlineStatus('2026-12-29', null, '2026-12-29')).toBe('DUE'));
    it('given nothing done, when asked the day after, then it is missed', () =>
      expect(deadlineStatus('2026-12-29', null, '2026-12-30')).toBe('MISSED'));
    it('given it done on the due day, then it is met', () =>
      expect(deadlineStatus('2026-12-29', '2026-12-29', '2027-02-01')).toBe('MET'));
    it('given it done a day late, then it is missed', () =>
      expect(deadlineStatus('2026-12-29', '2026-12-30', '2027-02-01')).toBe('MISSED'));
    it('given it done after the date asked about, then as at that date it was still due', () =>
      expect(deadlineStatus('2026-12-29', '2026-12-28', '2026-12-27')).toBe('DUE'));
  });
});

describe('reports up (L2)', () => {
  it('given a report published on 30 September 2025, then the next is due on 30 September 2026', () =>
    expect(nextYearlyReportDueOn('2025-09-30')).toBe('2026-09-30'));
  it('given a report published on 30 September 2026, then it goes to the panel and What Works by 7 October 2026', () =>
    expect(yearlyReportDispatchDueOn('2026-09-30')).toBe('2026-10-07'));
  it('given the third quarter of 2026, then its figures are due on 31 October 2026', () =>
    expect(figuresDueOn('2026-Q3')).toBe('2026-10-31'));
  it('given the last quarter of 2026, then its figures are due on 31 January 2027', () =>
    expect(figuresDueOn('2026-Q4')).toBe('2027-01-31'));
  it('given nothing received, when asked before it is due, then it is due', () =>
    expect(reportUpStatus('2026-10-31', null, '2026-10-31')).toBe('DUE'));
  it('given nothing received, when asked after it was due, then it is late', () =>
    expect(reportUpStatus('2026-10-31', null, '2026-11-01')).toBe('LATE'));
  it('given it received in time, then it is received', () =>
    expect(reportUpStatus('2026-10-31', '2026-10-20', '2026-11-01')).toBe('RECEIVED'));
  it('given it received after it was due, then it is late', () =>
    expect(reportUpStatus('2026-10-31', '2026-11-02', '2026-11-03')).toBe('LATE'));
  it('given something with no due date, when received, then it is received', () =>
    expect(reportUpStatus(null, '2026-11-02', '2026-11-03')).toBe('RECEIVED'));
  it('given an item sent, with a due day or none, before or after it, then each day since it is received or late, never due', () => {
    const statuses = [null, '2026-10-31', '2026-11-02', '2026-11-30'].flatMap((dueOn) =>
      ['2026-11-02', '2026-11-03', '2027-01-01'].map((asAt) => reportUpStatus(dueOn, '2026-11-02', asAt)),
    );
    expect(new Set(statuses)).toEqual(new Set(SENT_ITEM_STATUSES));
    expect(SENT_ITEM_STATUSES).not.toContain('DUE');
  });
});

describe("a practice review's stage and whether it is overdue (L5)", () => {
  const review = {
    notificationDueOn: '2026-12-29',
    notifiedOn: null,
    rapidReviewDueOn: null,
    decision: null,
    decidedOn: null,
    publicationDueOn: null,
    publishedOn: null,
  };
  const notified = { ...review, notifiedOn: '2026-12-30', rapidReviewDueOn: '2027-01-21' };
  const started = { ...notified, decision: 'LCSPR', decidedOn: '2027-01-20', publicationDueOn: '2027-07-20' };
  it('given the panel not notified, then it awaits notification, overdue only after the due day', () => {
    expect(practiceReviewStage(review)).toBe('AWAITING_NOTIFICATION');
    expect([isPracticeReviewOverdue(review, '2026-12-29'), isPracticeReviewOverdue(review, '2026-12-30')]).toEqual([
      false,
      true,
    ]);
  });
  it('given the panel notified a day late, then it awaits the decision and is not overdue', () => {
    expect(practiceReviewStage(notified)).toBe('AWAITING_DECISION');
    expect(isPracticeReviewOverdue(notified, '2027-01-05')).toBe(false);
  });
  it('given a local review started, then it is in review until published, overdue after 6 months', () => {
    expect(practiceReviewStage(started)).toBe('IN_REVIEW');
    expect(isPracticeReviewOverdue(started, '2027-07-21')).toBe(true);
    expect(practiceReviewStage({ ...started, publishedOn: '2027-07-01' })).toBe('CLOSED');
  });
  it('given a referral to the national panel, then it is closed', () =>
    expect(practiceReviewStage({ ...notified, decision: 'NATIONAL_PANEL_REFERRAL', decidedOn: '2027-01-20' })).toBe(
      'CLOSED',
    ));
});
