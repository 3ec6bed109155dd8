import {
  button,
  csrfField,
  dateInput,
  datePartsOf,
  FieldError,
  humanise,
  idempotencyField,
  readDate,
  select,
  radios,
  textarea,
  textInput,
} from '../components';
import { ApiRefusal } from '../api-client';
import { html, Html } from '../html';
import { PageContext } from '../page-context';
import { formChange, FormFields, refusalOnFields } from './form-change';

/** The add-task form's fields, by the names the API gives them; a refusal about none goes on the title. */
const ADD_TASK: FormFields = {
  title: { id: 'task-title', label: 'Title' },
  ownerId: { id: 'task-owner', label: 'Owner' },
  dueDate: { id: 'task-due-date', label: 'Due date' },
  description: { id: 'task-description', label: 'Description' },
  reason: { id: 'task-reason', label: 'Reason' },
};

/** The status report form's fields, by the names the API gives them; a refusal about none goes on the status. */
const STATUS_REPORT: FormFields = {
  rag: { id: 'report-rag', label: 'Status' },
  note: { id: 'report-note', label: 'Note' },
  reportedOn: { id: 'report-reported-on', label: 'Date of the report' },
};

const RAGS = ['GREEN', 'AMBER', 'RED'];

/** Which of the workstream page's forms a refusal shown again came from (a field its forms do not send). */
export const SENT_FROM = 'sentFrom';
export type LeadForm = 'add-task' | 'status-report';

/** Where each form's refusals go when the page no longer shows the form (the reader may not use it): its section. */
export const SECTION_OF: Readonly<Record<LeadForm, string>> = {
  'add-task': 'tasks',
  'status-report': 'status-reports',
};

/** The ids an error of each form can be on, to move to its section when the form is not shown. */
export function formOfError(error: FieldError): LeadForm | null {
  const on = (fields: FormFields) =>
    Object.values(fields).some(({ id }) => error.field === id || error.field.startsWith(`${id}-`));
  if (on(ADD_TASK)) return 'add-task';
  if (on(STATUS_REPORT)) return 'status-report';
  return null;
}

/** A person the API says the reader may add a task for. */
export interface Owner {
  readonly personId: string;
  readonly name: string;
}

/** What each form sends: its fields, by the names the API gives them, and the change it asks for, in the words of its banner. */
const SENDS: Readonly<
  Record<
    LeadForm,
    {
      readonly fields: FormFields;
      readonly send: (context: PageContext, workstreamId: string) => Promise<string | FieldError[]>;
    }
  >
> = {
  // W2: a task for an owner the form offers.
  'add-task': {
    fields: ADD_TASK,
    async send({ form, api }, workstreamId) {
      const due = readDate(form, 'dueDate', 'The due date', ADD_TASK.dueDate.id);
      const dueError: FieldError | null =
        due.error ?? (due.date ? null : { field: ADD_TASK.dueDate.id, text: 'Enter the date the task is due' });
      const title = (form.title ?? '').trim();
      try {
        await api.send('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', {
          i: {
            workstreamId,
            title,
            ownerId: form.ownerId ?? '',
            // Sent even when missing or wrong, so the API names every other field at fault with it (GOV.UK asks for all at once).
            dueDate: due.date ?? '',
            description: (form.description ?? '').trim(),
            reason: form.reason?.trim() || null,
            idempotencyKey: form.idempotencyKey,
          },
        });
      } catch (error) {
        // One who may not add tasks is told that alone, as the API puts FORBIDDEN before what the input lacks.
        if (!dueError || !(error instanceof ApiRefusal) || ['UNAUTHENTICATED', 'FORBIDDEN'].includes(error.code))
          throw error;
        // The date in the page's words about the boxes as typed, not the API's about the YYYY-MM-DD it was sent.
        return [...refusalOnFields(error, ADD_TASK).filter(({ field }) => field !== ADD_TASK.dueDate.id), dueError];
      }
      return `The task “${title}” is added.`;
    },
  },
  // W1: the lead's red, amber or green with a note.
  'status-report': {
    fields: STATUS_REPORT,
    async send({ form, api }, workstreamId) {
      const errors: FieldError[] = [];
      if (!form.rag) errors.push({ field: STATUS_REPORT.rag.id, text: 'Select red, amber or green' });
      const reported = readDate(form, 'reportedOn', 'The date of the report', STATUS_REPORT.reportedOn.id);
      if (reported.error) errors.push(reported.error);
      if (errors.length > 0) return errors;
      await api.send('mutation($i: ReportWorkstreamStatusInput!) { reportWorkstreamStatus(input: $i) { id } }', {
        i: {
          workstreamId,
          rag: form.rag,
          note: (form.note ?? '').trim(),
          // Left empty, the API takes today (Europe/London).
          reportedOn: reported.date,
          idempotencyKey: form.idempotencyKey,
        },
      });
      return `The workstream’s status is reported: ${humanise(form.rag)}.`;
    },
  },
};

/** One of the forms sent: done, the person goes to `done` with a banner; refused, `showAgain` shows the page again. */
export function sendLeadForm(
  which: LeadForm,
  context: PageContext,
  workstreamId: string,
  done: string,
  showAgain: (errors: FieldError[]) => Promise<void>,
): Promise<void> {
  const { fields, send } = SENDS[which];
  return formChange(context, fields, () => send(context, workstreamId), done, showAgain);
}

/** What both forms post to and show again after a refusal. */
export interface LeadFormOptions {
  /** The workstream's page, the forms' addresses under it. */
  readonly page: string;
  readonly csrfToken: string;
  /** Today, the day a report's date starts at. */
  readonly today: string;
  /** The form sent last, shown again with `errors` when it was refused. */
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
}

/** What was typed in `form` when it was the one sent, else nothing. */
const typedIn = (form: LeadForm, values: Readonly<Record<string, string>>) =>
  values[SENT_FROM] === form ? values : undefined;

/** The form for a task, its owner one of those the API says the reader may add tasks for. */
export function addTaskForm(owners: readonly Owner[], { page, csrfToken, values, errors }: LeadFormOptions): Html {
  const typed = typedIn('add-task', values) ?? {};
  return html`<form method="post" action="${page}/tasks" novalidate>
    <h2 class="govuk-heading-m">Add a task</h2>
    ${csrfField(csrfToken)}${idempotencyField()}
    ${textInput({ ...ADD_TASK.title, name: 'title', value: typed.title, errors })}
    ${select({
      ...ADD_TASK.ownerId,
      name: 'ownerId',
      value: typed.ownerId,
      errors,
      choices: owners.map((owner) => ({ value: owner.personId, text: owner.name })),
    })}
    ${dateInput({
      ...ADD_TASK.dueDate,
      name: 'dueDate',
      hint: 'For example, 31 1 2027.',
      typed: readDate(typed, 'dueDate', '').typed,
      errors,
    })}
    ${textarea({ ...ADD_TASK.description, name: 'description', hint: 'Optional.', value: typed.description, errors })}
    ${textarea({
      ...ADD_TASK.reason,
      name: 'reason',
      hint: 'Optional: why the task is added, kept with its history.',
      value: typed.reason,
      errors,
    })}
    ${button('Add task')}
  </form>`;
}

/** The lead's form for the workstream's status: red, amber or green, a note, and the day, today unless changed. */
export function statusReportForm({ page, csrfToken, today, values, errors }: LeadFormOptions): Html {
  const typed = typedIn('status-report', values);
  return html`<form method="post" action="${page}/status-reports" novalidate>
    <h2 class="govuk-heading-m">Send a status report</h2>
    ${csrfField(csrfToken)}${idempotencyField()}
    ${radios({
      ...STATUS_REPORT.rag,
      name: 'rag',
      value: typed?.rag,
      errors,
      small: true,
      choices: RAGS.map((rag) => ({ value: rag, text: humanise(rag) })),
    })}
    ${textarea({ ...STATUS_REPORT.note, name: 'note', value: typed?.note, errors })}
    ${dateInput({
      ...STATUS_REPORT.reportedOn,
      name: 'reportedOn',
      hint: 'Today unless the report was made on an earlier day.',
      typed: typed ? readDate(typed, 'reportedOn', '').typed : datePartsOf(today),
      errors,
    })}
    ${button('Send status report')}
  </form>`;
}
