import { longDate } from '@app/domain';
import { ApiRefusal } from '../api-client';
import { FieldError } from '../components';

/** The refusals of an "as at" date the person can correct: not a date, or before what is shown existed. */
const DATE_REFUSALS = ['VALIDATION_FAILED', 'OUT_OF_RANGE'];

/**
 * The API's refusal of an "as at" date, on the page's `asAt` field: a day before what is shown existed
 * as GOV.UK words a date out of range, from the day the API gives as the earliest it can show, followed
 * by `since` (", when the group was established"); any other refusal of the date as the API says it.
 * Null for a refusal that is not about the date, which the page does not handle.
 */
export function asAtRefusal(error: unknown, since: string): FieldError | null {
  if (!(error instanceof ApiRefusal) || !DATE_REFUSALS.includes(error.code)) return null;
  const { earliest } = error.details;
  return {
    field: 'asAt',
    text:
      typeof earliest === 'string'
        ? `The date must be the same as or after ${longDate(earliest)}${since}`
        : error.message,
  };
}
