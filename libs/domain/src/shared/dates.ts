import { addMonths, format, isValid, parse } from 'date-fns';

/** A calendar date, `YYYY-MM-DD`: business dates (appointments, adoptions, financial years) carry no time of day. */
export type IsoDate = string;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return DATE_PATTERN.test(value) && isValid(parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1)));
}

/** Calendar months later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1)), months), 'yyyy-MM-dd');
}

/** The calendar date of an ISO timestamp, as recorded (UTC). */
export function dateOf(instant: string): IsoDate {
  return instant.slice(0, 10);
}
