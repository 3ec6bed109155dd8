import { longDate } from '@app/domain';
import { button, csrfField, FieldError, humanise, idempotencyField, tag, textarea } from '../components';
import { html, Html } from '../html';
import { ApiRefusal } from '../api-client';
import { AddressNamesNothing, PageContext } from '../page-context';
import { formChange, FormFields } from './form-change';

/** What the task pages ask the API of each task. */
export const TASK_FIELDS = 'id title description dueDate status overdue blockedReason workstreamId ownerId';

export interface TaskView {
  id: string;
  title: string;
  description: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  blockedReason: string | null;
  workstreamId: string;
  ownerId: string;
}

/** The order the task pages list statuses in: what is moving first, what is finished last. */
export const STATUS_ORDER = ['IN_PROGRESS', 'TO_DO', 'BLOCKED', 'DONE', 'CANCELLED'];

/** The block form's one field, labelled with the task's title, which a page repeats for each task. */
const blockFields = (taskId: string, title: string): FormFields => ({
  reason: { id: `${taskId}-reason`, label: `Reason for blocking “${title}”` },
});

const CHANGES: Record<string, { mutation: string; input: 'TaskInput' | 'TaskReasonInput'; done: string }> = {
  start: { mutation: 'startTask', input: 'TaskInput', done: 'is in progress' },
  block: { mutation: 'blockTask', input: 'TaskReasonInput', done: 'is blocked' },
  unblock: { mutation: 'unblockTask', input: 'TaskInput', done: 'is unblocked' },
  complete: { mutation: 'completeTask', input: 'TaskInput', done: 'is done' },
};

/** Whether `change`, from a form's address, names a change a task can have: own keys only, so `constructor` names none. */
export const isTaskChange = (change: string): boolean => Object.hasOwn(CHANGES, change);

/** A workstream's own page. */
export const workstreamPage = (groupId: string, workstreamId: string): string =>
  `/groups/${encodeURIComponent(groupId)}/workstreams/${encodeURIComponent(workstreamId)}`;

/** The address of a task's card on the page at `page`, where its forms are. */
export const taskCardOn = (page: string, taskId: string): string => `${page}#task-${encodeURIComponent(taskId)}`;

/**
 * A task's change sent from one of its forms (`change` from the address) to the task of the
 * workstream the page names (its address, or the form's on a page of many workstreams' tasks):
 * done, the person goes to `done`; refused, `showAgain` shows the page with the refusal on the
 * button or the reason. A task the API finds none of that the page shows no card for (`shownOnPage`,
 * as a GET of the address finds it) is no form's: "Page not found"; one the page shows (carried to
 * another workstream since the form was sent) keeps the refusal on its card.
 */
export function changeTask(
  context: PageContext,
  { workstreamId, taskId }: { readonly workstreamId: string; readonly taskId: string },
  change: string,
  done: string,
  showAgain: (errors: FieldError[]) => Promise<void>,
  shownOnPage: () => Promise<boolean>,
): Promise<void> {
  const { form, api } = context;
  const kind = isTaskChange(change) ? CHANGES[change] : undefined;
  const block = blockFields(taskId, form.title ?? '');
  return formChange(
    context,
    change === 'block' ? block : `${taskId}-${change}`,
    async () => {
      if (!kind) return [{ field: `task-${taskId}`, text: 'That is not a change a task can have' }];
      if (change === 'block' && !form.reason?.trim())
        return [{ field: block.reason.id, text: 'Enter why the task is blocked' }];
      try {
        await api.send(`mutation($i: ${kind.input}!) { ${kind.mutation}(input: $i) { id } }`, {
          i: {
            taskId,
            workstreamId,
            ...(kind.input === 'TaskReasonInput' ? { reason: form.reason } : {}),
            idempotencyKey: form.idempotencyKey,
          },
        });
      } catch (error) {
        if (error instanceof ApiRefusal && error.code === 'NOT_FOUND' && !(await shownOnPage()))
          throw new AddressNamesNothing(error.message);
        throw error;
      }
      return `“${form.title}” ${kind.done}.`;
    },
    done,
    showAgain,
  );
}

/** The button each status offers, besides blocking an open task with a reason. */
const BUTTONS: Readonly<Record<string, { change: string; text: string }>> = {
  TO_DO: { change: 'start', text: 'Start' },
  IN_PROGRESS: { change: 'complete', text: 'Mark as done' },
  BLOCKED: { change: 'unblock', text: 'Unblock' },
};
const isOpen = (task: TaskView) => task.status === 'TO_DO' || task.status === 'IN_PROGRESS';

/** The ids of the fields a task's forms show in its status, which an error summary can link to. */
function fieldsShown(task: TaskView): string[] {
  const button = BUTTONS[task.status];
  return [
    ...(button ? [`${task.id}-${button.change}`] : []),
    ...(isOpen(task) ? [blockFields(task.id, task.title).reason.id] : []),
  ];
}

/**
 * A refused change's errors on `tasks` as shown again, those `withForms` with their forms: on the
 * button or reason that sent it or, when the task no longer offers it (its status changed in another
 * tab, or the reader may no longer change it), on the task's card.
 */
export function errorsOnTasks<Task extends TaskView>(
  errors: readonly FieldError[],
  tasks: readonly Task[],
  withForms: (task: Task) => boolean,
): FieldError[] {
  return errors.map((error) => {
    const task = tasks.find((shown) => error.field.startsWith(`${shown.id}-`));
    const shown = task && withForms(task) ? fieldsShown(task) : [];
    return task && !shown.includes(error.field) ? { ...error, field: `task-${task.id}` } : error;
  });
}

/** What a task's forms post to, and what they show again after a refusal. */
export interface ChangeFormsOptions {
  /** The address the forms post to, followed by `/<change>`. */
  readonly action: string;
  readonly csrfToken: string;
  /** The form sent last, shown again with `errors` when it was refused. */
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
}

/** The changes a task can have from its status: start, mark as done, unblock, block with a reason. */
export function taskChangeForms(task: TaskView, { action, csrfToken, values, errors }: ChangeFormsOptions): Html {
  const taskFields = html`${csrfField(csrfToken)}${idempotencyField()}
    <input type="hidden" name="workstreamId" value="${task.workstreamId}" />
    <input type="hidden" name="title" value="${task.title}" />`;
  const changeButton = (change: string, text: string) =>
    html`<form method="post" action="${action}/${change}" class="app-inline-form" novalidate>
      ${taskFields}
      ${button(text, 'secondary', { hidden: task.title, id: `${task.id}-${change}`, spacing: 'govuk-!-margin-right-2' })}
    </form>`;
  const offered = BUTTONS[task.status];
  return html`${offered ? changeButton(offered.change, offered.text) : html``}
  ${
    isOpen(task)
      ? html`<form method="post" action="${action}/block" novalidate>
          ${taskFields}
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
}

/**
 * Tasks under a heading for each status they have, in STATUS_ORDER, each a summary card (`task-<id>`,
 * which other pages link to) with `rows` about it, its due day, description and why it is blocked,
 * the API's Overdue, and `actions`. `level` is the headings' level for the statuses.
 */
export function tasksByStatus<Task extends TaskView>(
  tasks: readonly Task[],
  level: 2 | 3,
  rows: (task: Task) => readonly (readonly [string, string])[],
  actions: (task: Task) => Html,
): Html {
  const row = (key: string, value: string) =>
    html`<div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${key}</dt>
      <dd class="govuk-summary-list__value">${value}</dd>
    </div>`;
  const card = (task: Task) =>
    html`<div class="govuk-summary-card" id="task-${task.id}">
      <div class="govuk-summary-card__title-wrapper">
        <h${level + 1} class="govuk-summary-card__title">
          ${task.title} ${task.overdue ? tag('Overdue', 'red') : html``}
        </h${level + 1}>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          ${rows(task).map(([key, value]) => row(key, value))} ${row('Due', longDate(task.dueDate))}
          ${task.description ? row('Description', task.description) : html``}
          ${task.blockedReason ? row('Blocked because', task.blockedReason) : html``}
        </dl>
        ${actions(task)}
      </div>
    </div>`;
  return html`${STATUS_ORDER.filter((status) => tasks.some((task) => task.status === status)).map(
    (status) =>
      html`<h${level} class="govuk-heading-${level === 2 ? 'm' : 's'}">${humanise(status)}</h${level}>
        ${tasks.filter((task) => task.status === status).map(card)}`,
  )}`;
}
