import {
  button,
  Choice,
  csrfField,
  dateInput,
  DateParts,
  FieldError,
  idempotencyField,
  readDate,
  select,
  textarea,
  textInput,
} from '../components';
import { Html, html } from '../html';
import { FormFields } from './form-change';

/**
 * The forms an area's business manager sends reports up with (L2), besides the escalation: the
 * yearly report, a quarter's figures for a measure of the group's, and a decision the area took for
 * itself. Each form's fields are named as the API names them, so a refusal goes to the field it is
 * about, and each field's page name is its own: the inbox shows every form at once.
 */
export const YEARLY_REPORT = {
  period: { id: 'yearly-period', label: 'Reporting year' },
  publishedOn: { id: 'yearly-published-on', label: 'Date published' },
  link: { id: 'yearly-link', label: 'Web address of the published report' },
  sentToNationalPanelOn: { id: 'yearly-national-panel', label: 'Date sent to the national panel' },
  sentToWhatWorksOn: { id: 'yearly-what-works', label: 'Date sent to the What Works centre' },
} as const satisfies FormFields;

export const FIGURES = {
  measureId: { id: 'figures-measure', label: 'Measure' },
  period: { id: 'figures-period', label: 'Quarter' },
  count: { id: 'figures-count', label: 'Count' },
  submittedOn: { id: 'figures-submitted-on', label: 'Date sent' },
} as const satisfies FormFields;

export const LOCAL_DECISION = {
  title: { id: 'local-decision-title', label: 'Title of the decision' },
  decision: { id: 'local-decision-text', label: 'What the area decided' },
  decidedOn: { id: 'local-decision-decided-on', label: 'Date the area decided' },
} as const satisfies FormFields;

/** A form's date, required: the reading's own error, or one saying to enter it. */
function requiredDate(
  form: Readonly<Record<string, string>>,
  name: string,
  field: { readonly id: string; readonly label: string },
): { date: string | null; error: FieldError | null } {
  const reading = readDate(form, name, field.label, field.id);
  if (reading.error) return { date: null, error: reading.error };
  if (!reading.date) return { date: null, error: { field: field.id, text: `Enter the ${field.label.toLowerCase()}` } };
  return { date: reading.date, error: null };
}

/** What the yearly report form sends, or what is missing from it. */
export function yearlyReportInput(form: Readonly<Record<string, string>>): Record<string, string> | FieldError[] {
  const publishedOn = requiredDate(form, 'publishedOn', YEARLY_REPORT.publishedOn);
  const panel = requiredDate(form, 'sentToNationalPanelOn', YEARLY_REPORT.sentToNationalPanelOn);
  const whatWorks = requiredDate(form, 'sentToWhatWorksOn', YEARLY_REPORT.sentToWhatWorksOn);
  // In the order of the form's fields, as the error summary lists them.
  const errors = [
    form.period?.trim() ? null : { field: YEARLY_REPORT.period.id, text: 'Enter the reporting year, like 2025-26' },
    publishedOn.error,
    form.link?.trim() ? null : { field: YEARLY_REPORT.link.id, text: 'Enter the web address of the report' },
    panel.error,
    whatWorks.error,
  ].filter((error): error is FieldError => error !== null);
  if (errors.length > 0 || !publishedOn.date || !panel.date || !whatWorks.date) return errors;
  return {
    period: form.period.trim(),
    publishedOn: publishedOn.date,
    link: form.link.trim(),
    sentToNationalPanelOn: panel.date,
    sentToWhatWorksOn: whatWorks.date,
  };
}

/** What the figures form sends, or what is missing from it; a count is a whole number the API bounds. */
export function figuresInput(form: Readonly<Record<string, string>>): Record<string, string | number> | FieldError[] {
  const errors: FieldError[] = [];
  if (!form.measureId) errors.push({ field: FIGURES.measureId.id, text: 'Select the measure' });
  if (!form.period?.trim()) errors.push({ field: FIGURES.period.id, text: 'Enter the quarter, like 2026-Q3' });
  const count = form.count?.trim() ?? '';
  if (!/^\d+$/.test(count))
    errors.push({ field: FIGURES.count.id, text: 'Enter the count as a whole number, like 12' });
  const submittedOn = requiredDate(form, 'submittedOn', FIGURES.submittedOn);
  if (submittedOn.error) errors.push(submittedOn.error);
  if (errors.length > 0 || !submittedOn.date) return errors;
  return { measureId: form.measureId, period: form.period.trim(), count: Number(count), submittedOn: submittedOn.date };
}

/** What the local decision form sends, or what is missing from it. */
export function localDecisionInput(form: Readonly<Record<string, string>>): Record<string, string> | FieldError[] {
  const errors: FieldError[] = [];
  if (!form.decisionTitle?.trim())
    errors.push({ field: LOCAL_DECISION.title.id, text: 'Enter a title for the decision' });
  if (!form.decisionText?.trim())
    errors.push({ field: LOCAL_DECISION.decision.id, text: 'Describe what the area decided' });
  const decidedOn = requiredDate(form, 'localDecidedOn', LOCAL_DECISION.decidedOn);
  if (decidedOn.error) errors.push(decidedOn.error);
  if (errors.length > 0 || !decidedOn.date) return errors;
  return { title: form.decisionTitle.trim(), decision: form.decisionText.trim(), decidedOn: decidedOn.date };
}

export interface ReportUpFormOptions {
  readonly areaId: string;
  readonly csrfToken: string;
  /** Today's date, which the dates of sending start at. */
  readonly today: DateParts;
  /** The form posted last, with its errors; another form's values and errors are not this one's. */
  readonly posted: { readonly form: string; readonly values: Readonly<Record<string, string>> } | null;
  readonly errors: readonly FieldError[];
}

const GOVERNANCE_ONLY = 'Governance only: no child’s or family’s name, address, date of birth or NHS number.';

/** The posted form's value of a field, the typed date of a date field (today when the form is new), and its errors. */
function postedOf(options: ReportUpFormOptions, form: string) {
  const own = options.posted?.form === form ? options.posted.values : null;
  return {
    value: (name: string) => own?.[name],
    typed: (name: string, blank = false): DateParts =>
      own ? readDate(own, name, '').typed : blank ? { day: '', month: '', year: '' } : options.today,
    errors: own ? options.errors : [],
  };
}

export function yearlyReportForm(options: ReportUpFormOptions): Html {
  const { value, typed, errors } = postedOf(options, 'yearly-report');
  const date = (name: keyof typeof YEARLY_REPORT, hint: string, blank = false) =>
    dateInput({ ...YEARLY_REPORT[name], name, hint, typed: typed(name, blank), errors });
  return html`<form method="post" action="/areas/${options.areaId}/inbox/yearly-report" novalidate>
    ${csrfField(options.csrfToken)}${idempotencyField()}
    ${textInput({
      ...YEARLY_REPORT.period,
      name: 'period',
      hint: 'The year the report covers, for example 2025-26.',
      value: value('period'),
      errors,
      width: '10',
    })}
    ${date('publishedOn', 'For example, 30 9 2026.', true)}
    ${textInput({ ...YEARLY_REPORT.link, name: 'link', type: 'url', value: value('link'), errors })}
    ${date('sentToNationalPanelOn', 'Due within 7 days of publication.')}
    ${date('sentToWhatWorksOn', 'Due within 7 days of publication.')} ${button('Send the yearly report')}
  </form>`;
}

export function figuresForm(options: ReportUpFormOptions, measures: readonly Choice[]): Html {
  const { value, typed, errors } = postedOf(options, 'figures');
  return html`<form method="post" action="/areas/${options.areaId}/inbox/figures" novalidate>
    ${csrfField(options.csrfToken)}${idempotencyField()}
    ${select({
      ...FIGURES.measureId,
      name: 'measureId',
      value: value('measureId') ?? '',
      errors,
      choices: [{ value: '', text: 'Choose a measure' }, ...measures],
    })}
    ${textInput({
      ...FIGURES.period,
      name: 'period',
      hint: 'The calendar quarter, for example 2026-Q3 for July to September 2026.',
      value: value('period'),
      errors,
      width: '10',
    })}
    ${textInput({
      ...FIGURES.count,
      name: 'count',
      value: value('count'),
      errors,
      width: '5',
    })}
    ${dateInput({
      ...FIGURES.submittedOn,
      name: 'submittedOn',
      hint: 'Due by the end of the month after the quarter.',
      typed: typed('submittedOn'),
      errors,
    })}
    ${button('Send the figures')}
  </form>`;
}

export function localDecisionForm(options: ReportUpFormOptions): Html {
  const { value, typed, errors } = postedOf(options, 'local-decision');
  return html`<form method="post" action="/areas/${options.areaId}/inbox/local-decision" novalidate>
    ${csrfField(options.csrfToken)}${idempotencyField()}
    ${textInput({
      ...LOCAL_DECISION.title,
      name: 'decisionTitle',
      hint: GOVERNANCE_ONLY,
      value: value('decisionTitle'),
      errors,
    })}
    ${textarea({ ...LOCAL_DECISION.decision, name: 'decisionText', value: value('decisionText'), errors })}
    ${dateInput({ ...LOCAL_DECISION.decidedOn, name: 'localDecidedOn', typed: typed('localDecidedOn'), errors })}
    ${button('Share with the region')}
  </form>`;
}
