import { groupDateOf, IsoDate, isAfterToday } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/**
 * A history window, by the dates things happened, as asked on `now` (A2): refused when it ends
 * before it starts, or starts on a day still to come, for no event happens after the day it is
 * recorded (`happenedOn`) and either window would be empty. Each refusal carries its dates, so a
 * page can word them as it shows dates.
 */
export function checkHistoryWindow(from: IsoDate | null, to: IsoDate | null, now: string): void {
  if (from !== null && to !== null && from > to) {
    throw new DomainError('VALIDATION_FAILED', `"from" (${from}) is after "to" (${to}): the window would be empty.`, {
      field: 'from',
      from,
      to,
    });
  }
  if (from !== null && isAfterToday(from, now)) {
    const today = groupDateOf(now);
    throw new DomainError(
      'VALIDATION_FAILED',
      `"from" (${from}) is after today (${today}): nothing has happened on a day still to come.`,
      { field: 'from', from, today },
    );
  }
}
