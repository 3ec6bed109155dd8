import { dateOrToday, groupDateOf, requireDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { requireWebAddress } from '../shared/web-address';
import { requireSinceAreaJoined } from './area-joined';
import { requireAreaManager } from './area-recorders';
import {
  figuresDueOn,
  nextYearlyReportDueOn,
  QUARTER_PATTERN,
  quarterStartsOn,
  yearlyReportDispatchDueOn,
} from './deadlines';
import { SentItem } from '../regional-reports/regional-reports.decider';
import { PracticeReviewEvent } from './practice-review.events';
import { REPORTS_UP_COMMANDS, ReportsUpCommand, ReportsUpEvent, ReportsUpState } from './reports-up.events';

export const initialReportsUp: ReportsUpState = { yearlyReports: [], figures: [], escalations: {}, decisions: [] };

export const isReportsUpCommand = (command: { type: string }): command is ReportsUpCommand =>
  (REPORTS_UP_COMMANDS as readonly string[]).includes(command.type);

/** A reporting year as reports name it: `2025-26`, two consecutive years. */
const YEAR_PERIOD = /^(\d{4})-(\d{2})$/;

export function evolveReportsUp(state: ReportsUpState, event: { type: string }): ReportsUpState {
  const e = event as ReportsUpEvent;
  switch (e.type) {
    case 'YearlyReportSubmitted': {
      const { reportId, period, publishedOn } = e.data;
      return { ...state, yearlyReports: [...state.yearlyReports, { reportId, period, publishedOn }] };
    }
    case 'PerformanceFiguresSubmitted':
      return { ...state, figures: [...state.figures, `${e.data.measureId}@${e.data.period}`] };
    case 'EscalationRaised':
      return {
        ...state,
        escalations: {
          ...state.escalations,
          [e.data.escalationId]: { title: e.data.title, restricted: e.data.restricted },
        },
      };
    case 'LocalDecisionShared':
      return { ...state, decisions: [...state.decisions, e.data.decisionId] };
    default:
      return state;
  }
}

/** L2: what an area sends up to the region, recorded by the area's own business manager (R11, R41). */
export function decideReportsUp(command: ReportsUpCommand, state: ReportsUpState): ReportsUpEvent[] {
  const { actor, areaId, managedAreaIds, now, areaJoinedOn } = command.data;
  switch (command.type) {
    case 'SubmitYearlyReport': {
      requireAreaManager(actor, areaId, managedAreaIds, 'submits its yearly report');
      const { reportId, period, publishedOn, sentToNationalPanelOn, sentToWhatWorksOn } = command.data;
      const years = YEAR_PERIOD.exec(period);
      if (!years || (Number(years[1]) + 1) % 100 !== Number(years[2]))
        throw new DomainError('VALIDATION_FAILED', 'The period is a reporting year written like 2025-26.');
      if (state.yearlyReports.some((report) => report.period === period))
        throw new DomainError('ALREADY_EXISTS', `The area has already submitted its yearly report for ${period}.`);
      requireNotFuture(publishedOn, now, 'The day the report was published');
      requireSinceAreaJoined(publishedOn, areaJoinedOn, 'The day the report was published');
      const previous = state.yearlyReports.at(-1);
      if (previous)
        requireNotBefore(publishedOn, previous.publishedOn, 'The day the report was published', 'the previous report');
      for (const [sentOn, label] of [
        [sentToNationalPanelOn, 'The day it was sent to the national panel'],
        [sentToWhatWorksOn, 'The day it was sent to the What Works centre'],
      ] as const) {
        requireNotFuture(sentOn, now, label);
        requireNotBefore(sentOn, publishedOn, label, 'its publication');
      }
      return [
        {
          type: 'YearlyReportSubmitted',
          data: {
            areaId,
            reportId,
            period,
            publishedOn,
            link: requireWebAddress(command.data.link, 'The link to the report'),
            sentToNationalPanelOn,
            sentToWhatWorksOn,
            dueOn: previous ? nextYearlyReportDueOn(previous.publishedOn) : null,
            dispatchDueOn: yearlyReportDispatchDueOn(publishedOn),
          },
        },
      ];
    }
    case 'SubmitPerformanceFigures': {
      requireAreaManager(actor, areaId, managedAreaIds, 'submits its performance figures');
      const { measure, period, count, figuresId } = command.data;
      if (!measure)
        throw new DomainError('NOT_FOUND', "The group keeps no such measure: it is named from the group's list.");
      if (!QUARTER_PATTERN.exec(period))
        throw new DomainError('VALIDATION_FAILED', 'The period is a calendar quarter written like 2026-Q3.');
      const quarterStart = quarterStartsOn(period);
      if (quarterStart > groupDateOf(now))
        throw new DomainError('VALIDATION_FAILED', `Figures for ${period} can be sent once the quarter has begun.`);
      // The day the area sent them, which may be before they were entered here: what lateness is judged on.
      const submittedOn = dateOrToday(command.data.submittedOn, now);
      requireNotFuture(submittedOn, now, 'The day the figures were sent');
      requireSinceAreaJoined(submittedOn, areaJoinedOn, 'The day the figures were sent');
      requireNotBefore(submittedOn, quarterStart, 'The day the figures were sent', `the start of ${period}`);
      if (!Number.isInteger(count) || count < 0)
        throw new DomainError('VALIDATION_FAILED', 'Performance figures are counts: a whole number, 0 or more.');
      if (state.figures.includes(`${measure.measureId}@${period}`))
        throw new DomainError('ALREADY_EXISTS', `The area has already sent ${measure.name} for ${period}.`);
      return [
        {
          type: 'PerformanceFiguresSubmitted',
          data: {
            areaId,
            figuresId,
            measureId: measure.measureId,
            measureName: measure.name,
            period,
            count,
            submittedOn,
            dueOn: figuresDueOn(period),
          },
        },
      ];
    }
    case 'RaiseEscalation': {
      requireAreaManager(actor, areaId, managedAreaIds, 'raises an escalation for the area');
      const raisedOn = dateOrToday(command.data.raisedOn, now);
      requireNotFuture(raisedOn, now, 'The day it was raised');
      requireSinceAreaJoined(raisedOn, areaJoinedOn, 'The day it was raised');
      const { escalationId, restricted, groupId } = command.data;
      return [
        {
          type: 'EscalationRaised',
          data: {
            areaId,
            groupId,
            escalationId,
            title: command.data.title.trim(),
            detail: command.data.detail.trim(),
            restricted,
            raisedOn,
          },
        },
      ];
    }
    case 'ShareLocalDecision': {
      requireAreaManager(actor, areaId, managedAreaIds, 'shares its decisions');
      const decidedOn = dateOrToday(command.data.decidedOn, now);
      requireDate(decidedOn, 'The day of the decision');
      requireNotFuture(decidedOn, now, 'The day of the decision');
      requireSinceAreaJoined(decidedOn, areaJoinedOn, 'The day of the decision');
      const { decisionId } = command.data;
      return [
        {
          type: 'LocalDecisionShared',
          data: {
            areaId,
            decisionId,
            title: command.data.title.trim(),
            decision: command.data.decision.trim(),
            decidedOn,
          },
        },
      ];
    }
  }
}

/**
 * L2: the item an area sent up with this id, as the area's own stream records it, for the region
 * to acknowledge or answer; null when the area sent none.
 */
export function sentItemIn(events: readonly { type: string; data: unknown }[], itemId: string): SentItem | null {
  for (const event of events as readonly (ReportsUpEvent | PracticeReviewEvent)[]) {
    const { areaId } = event.data;
    switch (event.type) {
      case 'YearlyReportSubmitted':
        if (event.data.reportId === itemId)
          return { areaId, itemId, kind: 'YEARLY_REPORT', on: event.data.publishedOn };
        break;
      case 'PerformanceFiguresSubmitted':
        if (event.data.figuresId === itemId)
          return { areaId, itemId, kind: 'PERFORMANCE_FIGURES', on: event.data.submittedOn };
        break;
      case 'EscalationRaised':
        if (event.data.escalationId === itemId) return { areaId, itemId, kind: 'ESCALATION', on: event.data.raisedOn };
        break;
      case 'LocalDecisionShared':
        if (event.data.decisionId === itemId)
          return { areaId, itemId, kind: 'LOCAL_DECISION', on: event.data.decidedOn };
        break;
      case 'RapidReviewDecisionRecorded':
        if (event.data.reviewId === itemId)
          return { areaId, itemId, kind: 'PRACTICE_REVIEW_DECISION', on: event.data.decidedOn };
        break;
      default:
        break;
    }
  }
  return null;
}
