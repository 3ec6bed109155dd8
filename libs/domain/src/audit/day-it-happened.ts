import { dateOrToday, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/** A day a fact is bounded by, and what happened on it, to finish the sentence that refuses a day beyond it. */
export type DayBound = Readonly<{ on: IsoDate; what: string }>;

/**
 * What a fact's day must fall within: on or after every `notBefore` day (the workstream existed,
 * the task had been added), on or before every `notAfter` day (the meeting the views were for).
 */
export type DayBounds = Readonly<{ notBefore?: readonly DayBound[]; notAfter?: readonly DayBound[] }>;

/**
 * The day a fact happened in the world, as a command records it on `now` (DOMAIN.md, "Audit and
 * time"): the day given, for history entered after the fact, or today in London when none is. A
 * day not written YYYY-MM-DD, or after today, is refused (VALIDATION_FAILED); so is one outside
 * the fact's bounds (OUT_OF_RANGE), for a fact cannot have happened before what it changes existed.
 */
export function dayItHappened(
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
