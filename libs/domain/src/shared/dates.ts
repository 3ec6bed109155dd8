import { addDays, addMonths, format, parse } from 'date-fns';
import { DomainError } from './domain-error';

/** A calendar date, `YYYY-MM-DD`: business dates (appointments, adoptions, financial years) carry no time of day. */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real day of the Gregorian calendar from year 1, written YYYY-MM-DD. Checked by arithmetic
 * rather than by a date library's parser: replaying the history asks it of every event's dates.
 */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** Calendar months later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1)), months), 'yyyy-MM-dd');
}

/** Calendar days later: counted on the calendar, so a change of the clocks never moves the day. */
export function addDaysToDate(date: IsoDate, days: number): IsoDate {
  return format(addDays(parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1)), days), 'yyyy-MM-dd');
}

/** Every group works in England: its days begin and end in London, not in UTC. */
export const GROUP_TIME_ZONE = 'Europe/London';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: GROUP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
/**
 * From here on London's offset from UTC is a whole number of hours and changes on a UTC hour, so
 * every instant of one UTC hour falls on the same London day. Before 1 December 1847 London kept
 * its mean time, 75 seconds behind UTC.
 */
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1900, 0, 1);
/** UTC hours whose London day is remembered: a few months' worth, emptied when full. */
const REMEMBERED_HOURS = 4096;
const londonDayOfHour = new Map<number, IsoDate>();

/**
 * The calendar day an instant falls on in the group's time zone: 30 June 2022 23:30 UTC is 1 July in
 * London. Remembered by UTC hour: replaying the history asks it of every event, and formatting with
 * Intl costs far more than the lookup.
 */
export function groupDateOf(instant: string): IsoDate {
  const time = Date.parse(instant);
  // Not a time at all (NaN) also goes this way, for Intl's RangeError.
  if (!(time >= WHOLE_HOUR_OFFSETS_FROM)) return LONDON_DAY.format(new Date(instant));
  const hour = Math.floor(time / HOUR_MS);
  let day = londonDayOfHour.get(hour);
  if (day === undefined) {
    if (londonDayOfHour.size >= REMEMBERED_HOURS) londonDayOfHour.clear();
    day = LONDON_DAY.format(time);
    londonDayOfHour.set(hour, day);
  }
  return day;
}

/**
 * The instant a day ends in the group's time zone, as an ISO string: what was recorded before it
 * happened by the end of that day. London's midnight is 23:00 UTC in British Summer Time.
 */
export function groupDayEndsAt(day: IsoDate): string {
  const next = addDaysToDate(day, 1);
  // 9999-12-31 has no next day an ISO string can write: it ends after every instant recorded.
  if (next.length > 10) return `${day}T23:59:59.999Z`;
  const summerMidnight = new Date(Date.parse(`${next}T00:00:00Z`) - 3_600_000);
  return groupDateOf(summerMidnight.toISOString()) === next
    ? summerMidnight.toISOString()
    : new Date(`${next}T00:00:00Z`).toISOString();
}

/** A business date as given, or today in the group's time zone when the sender gives none. */
export function dateOrToday(date: IsoDate | null | undefined, now: string): IsoDate {
  return date ?? groupDateOf(now);
}

/**
 * What is wrong with `value` as a day, to follow the field's name in a sentence: that it must be
 * written YYYY-MM-DD, or, written so, that no such day exists (2019-02-31); null for a day.
 */
export function dateProblem(value: unknown): string | null {
  if (typeof value === 'string' && isIsoDate(value)) return null;
  return typeof value === 'string' && DATE_PATTERN.test(value)
    ? `(${value}) is not a real date`
    : 'must be a date written YYYY-MM-DD';
}

/** RFC 3339's date-time: a day, a time of day and Z or an offset. */
const DATE_TIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/**
 * What is wrong with `value` as a moment, to follow its name in a sentence: how one is written, or,
 * written so, that its day does not exist (2027-02-30T10:00:00Z); null for a date and time.
 */
export function dateTimeProblem(value: unknown): string | null {
  const match = typeof value === 'string' ? DATE_TIME_PATTERN.exec(value) : null;
  if (!match) return 'is not a date and time: write one as 2026-11-01T09:30:00Z, with Z or an offset such as +01:00';
  return isIsoDate(match[1]) ? null : `is on a day that does not exist (${match[1]})`;
}

export function requireDate(value: string, label: string): void {
  const problem = dateProblem(value);
  if (problem !== null) throw new DomainError('VALIDATION_FAILED', `${label} ${problem}.`);
}

/** A day after today in the group's time zone: what is recorded for it is planned, not yet so. */
export function isAfterToday(date: IsoDate, now: string): boolean {
  return date > groupDateOf(now);
}

/** A fact that has happened cannot be dated after today (in the group's time zone). */
export function requireNotFuture(date: IsoDate, now: string, label: string): void {
  requireDate(date, label);
  if (isAfterToday(date, now))
    throw new DomainError('VALIDATION_FAILED', `${label} (${date}) is in the future; record it once it has happened.`);
}

/**
 * OUT_OF_RANGE: what the platform showed at a moment can only be asked of a moment that has come
 * (A3); of a later one there is nothing recorded yet to show, and answering with today's records
 * would present them as a record of the future.
 */
export function requireRecordedMomentPassed(instant: string, now: string): void {
  if (instant > now) {
    throw new DomainError(
      'OUT_OF_RANGE',
      `asRecordedAt (${instant}) has not come yet: ask what the platform showed at a moment up to now (${now}).`,
      { latest: now },
    );
  }
}

/**
 * OUT_OF_RANGE: a fact dated before the thing it is about existed. With `field`, the input's day it is
 * about, so a form puts the refusal on that day rather than on its first field.
 */
export function requireNotBefore(date: IsoDate, earliest: IsoDate, label: string, what: string, field?: string): void {
  if (date < earliest) {
    throw new DomainError(
      'OUT_OF_RANGE',
      `${label} (${date}) is before ${what} (${earliest}).`,
      field ? { earliest, field } : { earliest },
    );
  }
}
