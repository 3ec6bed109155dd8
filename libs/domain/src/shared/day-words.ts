import { isIsoDate } from './dates';

/*
 * Days and moments in the words people in England read them, in London's time: one wording for the
 * web pages and for the texts the demo writes (its minutes name their meeting's day), so the two agree.
 */

/** A date as people in England write it: 1 March 2020. */
export function longDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}

/**
 * A time of day in London as GOV.UK writes it: 10am, 5:30pm, and midday and midnight rather than
 * 12pm and 12am, which readers confuse.
 */
function timeOfDay(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
  }).formatToParts(date);
  const [hour, minute] = (['hour', 'minute'] as const).map((type) =>
    Number(parts.find((part) => part.type === type)?.value),
  );
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  const minutes = minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`;
  return `${hour % 12 || 12}${minutes}${hour < 12 ? 'am' : 'pm'}`;
}

/** A moment as GOV.UK writes it: 1 December 2026 at 10am. */
export function dateTime(isoDateTime: string): string {
  return `${longDate(isoDateTime)} at ${timeOfDay(new Date(isoDateTime))}`;
}

/**
 * A day written YYYY-MM-DD standing on its own: not the day of a moment (2026-11-01T09:30:00Z),
 * nor part of a longer code (a reference such as BRS-2025-11-03, an id).
 */
const STANDALONE_DAY = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/g;

/**
 * A sentence of the API's with each of its days worded as the pages word days (2026-11-19 ->
 * 19 November 2026). The API writes days YYYY-MM-DD for the programs that read its sentences; a
 * person reads them on a page. A day that does not exist (2026-02-30) is what the person must
 * correct, so it stays as the API wrote it.
 */
export function withDaysInWords(sentence: string): string {
  return sentence.replace(STANDALONE_DAY, (day) => (isIsoDate(day) ? longDate(day) : day));
}
