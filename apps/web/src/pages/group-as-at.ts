import { isAfterToday, longDate } from '@app/domain';
import { button, DateParts, dateInput, datePartsOf, FieldError, readDate } from '../components';
import { html, Html } from '../html';
import { asAtRefusal } from './as-at-refusal';

/** A group page's data as at a day: the day shown (null for today), what was typed, and what is wrong with it. */
export interface SeenAsAt<T> {
  readonly data: T;
  readonly asAt: string | null;
  readonly typed: DateParts;
  readonly errors: FieldError[];
}

/**
 * A group page's data as at the day in its address (`asAt-day`, `-month`, `-year`), today's when none is
 * given. A mistyped date, or one the API refuses (before what is shown existed, worded with `since`), goes
 * to the error summary over today's page: never ignored, never half shown.
 */
export async function seenAsAt<T>(
  query: Readonly<Record<string, string | undefined>>,
  load: (asAt: string | null) => Promise<T>,
  since = ', when the group was established',
): Promise<SeenAsAt<T>> {
  const asked = readDate(query, 'asAt', 'The date');
  const today = async (errors: FieldError[]) => ({ data: await load(null), asAt: null, typed: asked.typed, errors });
  if (asked.error) return today([asked.error]);
  if (!asked.date) return today([]);
  try {
    return { data: await load(asked.date), asAt: asked.date, typed: asked.typed, errors: [] };
  } catch (error) {
    const refusal = asAtRefusal(error, since);
    if (!refusal) throw error;
    return today([refusal]);
  }
}

/** The address of a group page as at a day, as its form sends it, so that links keep the day; as it is for today. */
export function withAsAt(path: string, asAt: string | null): string {
  if (!asAt) return path;
  const { day, month, year } = datePartsOf(asAt);
  return `${path}?${new URLSearchParams({ 'asAt-day': day, 'asAt-month': month, 'asAt-year': year }).toString()}`;
}

/** The form asking which day a group page shows; `label` says what is shown. */
export function asAtForm(action: string, label: string, seen: SeenAsAt<unknown>): Html {
  return html`<form method="get" action="${action}" novalidate>
    ${dateInput({
      id: 'asAt',
      name: 'asAt',
      label,
      hint: 'For example, 31 3 2025. Leave empty for today.',
      typed: seen.typed,
      errors: seen.errors,
    })}
    ${button('Show', 'secondary')}
  </form>`;
}

/** `subject` on a day: a day still to come shows what is planned for it (a requirement in force from then), not what was. */
export function asAtCaption(subject: string, asAt: string, now: Date): string {
  return isAfterToday(asAt, now.toISOString())
    ? `${subject} as planned for ${longDate(asAt)}, from what is recorded today`
    : `${subject} as it stood on ${longDate(asAt)}`;
}
