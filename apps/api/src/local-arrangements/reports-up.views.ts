import {
  awaitingAcknowledgement,
  deadlineStatus,
  IsoDate,
  isPracticeReviewOverdue,
  practiceReviewStage,
  reportUpStatus,
} from '@app/domain';
import { EscalationResponseRow, InboxItemRow, PracticeReviewRow } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import {
  Deadline,
  DeadlineStatusKind,
  InboxItem,
  InboxItemKind,
  PracticeReview,
  PracticeReviewStage,
  RapidReviewDecisionKind,
  ReportUpStatusKind,
} from './reports-up.types';

/** What a reader not entitled to a restricted item sees of it (R42): that it is there, not what it says. */
const RESTRICTED_TITLE = 'Restricted';

function deadline(dueOn: IsoDate, doneOn: IsoDate | null, today: IsoDate): Deadline {
  return { dueOn, doneOn, status: deadlineStatus(dueOn, doneOn, today) as DeadlineStatusKind };
}

/** A practice review as at `today`: each deadline's status from the one rule (L5). */
export function toPracticeReview(row: PracticeReviewRow, today: IsoDate): PracticeReview {
  return {
    id: row.reviewId,
    areaId: row.areaId,
    reference: row.reference,
    awareOn: row.awareOn,
    stage: practiceReviewStage(row) as PracticeReviewStage,
    restricted: row.restricted,
    panelNotification: deadline(row.notificationDueOn, row.notifiedOn, today),
    rapidReview: row.rapidReviewDueOn === null ? null : deadline(row.rapidReviewDueOn, row.decidedOn, today),
    decision: row.decision as RapidReviewDecisionKind | null,
    decisionReason: row.decisionReason,
    publication: row.publicationDueOn === null ? null : deadline(row.publicationDueOn, row.publishedOn, today),
    link: row.link,
    overdue: isPracticeReviewOverdue(row, today),
  };
}

export const inboxStatus = (row: InboxItemRow, today: IsoDate): ReportUpStatusKind =>
  reportUpStatus(row.dueOn, row.receivedOn, today) as ReportUpStatusKind;

/** Whether the item waits for the region's acknowledgement on `on`: the one rule, from its responses and resolution. */
export const awaitsRegion = (row: InboxItemRow, answers: readonly EscalationResponseRow[], on: IsoDate): boolean =>
  awaitingAcknowledgement(
    {
      kind: row.kind,
      arrivedOn: row.receivedOn,
      acknowledgedAt: row.acknowledgedAt,
      answeredOn: answers.map((a) => a.on),
    },
    on,
  );

/**
 * An inbox item as at `today`; `visible` is whether the reader may see what a restricted item says (R42), and so
 * its responses, which say whether it still waits for the region whoever reads it.
 */
export function toInboxItem(
  row: InboxItemRow,
  responses: readonly EscalationResponseRow[],
  visible: boolean,
  today: IsoDate,
): InboxItem {
  const d = row.details as Record<string, string>;
  const item: InboxItem = {
    id: row.itemId,
    kind: row.kind as InboxItemKind,
    areaId: row.areaId,
    title: visible ? row.title : RESTRICTED_TITLE,
    restricted: row.restricted,
    dueOn: row.dueOn,
    receivedOn: row.receivedOn,
    status: inboxStatus(row, today),
    acknowledgedAt: row.acknowledgedAt,
    awaitingAcknowledgement: awaitsRegion(row, responses, today),
    yearlyReport: null,
    figures: null,
    detail: null,
    responses: [],
    resolvedOn: row.resolvedOn,
  };
  if (!visible) return item;
  switch (row.kind) {
    case 'YEARLY_REPORT': {
      const sentBoth = [d.sentToNationalPanelOn, d.sentToWhatWorksOn].sort()[1];
      return {
        ...item,
        yearlyReport: {
          period: d.period,
          publishedOn: d.publishedOn,
          link: d.link,
          sentToNationalPanelOn: d.sentToNationalPanelOn,
          sentToWhatWorksOn: d.sentToWhatWorksOn,
          dispatch: deadline(d.dispatchDueOn, sentBoth, today),
        },
      };
    }
    case 'PERFORMANCE_FIGURES':
      return {
        ...item,
        figures: {
          measureId: d.measureId,
          measureName: d.measureName,
          period: d.period,
          count: row.details.count as number,
        },
      };
    case 'ESCALATION':
      return {
        ...item,
        detail: d.detail,
        responses: responses.map((response, index) => ({
          id: derivedId('EscalationResponse', row.itemId, index),
          kind: response.kind,
          text: response.text,
          on: response.on,
        })),
      };
    case 'LOCAL_DECISION':
      return { ...item, detail: d.decision };
    case 'PRACTICE_REVIEW_DECISION':
      return { ...item, detail: `${d.decision}: ${d.reason}` };
    default:
      return item;
  }
}
