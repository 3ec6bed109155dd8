import Holidays from 'date-holidays';
import { addDays, format, parse } from 'date-fns';
import { IsoDate } from './dates';

/** England's bank holidays as `date-holidays` publishes them (GB, region ENG), never a typed list. */
const ENGLAND = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });

const toDate = (date: IsoDate): Date => parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1, 12));

/** A working day in England: Monday to Friday and not a bank holiday (a substitute day counts as one). */
export function isWorkingDay(date: IsoDate): boolean {
  const day = toDate(date).getDay();
  return day !== 0 && day !== 6 && !bankHolidaysOf(Number(date.slice(0, 4))).has(date);
}

// Asked once per year: projections count deadlines for every review they hold.
const byYear = new Map<number, ReadonlySet<IsoDate>>();
function bankHolidaysOf(year: number): ReadonlySet<IsoDate> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(ENGLAND.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

/**
 * The day `days` working days after `start` (L5): the count starts on the next working day, so an
 * incident known on Friday 18 December 2026 has its notification due on Tuesday 29 December,
 * past Christmas Day and the Boxing Day substitute on 28 December.
 */
export function addWorkingDays(start: IsoDate, days: number): IsoDate {
  let date = toDate(start);
  let counted = 0;
  while (counted < days) {
    date = addDays(date, 1);
    if (isWorkingDay(format(date, 'yyyy-MM-dd'))) counted += 1;
  }
  return format(date, 'yyyy-MM-dd');
}
