import { longDate } from '@app/domain';
import { forPeople, humanise, tag } from '../components';
import { Html, html } from '../html';
import { oldestFirst } from './oldest-first';

/** What the pages read of an item an area sent up (`reportsUp`, `regionalGroup.inbox`). */
export interface ReportUp {
  id: string;
  areaId: string;
  kind: string;
  title: string;
  detail: string | null;
  receivedOn: string;
  dueOn: string | null;
  status: string;
  restricted: boolean;
  acknowledgedAt: string | null;
  /** The API's answer, by the one rule (an item the region answered waits for nothing). */
  awaitingAcknowledgement: boolean;
  resolvedOn: string | null;
  responses: { id: string; kind: string; on: string; text: string }[];
}
export const REPORT_UP_FIELDS =
  'id areaId kind title detail receivedOn dueOn status restricted acknowledgedAt awaitingAcknowledgement resolvedOn responses { id kind on text }';

/** R42: what is restricted says so, as the API flags it to every reader. */
export const restrictedTag = (restricted: boolean): Html => (restricted ? html` ${tag('Restricted', 'grey')}` : html``);

/** An item's title as people read it, tagged when it is restricted. */
export const reportUpTitle = (item: Pick<ReportUp, 'title' | 'kind' | 'restricted'>): Html =>
  html`${forPeople(item)}${restrictedTag(item.restricted)}`;

/**
 * The day an item was due, or why it has none: an area's first yearly report counts from no earlier
 * one (s.16G's 12 months run from the last report published), and escalations and decisions are sent
 * when they arise.
 */
export const dueDayOf = (item: Pick<ReportUp, 'kind' | 'dueOn'>): string => {
  if (item.dueOn) return longDate(item.dueOn);
  return item.kind === 'YEARLY_REPORT'
    ? 'None: the area’s first yearly report here, with no earlier one to count 12 months from'
    : 'No due day';
};

/** The region's responses to an item and its resolution, each with its day, in the order given. */
export const responsesList = (item: Pick<ReportUp, 'responses'>): Html =>
  html`<ul class="govuk-list">
    ${item.responses.map((answer) => html`<li>${humanise(answer.kind)} (${longDate(answer.on)}): ${answer.text}</li>`)}
  </ul>`;

/** A connection's page, as the API gives every list. */
export interface NodePage<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every node of a connection, asking page after page (the API gives at most 100 at a time). */
export async function everyNode<T>(pageAfter: (after: string | null) => Promise<NodePage<T>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: NodePage<T> = await pageAfter(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Oldest first by the day each was sent: the API lists them in the order the platform recorded
 * them, and an area's history is often entered long after it happened. Sent the same day, they
 * keep the order recorded.
 */
export function bySentDay<T extends Pick<ReportUp, 'receivedOn'>>(items: readonly T[]): T[] {
  return oldestFirst(items, (item) => item.receivedOn);
}

export interface Deadline {
  dueOn: string;
  doneOn: string | null;
  status: string;
}
export interface PracticeReview {
  id: string;
  areaId: string;
  reference: string;
  stage: string;
  restricted: boolean;
  panelNotification: Deadline;
  rapidReview: Deadline | null;
  publication: Deadline | null;
}
export const PRACTICE_REVIEW_FIELDS = `id areaId reference stage restricted
  panelNotification { dueOn doneOn status } rapidReview { dueOn doneOn status } publication { dueOn doneOn status }`;

/** Each deadline a review has so far, named for the step it is for (L5). */
export function deadlinesOf(review: PracticeReview): { step: string; deadline: Deadline }[] {
  return [
    { step: 'Notifying the national panel', deadline: review.panelNotification },
    { step: 'The rapid review’s decision', deadline: review.rapidReview },
    { step: 'Publishing the local review', deadline: review.publication },
  ].filter((entry): entry is { step: string; deadline: Deadline } => entry.deadline !== null);
}

const REPORT_UP_TAGS: Record<string, Html> = {
  DUE: tag('Due', 'yellow'),
  LATE: tag('Late', 'red'),
  RECEIVED: tag('Received', 'green'),
};
const DEADLINE_TAGS: Record<string, Html> = {
  DUE: tag('Due', 'yellow'),
  MET: tag('Met', 'green'),
  MISSED: tag('Missed', 'red'),
};

/** DUE, LATE or RECEIVED as a tag (L2, as at today). */
export const reportUpTag = (status: string): Html => REPORT_UP_TAGS[status] ?? tag(humanise(status));

/** A deadline: its due day, DUE, MET or MISSED, and the day it was done. */
export const deadlineCell = ({ dueOn, doneOn, status }: Deadline): Html =>
  html`${DEADLINE_TAGS[status] ?? tag(humanise(status))} due
  ${longDate(dueOn)}${doneOn ? `, done ${longDate(doneOn)}` : ''}`;
