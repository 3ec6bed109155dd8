import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiRefusal, keptIfForbidden } from '../api-client';
import { humanise, longDate, table } from '../components';
import { html } from '../html';
import { Pages } from '../page-context';
import { groupNavigation } from './group-nav';
import { STATUS_ORDER, workstreamPage } from './task-changes';
import { leadOf, ragTag, reportedTag, WORKSTREAM_SUMMARY_FIELDS, WorkstreamSummary } from './workstream-views';

const WORKSTREAMS = `query Workstreams($id: ID!) {
  regionalGroup(id: $id) {
    id name
    partners(includeFormer: true) { id name }
    workstreams { ${WORKSTREAM_SUMMARY_FIELDS} }
  }
}`;
interface Workstreams {
  regionalGroup: {
    id: string;
    name: string;
    partners: { id: string; name: string }[];
    workstreams: WorkstreamSummary[];
  };
}

/**
 * Asked apart for each workstream: the API refuses them to a reader of the group who may not read
 * that workstream's tasks (R43), and one refusal hides no other workstream's counts.
 */
const TASK_COUNTS = `query TaskCounts($id: ID!) { workstream(id: $id) { taskCounts { status count } } }`;
interface TaskCounts {
  workstream: { taskCounts: { status: string; count: number }[] };
}

/** The group's workstreams (W1): each one's kind, lead, latest report and tasks by status, linked to its page. */
@Controller('groups/:groupId/workstreams')
export class WorkstreamsController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async list(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api, render }) => {
      const { regionalGroup: group } = await api.send<Workstreams>(WORKSTREAMS, { id: groupId });
      // An administrator reads the group but not its workstreams' tasks: the page says so rather than fail.
      const counts = new Map(
        await Promise.all(
          group.workstreams.map(async ({ id }) => {
            const asked = api.send<TaskCounts>(TASK_COUNTS, { id }).then((page) => page.workstream.taskCounts);
            return [id, await asked.catch(keptIfForbidden)] as const;
          }),
        ),
      );
      const refusal = [...counts.values()].find((count) => count instanceof ApiRefusal);
      const partnerName = new Map(group.partners.map((partner) => [partner.id, partner.name]));
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
        title: `Workstreams – ${group.name}`,
        current: '/',
        content: html`<span class="govuk-caption-l">Regional group</span>
          <h1 class="govuk-heading-l">${group.name}</h1>
          ${groupNavigation(group.id, 'workstreams')}
          ${
            refusal instanceof ApiRefusal
              ? html`<p class="govuk-body" id="tasks-not-shown">Tasks are not shown: ${refusal.message}</p>`
              : html``
          }
          ${
            group.workstreams.length === 0
              ? html`<h2 class="govuk-heading-m">Workstreams</h2>
                  <p class="govuk-body">The group has commissioned no workstream.</p>`
              : table(
                  'Workstreams',
                  ['Workstream', 'Kind', 'Lead', 'Latest status', 'Since the last meeting', 'Tasks'],
                  group.workstreams.map((workstream) => [
                    html`<a class="govuk-link" href="${workstreamPage(group.id, workstream.id)}"
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
