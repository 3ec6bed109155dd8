import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { groupDateOf, longDate } from '@app/domain';
import { CLOCK, Clock } from '@app/platform';
import { ApiClient, ApiRefusal, keptIfForbidden } from '../api-client';
import { ANY, button, checkbox, dateInput, FieldError, humanise, select, summaryList, table } from '../components';
import { html } from '../html';
import { PageContext, Pages, queryOf } from '../page-context';
import { asAtCaption, seenAsAt } from './group-as-at';
import { groupNavigation } from './group-nav';
import { everyNode, NodePage } from './reports-up-views';
import {
  changeTask,
  errorsOnTasks,
  isTaskChange,
  taskCardOn,
  workstreamPage,
  STATUS_ORDER,
  TASK_FIELDS,
  taskChangeForms,
  tasksByStatus,
  TaskView,
} from './task-changes';
import {
  leadOf,
  ragTag,
  reportedTag,
  StatusReport,
  WORKSTREAM_SUMMARY_FIELDS,
  WorkstreamSummary,
} from './workstream-views';
import {
  addTaskForm,
  formOfError,
  LeadForm,
  Owner,
  SECTION_OF,
  sendLeadForm,
  SENT_FROM,
  statusReportForm,
} from './workstream-lead-forms';

const WORKSTREAM = `query Workstream($id: ID!, $asAt: String) {
  workstream(id: $id, asAt: $asAt) {
    ${WORKSTREAM_SUMMARY_FIELDS}
    groupId purpose termsOfReference startDate endDate outcomeReport
    areas { name } members { personId name } statusReports { rag note reportedOn }
    viewerMayAddTasksFor { personId name } viewerMayReportStatus viewerMayManageMembers
  }
}`;
interface Workstream extends WorkstreamSummary {
  groupId: string;
  purpose: string;
  termsOfReference: string;
  startDate: string;
  endDate: string | null;
  outcomeReport: string | null;
  areas: { name: string }[];
  members: { personId: string; name: string }[];
  statusReports: StatusReport[];
  /** Whom the reader may add a task for today, by the rule addTask is decided by (W2); none as at a day. */
  viewerMayAddTasksFor: Owner[];
  /** Whether the reader may report the status today, by the rule reportWorkstreamStatus is decided by (W1). */
  viewerMayReportStatus: boolean;
  /** Whether the reader may remove members today, by the rule removeWorkstreamMember is decided by. */
  viewerMayManageMembers: boolean;
}

/** Which group a workstream is one of, for a form's address under a group. */
const WORKSTREAM_GROUP = `query WorkstreamGroup($id: ID!) { workstream(id: $id) { groupId name } }`;
interface WorkstreamGroup {
  workstream: { groupId: string; name: string };
}

const TASK_IDS = `query WorkstreamTaskIds($id: ID!, $after: String) {
  workstream(id: $id) { workstreamTasks(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }
}`;

/** Whether the workstream's page shows a card for the task: one of its tasks, to a reader of them. */
async function hasTask(api: ApiClient, workstreamId: string, taskId: string): Promise<boolean> {
  const tasks = await everyNode((after) =>
    api
      .send<{ workstream: { workstreamTasks: NodePage<{ id: string }> } }>(TASK_IDS, { id: workstreamId, after })
      .then((page) => page.workstream.workstreamTasks),
  ).catch(keptIfForbidden);
  return !(tasks instanceof ApiRefusal) && tasks.some((task) => task.id === taskId);
}

/** The group's name and partners, which a lead or member who is not one of the group's readers may not read (R43). */
const GROUP = `query Group($id: ID!) { regionalGroup(id: $id) { id name partners(includeFormer: true) { id name } } }`;
interface Group {
  id: string;
  name: string;
  partners: { id: string; name: string }[];
}

const TASKS = `query WorkstreamTasks($id: ID!, $asAt: String, $status: TaskStatus, $overdue: Boolean!, $after: String) {
  workstream(id: $id, asAt: $asAt) {
    workstreamTasks(status: $status, overdue: $overdue, first: 100, after: $after) {
      edges { node { ${TASK_FIELDS} viewerMayChange } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
/** A task and whether the reader may change it today (W2), which the API answers false for a day seen as at. */
interface WorkstreamTask extends TaskView {
  viewerMayChange: boolean;
}

/** The workstream's members, each with a link to the page removing them for one who may. */
function membersOf({ members, viewerMayManageMembers }: Workstream, page: string) {
  if (members.length === 0) return 'None';
  if (!viewerMayManageMembers) return members.map((member) => member.name).join(', ');
  return html`<ul class="govuk-list">
    ${members.map(
      ({ personId, name }) =>
        html`<li>
          ${name}
          <a class="govuk-link govuk-!-margin-left-2" href="${page}/members/${encodeURIComponent(personId)}/remove"
            >Remove<span class="govuk-visually-hidden"> ${name}</span></a
          >
        </li>`,
    )}
  </ul>`;
}

/** What the "Overdue tasks only" checkbox sends when ticked. */
const OVERDUE_ONLY = 'yes';

/**
 * One workstream (W1, W2): what it is for, its lead and members, its status reports and its tasks by
 * status, filtered, as it stands today or stood on a day; its lead, and each member for their own
 * tasks, change them here as on `/tasks`.
 */
@Controller('groups/:groupId/workstreams/:workstreamId')
export class WorkstreamController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async show(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.render(context, response, groupId, workstreamId, queryOf(request), [], {}),
    );
  }

  /**
   * A task form's address, where a refused change is shown, asked for again (a reload, a bookmark):
   * no page lives there, so the person goes to the workstream, at the task's card. An address that
   * names no change, a workstream that is not the group's, or a task the workstream's page shows no
   * card for (none, another workstream's, or any to a reader of no tasks) is no form's: "Page not found".
   */
  @Get('tasks/:taskId/:change')
  async backToTask(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Param('taskId') taskId: string,
    @Param('change') change: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isTaskChange(change)) return this.pages.notFound(request, response);
    await this.pages.handle(request, response, (context) =>
      this.ofTheGroup(context, response, groupId, workstreamId, async () => {
        if (await hasTask(context.api, workstreamId, taskId))
          response.redirect(303, taskCardOn(workstreamPage(groupId, workstreamId), taskId));
        else await this.pages.notFound(request, response);
      }),
    );
  }

  /** A task added from the page's form (W2): done, the page at its tasks with a banner; refused, shown again. */
  @Post('tasks')
  async addTask(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.sendLeadForm('add-task', groupId, workstreamId, request, response);
  }

  /** The lead's status report from the page's form (W1). */
  @Post('status-reports')
  async reportStatus(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.sendLeadForm('status-report', groupId, workstreamId, request, response);
  }

  /** A lead form's address asked for again after a refusal (a reload): the workstream's page, at the form's section. */
  @Get(['tasks', 'status-reports'])
  back(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const section = request.path.endsWith('/tasks') ? SECTION_OF['add-task'] : SECTION_OF['status-report'];
    response.redirect(303, `${workstreamPage(groupId, workstreamId)}#${section}`);
  }

  private async sendLeadForm(
    form: LeadForm,
    groupId: string,
    workstreamId: string,
    request: Request,
    response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.ofTheGroup(context, response, groupId, workstreamId, () =>
        sendLeadForm(form, context, workstreamId, workstreamPage(groupId, workstreamId), (errors) =>
          this.render(context, response, groupId, workstreamId, {}, errors, { ...context.form, [SENT_FROM]: form }),
        ),
      ),
    );
  }

  @Post('tasks/:taskId/:change')
  async change(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Param('taskId') taskId: string,
    @Param('change') change: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.ofTheGroup(context, response, groupId, workstreamId, () =>
        // The workstream the address names, whichever the form says: the page goes back to that one.
        changeTask(
          context,
          { workstreamId, taskId },
          change,
          taskCardOn(workstreamPage(groupId, workstreamId), taskId),
          (errors) => this.render(context, response, groupId, workstreamId, {}, errors, { ...context.form, taskId }),
          () => hasTask(context.api, workstreamId, taskId),
        ),
      ),
    );
  }

  /**
   * `work` for a workstream the group commissioned; under another group's address no page is there,
   * so a form sent to it is answered "Page not found" before anything is sent to the API.
   */
  private async ofTheGroup(
    context: PageContext,
    response: Response,
    groupId: string,
    workstreamId: string,
    work: () => Promise<void>,
  ): Promise<void> {
    const { workstream } = await context.api.send<WorkstreamGroup>(WORKSTREAM_GROUP, { id: workstreamId });
    if (workstream.groupId !== groupId) this.notTheGroups(response, context, workstream.name);
    else await work();
  }

  private async render(
    context: PageContext,
    response: Response,
    groupId: string,
    workstreamId: string,
    query: Readonly<Record<string, string>>,
    formErrors: FieldError[],
    values: Record<string, string>,
  ): Promise<void> {
    const { api, session, render } = context;
    const status = query.status ?? '';
    const overdue = query.overdue ?? '';
    const seen = await seenAsAt(
      query,
      (day) =>
        api
          .send<{ workstream: Workstream }>(WORKSTREAM, { id: workstreamId, asAt: day })
          .then((page) => page.workstream),
      ', the first day the workstream can be shown as it stood',
    );
    const { data: workstream, asAt } = seen;
    // A status or an "overdue" the form does not offer (an edited address) is named in the error summary, not sent.
    const errors: FieldError[] = [
      ...formErrors,
      ...seen.errors,
      ...(status && !STATUS_ORDER.includes(status) ? [{ field: 'status', text: 'Choose a status from the list' }] : []),
      ...(overdue && overdue !== OVERDUE_ONLY
        ? [{ field: 'overdue', text: 'Tick “Overdue tasks only” or leave it unticked' }]
        : []),
    ];
    if (workstream.groupId !== groupId) {
      this.notTheGroups(response, context, workstream.name);
      return;
    }
    const group = await api
      .send<{ regionalGroup: Group }>(GROUP, { id: groupId })
      .then((page) => page.regionalGroup, keptIfForbidden);
    const tasks = await everyNode((after) =>
      api
        .send<{ workstream: { workstreamTasks: NodePage<WorkstreamTask> } }>(TASKS, {
          id: workstreamId,
          asAt,
          status: STATUS_ORDER.includes(status) ? status : null,
          overdue: overdue === OVERDUE_ONLY,
          after,
        })
        .then((page) => page.workstream.workstreamTasks),
    ).catch(keptIfForbidden);

    const partnerName = new Map(group instanceof ApiRefusal ? [] : group.partners.map((p) => [p.id, p.name]));
    const people = [workstream.lead, ...workstream.members];
    const nameOf = (personId: string) =>
      people.find((person) => person.personId === personId)?.name ?? 'Someone no longer in the workstream';
    const page = workstreamPage(groupId, workstream.id);
    const actions = (task: WorkstreamTask) =>
      task.viewerMayChange
        ? taskChangeForms(task, {
            action: `${page}/tasks/${encodeURIComponent(task.id)}`,
            csrfToken: session.csrfToken,
            values,
            errors,
          })
        : html``;

    const owners = workstream.viewerMayAddTasksFor;
    const shown: Record<LeadForm, boolean> = {
      'add-task': owners.length > 0,
      'status-report': workstream.viewerMayReportStatus,
    };
    // A refusal from a form the reader is not offered (a forged post, or a right lost since) goes on its section.
    const onShownForms = errors.map((error) => {
      const form = formOfError(error);
      return form && !shown[form] ? { field: SECTION_OF[form], text: error.text } : error;
    });
    const leadForms = {
      page,
      csrfToken: session.csrfToken,
      today: groupDateOf(this.clock.now().toISOString()),
      values,
      errors: onShownForms,
    };

    render({
      title: asAt ? `${workstream.name} as at ${longDate(asAt)}` : workstream.name,
      current: '/',
      errors: errorsOnTasks(onShownForms, tasks instanceof ApiRefusal ? [] : tasks, (task) => task.viewerMayChange),
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l"
          >${asAt ? asAtCaption('Workstream', asAt, this.clock.now()) : 'Workstream'}</span
        >
        <h1 class="govuk-heading-l">${workstream.name}</h1>
        ${group instanceof ApiRefusal ? html`` : groupNavigation(group.id, 'workstreams', asAt)}
        ${summaryList([
          ['Kind', humanise(workstream.kind)],
          ['Purpose', workstream.purpose],
          ...(workstream.termsOfReference ? [['Terms of reference', workstream.termsOfReference] as const] : []),
          ['Areas', workstream.areas.map((area) => area.name).join(', ')],
          ['Lead', leadOf(workstream, partnerName)],
          ['Members', membersOf(workstream, page)],
          [
            'Dates',
            workstream.endDate
              ? `${longDate(workstream.startDate)} to ${longDate(workstream.endDate)}`
              : `From ${longDate(workstream.startDate)}`,
          ],
          [
            'Status',
            workstream.closedOn
              ? `Closed on ${longDate(workstream.closedOn)}${workstream.outcomeReport ? `: ${workstream.outcomeReport}` : ''}`
              : humanise(workstream.status),
          ],
          ['Since the group last met', reportedTag(workstream)],
        ])}
        <form method="get" action="${page}" novalidate>
          ${dateInput({
            id: 'asAt',
            name: 'asAt',
            label: 'Show the workstream as it stood on',
            hint: 'For example, 31 10 2026. Leave empty for today.',
            typed: seen.typed,
            errors,
          })}
          ${
            // Filters of tasks the reader may not read would filter nothing.
            tasks instanceof ApiRefusal
              ? html``
              : html`${select({
                  id: 'status',
                  name: 'status',
                  label: 'Tasks with the status',
                  value: status,
                  errors,
                  choices: [ANY, ...STATUS_ORDER.map((value) => ({ value, text: humanise(value) }))],
                })}
                ${checkbox({
                  id: 'overdue',
                  name: 'overdue',
                  legend: 'Overdue',
                  label: 'Overdue tasks only',
                  value: OVERDUE_ONLY,
                  checked: overdue === OVERDUE_ONLY,
                  errors,
                })}`
          }
          ${button('Show', 'secondary')}
        </form>
        <div id="${SECTION_OF['status-report']}">
          ${
            workstream.statusReports.length === 0
              ? html`<h2 class="govuk-heading-m">Status reports</h2>
                  <p class="govuk-body">The lead has not reported yet.</p>`
              : table(
                  'Status reports',
                  ['Reported on', 'Status', 'Note'],
                  workstream.statusReports.map((report) => [
                    longDate(report.reportedOn),
                    ragTag(report.rag),
                    report.note,
                  ]),
                )
          }
          ${shown['status-report'] ? statusReportForm(leadForms) : html``}
        </div>
        <h2 class="govuk-heading-m" id="${SECTION_OF['add-task']}">Tasks</h2>
        ${
          tasks instanceof ApiRefusal
            ? html`<p class="govuk-body" id="tasks-not-shown">Tasks are not shown: ${tasks.message}</p>`
            : tasks.length === 0
              ? html`<p class="govuk-body">
                  ${
                    status || overdue
                      ? 'No task matches.'
                      : asAt
                        ? `The workstream had no tasks yet on ${longDate(asAt)}.`
                        : 'The workstream has no tasks yet.'
                  }
                </p>`
              : tasksByStatus(tasks, 3, (task) => [['Owner', nameOf(task.ownerId)]], actions)
        }
        ${shown['add-task'] ? addTaskForm(owners, leadForms) : html``}`,
    });
  }

  /** A workstream's address under a group that did not commission it. */
  private notTheGroups(response: Response, context: Pick<PageContext, 'session' | 'viewer'>, name: string): void {
    this.pages.notTheGroups(response, context, `The workstream ${name}`);
  }
}
