import { longDate } from '@app/domain';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CLOCK, Clock } from '@app/platform';
import { ApiRefusal, keptIfForbidden } from '../api-client';
import { humanise, table } from '../components';
import { html } from '../html';
import { Pages, queryOf } from '../page-context';
import { asAtCaption, asAtForm, seenAsAt, withAsAt } from './group-as-at';
import { groupNavigation } from './group-nav';
import { STATUS_ORDER, workstreamPage } from './task-changes';
import { leadOf, ragTag, reportedTag, WORKSTREAM_SUMMARY_FIELDS, WorkstreamSummary } from './workstream-views';

/**
 * The workstreams as at the day seen; the partners as the platform names them today, former ones
 * too, as the workstream page names them: a lead partner may be shown on a day it was not yet one
 * of the group's partners.
 */
const WORKSTREAMS = `query Workstreams($id: ID!, $asAt: String) {
  regionalGroup(id: $id, asAt: $asAt) {
    id name
    workstreams { ${WORKSTREAM_SUMMARY_FIELDS} }
  }
  today: regionalGroup(id: $id) { partners(includeFormer: true) { id name } }
}`;
interface Workstreams {
  regionalGroup: {
    id: string;
    name: string;
    workstreams: WorkstreamSummary[];
  };
  today: { partners: { id: string; name: string }[] };
}

/**
 * Asked apart for each workstream: the API refuses them to a reader of the group who may not read
 * that workstream's tasks (R43), and one refusal hides no other workstream's counts.
 */
const TASK_COUNTS = `query TaskCounts($id: ID!, $asAt: String) {
  workstream(id: $id, asAt: $asAt) { taskCounts { status count } }
}`;
interface TaskCounts {
  workstream: { taskCounts: { status: string; count: number }[] };
}

/**
 * The group's workstreams (W1): each one's kind, lead, latest report and tasks by status, linked to
 * its page, as they stand today or stood on the day in the address (`regionalGroup(asAt:)`).
 */
@Controller('groups/:groupId/workstreams')
export class WorkstreamsController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api, render }) => {
      const seen = await seenAsAt(queryOf(request), (asAt) =>
        api.send<Workstreams>(WORKSTREAMS, { id: groupId, asAt }),
      );
      const {
        data: { regionalGroup: group, today },
        asAt,
        errors,
      } = seen;
      // An administrator reads the group but not its workstreams' tasks: the page says so rather than fail.
      const counts = new Map(
        await Promise.all(
          group.workstreams.map(async ({ id }) => {
            const asked = api.send<TaskCounts>(TASK_COUNTS, { id, asAt }).then((page) => page.workstream.taskCounts);
            return [id, await asked.catch(keptIfForbidden)] as const;
          }),
        ),
      );
      const refusal = [...counts.values()].find((count) => count instanceof ApiRefusal);
      const partnerName = new Map(today.partners.map((partner) => [partner.id, partner.name]));
      const tasksOf = (workstreamId: string) => {
        const shown = counts.get(workstreamId) ?? [];
        if (shown instanceof ApiRefusal) return 'Not shown';
        const byStatus = new Map(shown.map(({ status, count }) => [status, count]));
        const counted = STATUS_ORDER.filter((status) => (byStatus.get(status) ?? 0) > 0);
        return counted.length === 0
          ? 'No tasks'
          : counted.map((status) => `${byStatus.get(status)} ${humanise(status).toLowerCase()}`).join(', ');
      };
      render({
        title: asAt ? `Workstreams – ${group.name} as at ${longDate(asAt)}` : `Workstreams – ${group.name}`,
        current: '/',
        errors,
        status: errors.length > 0 ? 400 : 200,
        content: html`<span class="govuk-caption-l"
            >${asAt ? asAtCaption('Regional group', asAt, this.clock.now()) : 'Regional group'}</span
          >
          <h1 class="govuk-heading-l">${group.name}</h1>
          ${groupNavigation(group.id, 'workstreams', asAt)}
          ${asAtForm(`/groups/${group.id}/workstreams`, 'Show the workstreams as they stood on', seen)}
          ${
            asAt
              ? html`<p class="govuk-body" id="as-at-limits">
                  The workstreams that existed on ${longDate(asAt)}, each with its lead, latest status report, whether
                  it had reported since the group last met and its tasks by status as they stood that day.
                </p>`
              : html``
          }
          ${
            refusal instanceof ApiRefusal
              ? html`<p class="govuk-body" id="tasks-not-shown">Tasks are not shown: ${refusal.message}</p>`
              : html``
          }
          ${
            group.workstreams.length === 0
              ? html`<h2 class="govuk-heading-m">Workstreams</h2>
                  <p class="govuk-body">
                    ${
                      asAt
                        ? `The group had commissioned no workstream by ${longDate(asAt)}.`
                        : 'The group has commissioned no workstream.'
                    }
                  </p>`
              : table(
                  'Workstreams',
                  ['Workstream', 'Kind', 'Lead', 'Latest status', 'Since the last meeting', 'Tasks'],
                  group.workstreams.map((workstream) => [
                    html`<a class="govuk-link" href="${withAsAt(workstreamPage(group.id, workstream.id), asAt)}"
                      >${workstream.name}</a
                    >`,
                    humanise(workstream.kind),
                    leadOf(workstream, partnerName),
                    workstream.closedOn
                      ? `Closed on ${longDate(workstream.closedOn)}`
                      : workstream.latestStatus
                        ? html`${ragTag(workstream.latestStatus.rag)} on
                          ${longDate(workstream.latestStatus.reportedOn)}: ${workstream.latestStatus.note}`
                        : 'Not reported yet',
                    reportedTag(workstream),
                    tasksOf(workstream.id),
                  ]),
                )
          }`,
      });
    });
  }
}
