import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { button, csrfField, FieldError, humanise, idempotencyField, longDate, tag, textarea } from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import { formChange, FormFields } from './form-change';

const MY_TASKS = `{ myTasks(first: 100) { totalCount edges { node { id title description dueDate status overdue blockedReason workstreamId } } } }`;

interface Task {
  id: string;
  title: string;
  description: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  blockedReason: string | null;
  workstreamId: string;
}

/** The block form's one field, labelled with the task's title, which the page repeats for each task. */
const blockFields = (taskId: string, title: string): FormFields => ({
  reason: { id: `${taskId}-reason`, label: `Reason for blocking “${title}”` },
});

const STATUS_ORDER = ['IN_PROGRESS', 'TO_DO', 'BLOCKED', 'DONE', 'CANCELLED'];
const CHANGES: Record<string, { mutation: string; input: 'TaskInput' | 'TaskReasonInput'; done: string }> = {
  start: { mutation: 'startTask', input: 'TaskInput', done: 'is in progress' },
  block: { mutation: 'blockTask', input: 'TaskReasonInput', done: 'is blocked' },
  unblock: { mutation: 'unblockTask', input: 'TaskInput', done: 'is unblocked' },
  complete: { mutation: 'completeTask', input: 'TaskInput', done: 'is done' },
};

@Controller('tasks')
export class TasksController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => this.render(context, [], {}));
  }

  @Post(':taskId/:change')
  async change(
    @Param('taskId') taskId: string,
    @Param('change') change: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) => {
      const { form, api } = context;
      const kind = CHANGES[change];
      const block = blockFields(taskId, form.title ?? '');
      return formChange(
        context,
        change === 'block' ? block : `${taskId}-${change}`,
        async () => {
          if (!kind) return [{ field: `${taskId}-start`, text: 'That is not a change a task can have' }];
          if (change === 'block' && !form.reason?.trim())
            return [{ field: block.reason.id, text: 'Enter why the task is blocked' }];
          await api.send(`mutation($i: ${kind.input}!) { ${kind.mutation}(input: $i) { id } }`, {
            i: {
              taskId,
              workstreamId: form.workstreamId,
              ...(kind.input === 'TaskReasonInput' ? { reason: form.reason } : {}),
              idempotencyKey: form.idempotencyKey,
            },
          });
          return `“${form.title}” ${kind.done}.`;
        },
        '/tasks',
        (errors) => this.render(context, errors, { ...form, taskId }),
      );
    });
  }

  private async render(
    { api, session, render }: PageContext,
    errors: FieldError[],
    values: Record<string, string>,
  ): Promise<void> {
    const tasks = (await api.send<{ myTasks: { edges: { node: Task }[] } }>(MY_TASKS)).myTasks.edges.map(
      (edge) => edge.node,
    );
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

    const changeButton = (task: Task, change: string, text: string) =>
      html`<form method="post" action="/tasks/${task.id}/${change}" class="app-inline-form" novalidate>
        ${csrfField(session.csrfToken)}${idempotencyField()}
        <input type="hidden" name="workstreamId" value="${task.workstreamId}" />
        <input type="hidden" name="title" value="${task.title}" />
        ${button(text, 'secondary', { hidden: task.title, id: `${task.id}-${change}`, spacing: 'govuk-!-margin-right-2' })}
      </form>`;
    const actions = (task: Task) => {
      const open = task.status === 'TO_DO' || task.status === 'IN_PROGRESS';
      return html`${task.status === 'TO_DO' ? changeButton(task, 'start', 'Start') : html``}
      ${task.status === 'IN_PROGRESS' ? changeButton(task, 'complete', 'Mark as done') : html``}
      ${task.status === 'BLOCKED' ? changeButton(task, 'unblock', 'Unblock') : html``}
      ${
        open
          ? html`<form method="post" action="/tasks/${task.id}/block" novalidate>
              ${csrfField(session.csrfToken)}${idempotencyField()}
              <input type="hidden" name="workstreamId" value="${task.workstreamId}" />
              <input type="hidden" name="title" value="${task.title}" />
              ${textarea({
                ...blockFields(task.id, task.title).reason,
                name: 'reason',
                value: values.taskId === task.id ? values.reason : '',
                errors,
              })}
              ${button('Block task', 'warning', { hidden: task.title })}
            </form>`
          : html``
      }`;
    };

    render({
      title: 'My tasks',
      current: '/tasks',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<h1 class="govuk-heading-l">My tasks</h1>
        ${tasks.length === 0 ? html`<p class="govuk-body">You have no tasks.</p>` : html``}
        ${STATUS_ORDER.filter((status) => tasks.some((task) => task.status === status)).map(
          (status) =>
            html`<h2 class="govuk-heading-m">${humanise(status)}</h2>
              ${tasks
                .filter((task) => task.status === status)
                .map(
                  (task) =>
                    html`<div class="govuk-summary-card" id="task-${task.id}">
                      <div class="govuk-summary-card__title-wrapper">
                        <h3 class="govuk-summary-card__title">
                          ${task.title} ${task.overdue ? tag('Overdue', 'red') : html``}
                        </h3>
                      </div>
                      <div class="govuk-summary-card__content">
                        <dl class="govuk-summary-list">
                          <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">Workstream</dt>
                            <dd class="govuk-summary-list__value">${workstreamName(task.workstreamId)}</dd>
                          </div>
                          <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">Due</dt>
                            <dd class="govuk-summary-list__value">${longDate(task.dueDate)}</dd>
                          </div>
                          ${
                            task.description
                              ? html`<div class="govuk-summary-list__row">
                                  <dt class="govuk-summary-list__key">Description</dt>
                                  <dd class="govuk-summary-list__value">${task.description}</dd>
                                </div>`
                              : html``
                          }
                          ${
                            task.blockedReason
                              ? html`<div class="govuk-summary-list__row">
                                  <dt class="govuk-summary-list__key">Blocked because</dt>
                                  <dd class="govuk-summary-list__value">${task.blockedReason}</dd>
                                </div>`
                              : html``
                          }
                        </dl>
                        ${actions(task)}
                      </div>
                    </div>`,
                )}`,
        )}`,
    });
  }
}
