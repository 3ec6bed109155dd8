import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiClient } from '../api-client';
import { FieldError } from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import {
  changeTask,
  errorsOnTasks,
  isTaskChange,
  TASK_FIELDS,
  taskCardOn,
  taskChangeForms,
  tasksByStatus,
  TaskView,
} from './task-changes';

const MY_TASKS = `{ myTasks(first: 100) { totalCount edges { node { ${TASK_FIELDS} } } } }`;

/** The tasks My tasks shows: a card for each. */
const myTasks = async (api: ApiClient): Promise<TaskView[]> =>
  (await api.send<{ myTasks: { edges: { node: TaskView }[] } }>(MY_TASKS)).myTasks.edges.map((edge) => edge.node);

/** Whether My tasks shows a card for the task, where its forms are. */
const onMyTasks = async (api: ApiClient, taskId: string): Promise<boolean> =>
  (await myTasks(api)).some((task) => task.id === taskId);

@Controller('tasks')
export class TasksController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => this.render(context, [], {}));
  }

  /**
   * A task form's address asked for again after a refused change: back to My tasks, at the task's
   * card. An address naming no change, or a task that has no card there, is no form's, and no page's.
   */
  @Get(':taskId/:change')
  async backToTask(
    @Param('taskId') taskId: string,
    @Param('change') change: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isTaskChange(change)) return this.pages.notFound(request, response);
    await this.pages.handle(request, response, async ({ api }) => {
      if (await onMyTasks(api, taskId)) response.redirect(303, taskCardOn('/tasks', taskId));
      else await this.pages.notFound(request, response);
    });
  }

  @Post(':taskId/:change')
  async change(
    @Param('taskId') taskId: string,
    @Param('change') change: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      // Tasks of many workstreams: each form names its own.
      changeTask(
        context,
        { workstreamId: context.form.workstreamId, taskId },
        change,
        '/tasks',
        (errors) => this.render(context, errors, { ...context.form, taskId }),
        () => onMyTasks(context.api, taskId),
      ),
    );
  }

  private async render(
    { api, session, render }: PageContext,
    errors: FieldError[],
    values: Record<string, string>,
  ): Promise<void> {
    const tasks = await myTasks(api);
    const workstreamIds = [...new Set(tasks.map((task) => task.workstreamId))];
    const names =
      workstreamIds.length === 0
        ? {}
        : await api.send<Record<string, { name: string }>>(
            `query(${workstreamIds.map((_, index) => `$w${index}: ID!`).join(', ')}) {
              ${workstreamIds.map((_, index) => `w${index}: workstream(id: $w${index}) { name }`).join('\n')}
            }`,
            Object.fromEntries(workstreamIds.map((id, index) => [`w${index}`, id])),
          );
    const workstreamName = (id: string) => names[`w${workstreamIds.indexOf(id)}`]?.name ?? 'A workstream';

    render({
      title: 'My tasks',
      current: '/tasks',
      errors: errorsOnTasks(errors, tasks, () => true),
      status: errors.length > 0 ? 400 : 200,
      content: html`<h1 class="govuk-heading-l">My tasks</h1>
        ${tasks.length === 0 ? html`<p class="govuk-body">You have no tasks.</p>` : html``}
        ${tasksByStatus(
          tasks,
          2,
          (task) => [['Workstream', workstreamName(task.workstreamId)]],
          (task) =>
            taskChangeForms(task, { action: `/tasks/${task.id}`, csrfToken: session.csrfToken, values, errors }),
        )}`,
    });
  }
}
