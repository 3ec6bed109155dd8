import { dateOrToday, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/** A day a fact is bounded by, and what happened on it, to finish the sentence that refuses a day beyond it. */
export type DayBound = Readonly<{ on: IsoDate; what: string }>;

/**
 * What a fact's day must fall within: on or after every `notBefore` day (the workstream existed,
 * the task had been added), on or before every `notAfter` day (the meeting the views were for).
 */
export type DayBounds = Readonly<{ notBefore?: readonly DayBound[]; notAfter?: readonly DayBound[] }>;

/** The input field a day is given in (`addedOn`), and how a sentence names it ("The day the member was added"). */
export type DayField = Readonly<{ field: string; label: string }>;

/**
 * The day a fact happened in the world, as a command records it on `now` (DOMAIN.md, "Audit and
 * time"): the day given, for history entered after the fact, or today in London when none is. A
 * day not written YYYY-MM-DD, or after today, is refused (VALIDATION_FAILED); so is one outside
 * the fact's bounds (OUT_OF_RANGE), for a fact cannot have happened before what it changes existed.
 * Every refusal names the field in `field` and `problems`, as input validation names a malformed
 * day, so a form marks the same field whichever check refused it.
 */
export function dayItHappened(
  given: string | null | undefined,
  now: string,
  { field, label }: DayField,
  bounds: DayBounds,
): IsoDate {
  return inField(field, () => dayWithin(given, now, label, bounds));
}

/**
 * `check` of a value given in the input field `field` (a day, a due date): a refusal it throws
 * names that field in `field` and `problems`, so a form marks the field the refusal is about.
 */
export function inField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(error.code, error.message, {
      ...error.details,
      field,
      problems: [{ field, sentence: error.message }],
    });
  }
}

function dayWithin(
  given: string | null | undefined,
  now: string,
  label: string,
  { notBefore = [], notAfter = [] }: DayBounds,
): IsoDate {
  const day = dateOrToday(given, now);
  requireNotFuture(day, now, label);
  for (const bound of notBefore) requireNotBefore(day, bound.on, label, bound.what);
  for (const bound of notAfter) {
    if (day > bound.on) {
      throw new DomainError('OUT_OF_RANGE', `${label} (${day}) is after ${bound.what} (${bound.on}).`, {
        latest: bound.on,
      });
    }
  }
  return day;
}
