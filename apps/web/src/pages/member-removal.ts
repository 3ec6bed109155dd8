import { longDate } from '@app/domain';
import { ApiRefusal } from '../api-client';
import { button, csrfField, dateInput, datePartsOf, FieldError, idempotencyField, readDate } from '../components';
import { html, Html } from '../html';
import { PageContext } from '../page-context';
import { FormFields } from './form-change';
import { taskCardOn } from './task-changes';

/**
 * The removal form's fields, by the names the API gives them. The member is the page's, not typed:
 * a refusal on them (tasks of theirs open still, whatever the day) goes on the list of those tasks.
 */
export const REMOVAL: FormFields = {
  personId: { id: 'member', label: 'The member' },
  removedOn: { id: 'removed-on', label: 'Date they left' },
};

/** A task the API's OPEN_TASKS refusal says holds the removal up: its id and title only to a reader of the tasks. */
export interface TaskHoldingUp {
  readonly taskId?: string;
  readonly title?: string;
  readonly ownedSince: string | null;
  readonly until: string | null;
}

/** The member a removal page is for, and the workstream's page it returns to. */
export interface Removal {
  readonly workstreamId: string;
  readonly member: { readonly personId: string; readonly name: string };
  readonly workstreamPage: string;
}

/**
 * The removal sent: done, the banner's words; refused, the API's refusal thrown on, with the tasks an
 * OPEN_TASKS one names given to `heldUpBy` for the page to list. A date that is no date is named
 * before anything is sent; none at all, the API takes today.
 */
export async function sendRemoval(
  { form, api }: PageContext,
  { workstreamId, member }: Removal,
  heldUpBy: (tasks: readonly TaskHoldingUp[]) => void,
): Promise<string | FieldError[]> {
  const removed = readDate(form, 'removedOn', 'The date they left', REMOVAL.removedOn.id);
  if (removed.error) return [removed.error];
  try {
    await api.send('mutation($i: RemoveWorkstreamMemberInput!) { removeWorkstreamMember(input: $i) { id } }', {
      i: { workstreamId, personId: member.personId, removedOn: removed.date, idempotencyKey: form.idempotencyKey },
    });
  } catch (error) {
    if (error instanceof ApiRefusal && error.code === 'OPEN_TASKS' && Array.isArray(error.details.tasks))
      heldUpBy(error.details.tasks as TaskHoldingUp[]);
    throw error;
  }
  return `${member.name} is removed from the workstream${removed.date ? ` on ${longDate(removed.date)}` : ''}.`;
}

/** One task holding the removal up, linked to its card on the workstream's page, where it is reassigned. */
function heldUpTask(task: TaskHoldingUp, workstreamPage: string): Html {
  const since = task.ownedSince ? `, theirs since ${longDate(task.ownedSince)}` : '';
  const until = task.until ? `, open until ${longDate(task.until)}` : ', open still';
  const named =
    task.taskId && task.title
      ? html`<a class="govuk-link" href="${taskCardOn(workstreamPage, task.taskId)}">${task.title}</a>`
      : html`A task`;
  return html`<li>${named}${since}${until}</li>`;
}

export interface RemovalFormOptions {
  readonly csrfToken: string;
  /** Today, the day the form's date starts at. */
  readonly today: string;
  /** What was sent, shown again with `errors` and the tasks that held the removal up. */
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
  readonly heldUpBy: readonly TaskHoldingUp[];
}

/** The form removing the member on a day, and the tasks that held the removal up when it was refused. */
export function removalForm(
  { member, workstreamPage }: Removal,
  { csrfToken, today, values, errors, heldUpBy }: RemovalFormOptions,
): Html {
  const onMember = errors.find((error) => error.field === REMOVAL.personId.id);
  const sent = Object.keys(values).length > 0;
  // There even when empty: a refusal on no field of the form (FORBIDDEN) is linked to it.
  return html`<div class="govuk-form-group${onMember ? ' govuk-form-group--error' : ''}" id="${REMOVAL.personId.id}">
      ${
        onMember
          ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${onMember.text}</p>`
          : html``
      }
      ${
        heldUpBy.length > 0
          ? html`<h2 class="govuk-heading-m">Tasks holding up the removal</h2>
              <p class="govuk-body">Reassign or finish each from its card on the workstream’s page.</p>
              <ul class="govuk-list govuk-list--bullet">
                ${heldUpBy.map((task) => heldUpTask(task, workstreamPage))}
              </ul>`
          : html``
      }
    </div>
    <form method="post" novalidate>
      ${csrfField(csrfToken)}${idempotencyField()}
      ${dateInput({
        ...REMOVAL.removedOn,
        name: 'removedOn',
        hint: `The day ${member.name} left the workstream. For example, 31 1 2027. Leave empty for today.`,
        typed: sent ? readDate(values, 'removedOn', '').typed : datePartsOf(today),
        errors,
      })}
      ${button(`Remove ${member.name}`, 'warning')}
      <p class="govuk-body"><a class="govuk-link" href="${workstreamPage}">Cancel</a></p>
    </form>`;
}
