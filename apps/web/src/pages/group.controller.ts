import { dateTime, longDate } from '@app/domain';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CLOCK, Clock } from '@app/platform';
import { forPeople, humanise, summaryList, table, tag } from '../components';
import { html } from '../html';
import { PageContext, Pages, queryOf } from '../page-context';
import { asAtCaption, asAtForm, seenAsAt } from './group-as-at';
import { groupNavigation } from './group-nav';
import { oldestFirst } from './oldest-first';
import { QuorumRule, quorumSummary } from './quorum-summary';
import { taskCardOn, workstreamPage } from './task-changes';
import {
  deadlinesOf,
  everyNode,
  NodePage,
  PRACTICE_REVIEW_FIELDS,
  PracticeReview,
  restrictedTag,
} from './reports-up-views';

const OVERVIEW = `query Overview($id: ID!, $asAt: String) {
  regionalGroup(id: $id, asAt: $asAt) {
    id name dissolvedAt
    partners(includeFormer: true) { id name current agencyType { name } areas { name } }
    representatives { id name title role seniority partner { name } startDate partnerSince }
    chair { name partner { name agencyType { name } } }
    deputyChair { name partner { name agencyType { name } } }
    quorum { percentage representativeCount required platformDefault }
    coverage { id area { id name } covered missing }
    notices {
      id partnerId status givenOn effectiveOn withdrawnOn
      consequences { coverageGaps { areaName agencyType } quorumRequired representativeCount }
    }
    cadence { cadenceMonths overdue nextMeeting { id startsAt place } lastMeeting { id startsAt } }
    termsOfReference { inForce { version adoptedOn } nextReviewDue reviewStatus }
    policies { id title status reviewDueOn reviewOverdue }
  }
  recommendations(groupId: $id, overdueOnly: true) { id text dueDate meetingId }
}`;

interface Officer {
  name: string;
  partner: { name: string; agencyType: { name: string } };
}
interface Overview {
  regionalGroup: {
    id: string;
    name: string;
    dissolvedAt: string | null;
    partners: { id: string; name: string; current: boolean; agencyType: { name: string }; areas: { name: string }[] }[];
    representatives: {
      id: string;
      name: string;
      title: string;
      role: string;
      seniority: string;
      partner: { name: string };
      startDate: string;
      partnerSince: string;
    }[];
    chair: Officer | null;
    deputyChair: Officer | null;
    quorum: QuorumRule;
    coverage: { id: string; area: { id: string; name: string }; covered: string[]; missing: string[] }[];
    notices: {
      id: string;
      partnerId: string;
      status: string;
      givenOn: string;
      effectiveOn: string;
      withdrawnOn: string | null;
      consequences: {
        coverageGaps: { areaName: string; agencyType: string }[];
        quorumRequired: number;
        representativeCount: number;
      };
    }[];
    cadence: {
      cadenceMonths: number;
      overdue: boolean;
      nextMeeting: { id: string; startsAt: string; place: string } | null;
      lastMeeting: { id: string; startsAt: string } | null;
    };
    termsOfReference: {
      inForce: { version: string; adoptedOn: string } | null;
      nextReviewDue: string | null;
      reviewStatus: string;
    };
    policies: { id: string; title: string; status: string; reviewDueOn: string | null; reviewOverdue: boolean }[];
  };
  recommendations: { id: string; text: string; dueDate: string; meetingId: string }[];
}

/**
 * Overdue today, whatever day the overview is seen as at. The API lists them in the order they were
 * recorded, at most 100 a page, so every page is asked for: the oldest may be recorded last.
 */
const OVERDUE_TASKS = `query OverdueTasks($id: ID!, $after: String) {
  tasks(groupId: $id, overdue: true, first: 100, after: $after) {
    edges { node { id title dueDate status workstreamId } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface OverdueTask {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  workstreamId: string;
}

/**
 * What the overview reads as at today, whatever day it is seen as at: what the areas owe the region
 * (L2, L5), each part only for the areas the reader may read, whose inboxes it links to; the
 * meetings the recommendations were made at; and the workstreams the overdue tasks are in, which
 * may not have existed on the day seen.
 */
const TODAY = `query Today($id: ID!) {
  regionalGroup(id: $id) {
    areas { id name }
    readableAreaIds
    yearlyReportsDue { areaId dueOn status }
    meetings { id startsAt }
    workstreams { id name }
  }
}`;
interface Today {
  regionalGroup: {
    areas: { id: string; name: string }[];
    readableAreaIds: string[];
    yearlyReportsDue: { areaId: string; dueOn: string | null; status: string }[];
    meetings: { id: string; startsAt: string }[];
    workstreams: { id: string; name: string }[];
  };
}
/** Reports received late, every page of them, as for the overdue tasks. */
const LATE_INBOX = `query LateInbox($id: ID!, $after: String) {
  regionalGroup(id: $id) {
    inbox(status: LATE, first: 100, after: $after) {
      edges { node { id areaId kind title dueOn receivedOn restricted } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
interface LateReport {
  id: string;
  areaId: string;
  kind: string;
  title: string;
  dueOn: string;
  receivedOn: string;
  restricted: boolean;
}
/**
 * One line of the overview's list of what is overdue, with the day it was due, which orders the list,
 * and the page the reader reads it on, when there is one they may open.
 */
interface Overdue {
  dueOn: string | null;
  text: string;
  href: string | null;
  /** R42: an area's restricted item says so here as in the inboxes. */
  restricted?: boolean;
}

const OVERDUE_REVIEWS = `query OverdueReviews($id: ID!) { practiceReviews(groupId: $id, overdueOnly: true) { ${PRACTICE_REVIEW_FIELDS} } }`;

const REVIEW_TAGS: Record<string, ReturnType<typeof tag>> = {
  NOT_DUE: tag('Not due', 'green'),
  DUE: tag('Due', 'yellow'),
  OVERDUE: tag('Overdue', 'red'),
  NOT_ADOPTED: tag('No terms adopted', 'grey'),
};

const officer = (person: Officer | null) =>
  person ? `${person.name}, ${person.partner.name} (${person.partner.agencyType.name.toLowerCase()})` : 'Vacant';

@Controller('groups')
export class GroupController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':groupId')
  async overview(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async (context) => {
      const { render } = context;
      const seen = await seenAsAt(queryOf(request), (asAt) => this.overviewOf(context, groupId, asAt));
      const { data: overview, asAt, errors } = seen;
      const { regionalGroup: group } = overview;
      const today = await context.api.send<Today>(TODAY, { id: groupId });
      const readableAreas = new Set(today.regionalGroup.readableAreaIds);
      // Only to an inbox the reader may open: an administrator reads the group but no area's.
      const areaInbox = (areaId: string) => (readableAreas.has(areaId) ? `/areas/${areaId}/inbox` : null);
      const owed = await this.owedToTheRegion(context, groupId, today, areaInbox);
      const tasks = await everyNode((after) =>
        context.api
          .send<{ tasks: NodePage<OverdueTask> }>(OVERDUE_TASKS, { id: groupId, after })
          .then((page) => page.tasks),
      );
      const partnerName = new Map(group.partners.map((partner) => [partner.id, partner.name]));
      const gaps = group.coverage.filter((area) => area.missing.length > 0);
      const overdue = oldestFirst([...this.overdueOf(overview, today, tasks), ...owed], (item) => item.dueOn);
      const next = group.cadence.nextMeeting;
      render({
        title: asAt ? `${group.name} as at ${longDate(asAt)}` : group.name,
        current: '/',
        errors,
        status: errors.length > 0 ? 400 : 200,
        content: html`<span class="govuk-caption-l"
            >${asAt ? asAtCaption('Regional group', asAt, this.clock.now()) : 'Regional group'}</span
          >
          <h1 class="govuk-heading-l">${group.name}</h1>
          ${groupNavigation(group.id, 'overview', asAt)}
          ${asAtForm(`/groups/${group.id}`, 'Show the group as it stood on', seen)}
          ${
            group.dissolvedAt
              ? html`<div class="govuk-warning-text">
                  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                  <strong class="govuk-warning-text__text"
                    ><span class="govuk-visually-hidden">Warning</span> This group was dissolved on
                    ${longDate(group.dissolvedAt)}.</strong
                  >
                </div>`
              : html``
          }

          <h2 class="govuk-heading-m">Summary</h2>
          ${summaryList([
            ['Chair', officer(group.chair)],
            ['Deputy chair', officer(group.deputyChair)],
            ['Quorum', quorumSummary(group.quorum)],
            [
              'Next meeting',
              next
                ? html`<a class="govuk-link" href="/groups/${group.id}/meetings/${next.id}"
                      >${dateTime(next.startsAt)}</a
                    >, ${next.place}`
                : 'None booked',
            ],
            [
              'Meetings',
              html`Every ${group.cadence.cadenceMonths} months.
              ${group.cadence.overdue ? tag('Overdue: no meeting within the cadence', 'red') : tag('On schedule', 'green')}`,
            ],
            [
              'Terms of reference',
              html`${
                group.termsOfReference.inForce
                  ? `Version ${group.termsOfReference.inForce.version}, adopted ${longDate(group.termsOfReference.inForce.adoptedOn)}. `
                  : ''
              }${
                group.termsOfReference.nextReviewDue
                  ? `Next review due ${longDate(group.termsOfReference.nextReviewDue)}. `
                  : ''
              }${REVIEW_TAGS[group.termsOfReference.reviewStatus] ?? group.termsOfReference.reviewStatus}`,
            ],
          ])}

          <h2 class="govuk-heading-m">Overdue or late</h2>
          ${
            asAt
              ? html`<p class="govuk-body">
                  Reviews are as they stood on ${longDate(asAt)}; recommendations, tasks, reports and practice-review
                  deadlines are those overdue today, each task in its workstream as it is today.
                </p>`
              : html``
          }
          ${
            overdue.length === 0
              ? html`<p class="govuk-body">Nothing is overdue or late.</p>`
              : html`<ul class="govuk-list govuk-list--bullet">
                  ${overdue.map(({ text, href, restricted }) => html`<li>${href ? html`<a class="govuk-link" href="${href}">${text}</a>` : text}${restrictedTag(restricted ?? false)}</li>`)}
                </ul>`
          }
          ${table(
            'Coverage by area',
            ['Area', 'Agency types covered', 'Agency types missing'],
            group.coverage.map((area) => {
              const inbox = areaInbox(area.area.id);
              return [
                inbox ? html`<a class="govuk-link" href="${inbox}">${area.area.name}</a>` : area.area.name,
                area.covered.map(humanise).join(', '),
                area.missing.length > 0
                  ? html`${tag('Gap', 'red')} ${area.missing.map(humanise).join(', ')}`
                  : tag('None', 'green'),
              ];
            }),
          )}
          ${
            gaps.length > 0
              ? html`<p class="govuk-body">
                  ${gaps.length} ${gaps.length === 1 ? 'area is' : 'areas are'} without a required agency type.
                </p>`
              : html``
          }
          ${table(
            'Core partners',
            ['Partner', 'Agency type', 'Areas'],
            group.partners
              .filter((partner) => partner.current)
              .map((partner) => [
                partner.name,
                partner.agencyType.name,
                partner.areas.map((area) => area.name).join(', '),
              ]),
          )}
          ${table(
            'Representatives',
            ['Name', 'Partner', 'Title', 'Role', 'Seniority', 'Since'],
            group.representatives.map((representative) => [
              representative.name,
              representative.partner.name,
              representative.title,
              humanise(representative.role),
              humanise(representative.seniority),
              // Since when for the partner shown: a successor's representative from the day it took the seat over (R16).
              representative.partnerSince === representative.startDate
                ? longDate(representative.startDate)
                : `${longDate(representative.partnerSince)} (in the seat since ${longDate(representative.startDate)})`,
            ]),
          )}

          <h2 class="govuk-heading-m">Notices to leave</h2>
          ${
            group.notices.length === 0
              ? html`<p class="govuk-body">No partner has given notice.</p>`
              : group.notices.map((notice) => {
                  // The API's status on the day shown, by the rule (noticeStatusOn): what it will do, or has done.
                  const done = notice.status === 'EFFECTIVE';
                  return html`<h3 class="govuk-heading-s">
                      ${partnerName.get(notice.partnerId) ?? 'A partner'}
                      ${tag(humanise(notice.status), notice.status === 'OPEN' ? 'orange' : 'grey')}
                    </h3>
                    ${summaryList([
                      ['Given', longDate(notice.givenOn)],
                      [done ? 'Took effect' : 'Takes effect', longDate(notice.effectiveOn)],
                      ...(notice.withdrawnOn ? [['Withdrawn', longDate(notice.withdrawnOn)] as const] : []),
                      [
                        'Consequences',
                        html`Quorum ${done ? 'became' : 'becomes'} ${notice.consequences.quorumRequired} of
                        ${notice.consequences.representativeCount} representatives.
                        ${
                          notice.consequences.coverageGaps.length === 0
                            ? `No area ${done ? 'was' : 'is'} left without a required agency type.`
                            : html`<strong>${done ? 'Left' : 'Leaves'} without cover:</strong>
                                ${notice.consequences.coverageGaps.map((gap) => `${gap.areaName} (${humanise(gap.agencyType).toLowerCase()})`).join(', ')}.`
                        }`,
                      ],
                    ])}`;
                })
          }`,
      });
    });
  }

  /**
   * The group's own reviews, recommendations and tasks that are overdue, as sentences with the day each was due:
   * a recommendation names the meeting that made it (several may share its text) and links to it; a task, overdue
   * today, names its workstream as today's group has it and links to its card on the workstream's page, which whoever
   * the API lists it to may read (R43).
   */
  private overdueOf(
    { regionalGroup: group, recommendations }: Overview,
    { regionalGroup: { meetings, workstreams } }: Today,
    tasks: readonly OverdueTask[],
  ): Overdue[] {
    const workstreamName = new Map(workstreams.map((workstream) => [workstream.id, workstream.name]));
    const meetingDay = new Map(meetings.map((meeting) => [meeting.id, meeting.startsAt]));
    // A meeting not among those loaded leaves the day out rather than print a blank one.
    const madeAt = (startsAt: string | undefined) => (startsAt ? ` made at the meeting of ${longDate(startsAt)}` : '');
    const terms = group.termsOfReference;
    return [
      ...(terms.reviewStatus === 'OVERDUE'
        ? [
            {
              dueOn: terms.nextReviewDue,
              text: `The review of the terms of reference (due ${longDate(terms.nextReviewDue)})`,
              href: null,
            },
          ]
        : []),
      ...group.policies
        .filter((policy) => policy.reviewOverdue)
        .map((policy) => ({
          dueOn: policy.reviewDueOn,
          text: `Review of the policy “${policy.title}” (due ${longDate(policy.reviewDueOn)})`,
          href: `/groups/${group.id}/policies`,
        })),
      ...recommendations.map((recommendation) => ({
        dueOn: recommendation.dueDate,
        text: `Recommendation “${recommendation.text}”${madeAt(meetingDay.get(recommendation.meetingId))} (due ${longDate(recommendation.dueDate)})`,
        href: `/groups/${group.id}/meetings/${recommendation.meetingId}`,
      })),
      ...tasks.map((task) => ({
        dueOn: task.dueDate,
        text: `Task “${task.title}” in ${workstreamName.get(task.workstreamId) ?? 'a workstream'} (due ${longDate(task.dueDate)}, ${humanise(task.status).toLowerCase()})`,
        href: taskCardOn(workstreamPage(group.id, task.workstreamId), task.id),
      })),
    ];
  }

  /**
   * Missed practice-review deadlines and late reports, as sentences with the day each was due. An
   * administrator reads no area's reports, so the API gives them neither, and the page shows none.
   */
  private async owedToTheRegion(
    { api }: PageContext,
    groupId: string,
    { regionalGroup }: Today,
    areaInbox: (areaId: string) => string | null,
  ): Promise<Overdue[]> {
    const lateReports = await everyNode((after) =>
      api
        .send<{ regionalGroup: { inbox: NodePage<LateReport> } }>(LATE_INBOX, { id: groupId, after })
        .then((page) => page.regionalGroup.inbox),
    );
    const areaName = new Map(regionalGroup.areas.map((area) => [area.id, area.name]));
    const nameOf = (areaId: string) => areaName.get(areaId) ?? areaId;
    const { practiceReviews: reviews } = await api.send<{ practiceReviews: PracticeReview[] }>(OVERDUE_REVIEWS, {
      id: groupId,
    });
    const missed = reviews.flatMap((review) =>
      deadlinesOf(review)
        .filter(({ deadline }) => deadline.status === 'MISSED')
        .map(({ step, deadline }) => ({
          dueOn: deadline.dueOn,
          text: `Practice review ${review.reference} in ${nameOf(review.areaId)}: ${step.charAt(0).toLowerCase()}${step.slice(1)} (due ${longDate(deadline.dueOn)}, ${deadline.doneOn ? `done late on ${longDate(deadline.doneOn)}` : 'not done'})`,
          href: areaInbox(review.areaId),
          restricted: review.restricted,
        })),
    );
    const late = [
      ...lateReports.map((report) => ({
        dueOn: report.dueOn,
        text: `${forPeople(report)} from ${nameOf(report.areaId)} (due ${longDate(report.dueOn)}, received ${longDate(report.receivedOn)})`,
        // The region inbox, filtered to the report's kind, area and status: the one page that shows what an area sent.
        href: `/groups/${groupId}/inbox?${new URLSearchParams({ kind: report.kind, status: 'LATE', areaId: report.areaId }).toString()}`,
        restricted: report.restricted,
      })),
      ...regionalGroup.yearlyReportsDue
        .filter((due) => due.status === 'LATE')
        .map((due) => ({
          dueOn: due.dueOn,
          text: `The next yearly report from ${nameOf(due.areaId)} (due ${longDate(due.dueOn)})`,
          href: areaInbox(due.areaId),
        })),
    ];
    return [...missed, ...late];
  }

  private overviewOf({ api }: PageContext, groupId: string, asAt: string | null): Promise<Overview> {
    return api.send<Overview>(OVERVIEW, asAt ? { id: groupId, asAt } : { id: groupId });
  }
}
