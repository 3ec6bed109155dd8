import { randomUUID } from 'node:crypto';
import { isIsoDate, joinedWithAnd, longDate, RapidReviewDecision } from '@app/domain';
import { Html, html } from './html';

/** Markup of the GOV.UK Design System's components, as its examples give it. */

export interface FieldError {
  /** The id of the field the message is about; the error summary links to it. */
  readonly field: string;
  readonly text: string;
  /** Of a date input: the fields to mark, when the message is about some of them only. */
  readonly parts?: readonly DatePart[];
}

type Part = Parameters<typeof html>[1];

export function errorSummary(errors: readonly FieldError[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${errors.map((error) => html`<li><a href="#${error.field}">${error.text}</a></li>`)}
        </ul>
      </div>
    </div>
  </div>`;
}

export function successBanner(message: string | null): Html {
  if (!message) return html``;
  return html`<div
    class="govuk-notification-banner govuk-notification-banner--success"
    role="alert"
    aria-labelledby="govuk-notification-banner-title"
    data-module="govuk-notification-banner"
  >
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Success</h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">${message}</p>
    </div>
  </div>`;
}

export function summaryList(rows: readonly (readonly [string, Part])[]): Html {
  return html`<dl class="govuk-summary-list">
    ${rows.map(
      ([key, value]) =>
        html`<div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">${key}</dt>
          <dd class="govuk-summary-list__value">${value}</dd>
        </div>`,
    )}
  </dl>`;
}

export function table(caption: string, head: readonly string[], rows: readonly (readonly Part[])[]): Html {
  return html`<table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--m">
      ${caption}
    </caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        ${head.map((cell) => html`<th scope="col" class="govuk-table__header">${cell}</th>`)}
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      ${rows.map(
        ([first, ...rest]) =>
          html`<tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">${first}</th>
            ${rest.map((cell) => html`<td class="govuk-table__cell">${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export type TagColour =
  'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function tag(text: string, colour?: TagColour): Html {
  return html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;
}

export function csrfField(csrfToken: string): Html {
  return html`<input type="hidden" name="_csrf" value="${csrfToken}" />`;
}

export interface ButtonOptions {
  /**
   * Completes the label for screen readers where the same button appears more than once on a page
   * (its list of buttons would otherwise read the same words over and over).
   */
  readonly hidden?: string;
  /** Where an error summary links when what the button does was refused. */
  readonly id?: string;
  /** GOV.UK spacing overrides, e.g. `govuk-!-margin-bottom-0` for a button in a table row. */
  readonly spacing?: string;
}

export function button(
  text: string,
  kind: 'primary' | 'secondary' | 'warning' = 'primary',
  { hidden, id, spacing }: ButtonOptions = {},
): Html {
  const classes = ['govuk-button', kind === 'primary' ? '' : `govuk-button--${kind}`, spacing ?? '']
    .filter(Boolean)
    .join(' ');
  const more = hidden ? html`<span class="govuk-visually-hidden"> ${hidden}</span>` : html``;
  const attributes = id ? html`class="${classes}" id="${id}"` : html`class="${classes}"`;
  return html`<button type="submit" ${attributes} data-module="govuk-button">${text}${more}</button>`;
}

/** What an item's acknowledge form sends and says: where, which item, and the item as a screen reader hears it. */
export interface AcknowledgeOptions {
  /** Whether the reader may acknowledge; anyone else who may read the item is told it is not acknowledged yet. */
  readonly mayAcknowledge: boolean;
  readonly csrfToken: string;
  readonly action: string;
  /** The hidden field naming the item; its value also makes the button's id, for the error summary. */
  readonly item: Readonly<{ name: string; value: string }>;
  /** Completes "Acknowledge" for screen readers, the page listing one such button per item. */
  readonly spokenAs: string;
}

/** The cell of an item not yet acknowledged, in a table of items: a one-button form, or "Not yet". */
export function acknowledgeCell({ mayAcknowledge, csrfToken, action, item, spokenAs }: AcknowledgeOptions): Html {
  if (!mayAcknowledge) return html`Not yet`;
  return html`<form method="post" action="${action}" class="app-inline-form" novalidate>
    ${csrfField(csrfToken)}${idempotencyField()}
    <input type="hidden" name="${item.name}" value="${item.value}" />
    ${button('Acknowledge', 'secondary', {
      hidden: spokenAs,
      id: `acknowledge-${item.value}`,
      spacing: 'govuk-!-margin-bottom-0',
    })}
  </form>`;
}

interface FieldOptions {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly value?: string;
  readonly errors: readonly FieldError[];
}

function fieldParts({ id, hint, errors }: FieldOptions) {
  const error = errors.find((e) => e.field === id);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    error,
    groupClass: error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group',
    describedBy: describedBy ? html` aria-describedby="${describedBy}"` : html``,
    hintHtml: hint ? html`<div id="${id}-hint" class="govuk-hint">${hint}</div>` : html``,
    errorHtml: error
      ? html`<p id="${id}-error" class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> ${error.text}
        </p>`
      : html``,
  };
}

export function textInput(options: FieldOptions & { readonly type?: string; readonly width?: string }): Html {
  const parts = fieldParts(options);
  const width = options.width ? ` govuk-input--width-${options.width}` : '';
  return html`<div class="${parts.groupClass}">
    <label class="govuk-label" for="${options.id}">${options.label}</label>
    ${parts.hintHtml}${parts.errorHtml}
    <input
      class="govuk-input${width}${parts.error ? ' govuk-input--error' : ''}"
      id="${options.id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      value="${options.value ?? ''}"
      ${parts.describedBy}
    />
  </div>`;
}

export function textarea(options: FieldOptions): Html {
  const parts = fieldParts(options);
  return html`<div class="${parts.groupClass}">
    <label class="govuk-label" for="${options.id}">${options.label}</label>
    ${parts.hintHtml}${parts.errorHtml}
    <textarea
      class="govuk-textarea${parts.error ? ' govuk-textarea--error' : ''}"
      id="${options.id}"
      name="${options.name}"
      rows="4"
      ${parts.describedBy}
    >
${options.value ?? ''}</textarea>
  </div>`;
}

/** A date input's three fields as typed. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}
export type DatePart = keyof DateParts;
const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/**
 * The GOV.UK date input: day, month and year fields under one legend, showing back what was typed.
 * The day field's id is the field id; an error about some fields only marks those.
 */
export function dateInput(options: Omit<FieldOptions, 'value'> & { readonly typed: DateParts }): Html {
  const error = options.errors.find((e) => e.field === options.id || e.field.startsWith(`${options.id}-`));
  const parts = fieldParts({ ...options, errors: error ? [{ ...error, field: options.id }] : [] });
  const { typed } = options;
  const part = (name: DatePart, label: string, width: number) => {
    const marked = error && (!error.parts || error.parts.includes(name));
    return html`<div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label
          class="govuk-label govuk-date-input__label"
          for="${name === 'day' ? options.id : `${options.id}-${name}`}"
          >${label}</label
        >
        <input
          class="govuk-input govuk-date-input__input govuk-input--width-${width}${marked ? ' govuk-input--error' : ''}"
          id="${name === 'day' ? options.id : `${options.id}-${name}`}"
          name="${options.name}-${name}"
          type="text"
          inputmode="numeric"
          value="${typed[name] ?? ''}"
        />
      </div>
    </div>`;
  };
  return html`<div class="${parts.groupClass}">
    <fieldset class="govuk-fieldset" role="group" ${parts.describedBy}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${options.label}</legend>
      ${parts.hintHtml}${parts.errorHtml}
      <div class="govuk-date-input">
        ${part('day', 'Day', 2)} ${part('month', 'Month', 2)} ${part('year', 'Year', 4)}
      </div>
    </fieldset>
  </div>`;
}

/** What a date input's fields hold: a real day as YYYY-MM-DD, nothing (all empty), or what is wrong. */
export interface DateReading {
  readonly date: string | null;
  readonly typed: DateParts;
  readonly error: FieldError | null;
}

/** A day as a date input shows it: 2026-03-07 -> 7, 3, 2026. */
export function datePartsOf(isoDate: string): DateParts {
  const [year, month, day] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * A date input's three fields read before anything is asked of the API, with the GOV.UK Design
 * System's messages for an incomplete or impossible date; `what` names the date in them ("The date").
 * `id` is the input's, where a page has several forms with a date of the same name.
 */
export function readDate(
  fields: Readonly<Record<string, string | undefined>>,
  name: string,
  what: string,
  id = name,
): DateReading {
  const [day, month, year] = DATE_PARTS.map((part) => (fields[`${name}-${part}`] ?? '').trim());
  const typed = { day, month, year };
  const wrong = (text: string, parts: readonly DatePart[]): DateReading => ({
    date: null,
    typed,
    // The error summary links to the first field to correct.
    error: { field: parts[0] === 'day' ? id : `${id}-${parts[0]}`, text, parts },
  });
  const missing = DATE_PARTS.filter((part) => !typed[part]);
  if (missing.length === DATE_PARTS.length) return { date: null, typed, error: null };
  if (missing.length > 0) return wrong(`${what} must include a ${joinedWithAnd(missing)}`, missing);
  const notNumbers = DATE_PARTS.filter((part) => !/^\d{1,2}$/.test(typed[part]) && part !== 'year');
  if (notNumbers.length > 0) return wrong(`${what} must be a real date`, notNumbers);
  if (!/^\d{4}$/.test(year)) return wrong('Year must include 4 numbers', ['year']);
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (isIsoDate(date)) return { date, typed, error: null };
  const monthNumber = Number(month);
  const impossible: DatePart = Number(year) < 1 ? 'year' : monthNumber < 1 || monthNumber > 12 ? 'month' : 'day';
  return wrong(`${what} must be a real date`, [impossible]);
}

export interface Choice {
  readonly value: string;
  readonly text: string;
  readonly hint?: string;
}

/** A filter's first choice, which leaves it off. */
export const ANY: Choice = { value: '', text: 'Any' };

/** Radios in a fieldset; the first radio's id is the field id, so the error summary links to it. */
export function radios(
  options: FieldOptions & { readonly choices: readonly Choice[]; readonly small?: boolean },
): Html {
  const parts = fieldParts(options);
  return html`<div class="${parts.groupClass}">
    <fieldset class="govuk-fieldset" ${parts.describedBy}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${options.label}</legend>
      ${parts.hintHtml}${parts.errorHtml}
      <div class="govuk-radios${options.small ? ' govuk-radios--small' : ''}" data-module="govuk-radios">
        ${options.choices.map((choice, index) => {
          const id = index === 0 ? options.id : `${options.id}-${index + 1}`;
          return html`<div class="govuk-radios__item">
            <input
              class="govuk-radios__input"
              id="${id}"
              name="${options.name}"
              type="radio"
              value="${choice.value}"
              ${choice.value === options.value ? html`checked` : html``}
              ${choice.hint ? html`aria-describedby="${id}-hint"` : html``}
            />
            <label class="govuk-label govuk-radios__label" for="${id}">${choice.text}</label>
            ${choice.hint ? html`<div id="${id}-hint" class="govuk-hint govuk-radios__hint">${choice.hint}</div>` : html``}
          </div>`;
        })}
      </div>
    </fieldset>
  </div>`;
}

/** One checkbox in the GOV.UK pattern; the form sends `value` when it is ticked and nothing when not. */
export function checkbox(options: FieldOptions & { readonly checked: boolean; readonly legend: string }): Html {
  const parts = fieldParts(options);
  return html`<div class="${parts.groupClass}">
    <fieldset class="govuk-fieldset" ${parts.describedBy}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${options.legend}</legend>
      ${parts.errorHtml}
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id="${options.id}"
            name="${options.name}"
            type="checkbox"
            value="${options.value ?? 'yes'}"
            ${options.checked ? html`checked` : html``}
            ${options.hint ? html`aria-describedby="${options.id}-hint"` : html``}
          />
          <label class="govuk-label govuk-checkboxes__label" for="${options.id}">${options.label}</label>
          ${options.hint ? html`<div id="${options.id}-hint" class="govuk-hint govuk-checkboxes__hint">${options.hint}</div>` : html``}
        </div>
      </div>
    </fieldset>
  </div>`;
}

export function select(options: FieldOptions & { readonly choices: readonly Choice[] }): Html {
  const parts = fieldParts(options);
  return html`<div class="${parts.groupClass}">
    <label class="govuk-label" for="${options.id}">${options.label}</label>
    ${parts.hintHtml}${parts.errorHtml}
    <select
      class="govuk-select${parts.error ? ' govuk-select--error' : ''}"
      id="${options.id}"
      name="${options.name}"
      ${parts.describedBy}
    >
      ${options.choices.map(
        (choice) =>
          html`<option value="${choice.value}" ${choice.value === options.value ? html` selected` : html``}>
            ${choice.text}
          </option>`,
      )}
    </select>
  </div>`;
}

/** LOCAL_AUTHORITY -> Local authority. */
export function humanise(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The day the platform adds at the end of a title it builds ("Minutes of the meeting of 2026-03-12",
 * "…, effective 2026-12-01", "… (cascade by 2026-12-01)").
 */
const APPENDED_DAY = /(?<=\s)(\d{4}-\d{2}-\d{2})(\)?)$/;
/** The rapid review's decision the platform adds at the end of its title ("…: NATIONAL_PANEL_REFERRAL"). */
const APPENDED_DECISION = /(?<=: )[A-Z_]+$/;
/**
 * Each decision in the words of Working Together (L5): LCSPR is its local child safeguarding
 * practice review, which people outside the partnerships do not know by its initials.
 */
const DECISION_WORDS: Readonly<Record<RapidReviewDecision, string>> = {
  LCSPR: 'local child safeguarding practice review',
  NATIONAL_PANEL_REFERRAL: 'national panel referral',
  NO_REVIEW: 'no review',
};

const wordDay = (title: string) =>
  title.replace(APPENDED_DAY, (_, day: string, bracket: string) => `${isIsoDate(day) ? longDate(day) : day}${bracket}`);
const wordDecision = (title: string) =>
  title.replace(APPENDED_DECISION, (code) =>
    Object.hasOwn(DECISION_WORDS, code) ? DECISION_WORDS[code as RapidReviewDecision] : code,
  );

/**
 * The kinds of item whose titles the platform builds (the area feed's and reports up's projections),
 * with the wording of what it adds at their end. Every other kind's title is what a person typed in
 * full (an escalation, a local decision), whatever day or code it ends in, so it is shown exactly.
 */
const PLATFORM_ENDINGS: ReadonlyMap<string, (title: string) => string> = new Map([
  ['POLICY_PUBLISHED', wordDay],
  ['COMMUNICATION', wordDay],
  ['NOTICE_TO_LEAVE', wordDay],
  ['MINUTES_PUBLISHED', wordDay],
  ['MINUTES_CORRECTED', wordDay],
  ['PRACTICE_REVIEW_DECISION', wordDecision],
]);

/**
 * An item's title as the API carries it, for people: for a kind whose title the platform builds, the
 * day or decision code it added to the end worded (2026-03-12 -> 12 March 2026,
 * LCSPR -> local child safeguarding practice review), and what a person typed before it left
 * exactly as typed. The API keeps the exact text for the areas' systems; only the page words it.
 */
export function forPeople({ title, kind }: { readonly title: string; readonly kind: string }): string {
  const word = PLATFORM_ENDINGS.get(kind);
  return word ? word(title) : title;
}

/**
 * A fresh key in every form: a form sent twice (a double click, a resend after a timeout) is
 * recorded once, as the API's idempotency keys promise.
 */
export function idempotencyField(): Html {
  return html`<input type="hidden" name="idempotencyKey" value="${randomUUID()}" />`;
}
