import { isIsoDate } from '@app/domain';
import { longDate } from './components';

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
