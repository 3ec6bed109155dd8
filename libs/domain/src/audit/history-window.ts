import { IsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/**
 * A history window, by the dates things happened, is refused when it ends before it starts (A2);
 * the refusal carries both dates, so a page can word them as it shows dates.
 */
export function checkHistoryWindow(from: IsoDate | null, to: IsoDate | null): void {
  if (from !== null && to !== null && from > to) {
    throw new DomainError('VALIDATION_FAILED', `"from" (${from}) is after "to" (${to}): the window would be empty.`, {
      field: 'from',
      from,
      to,
    });
  }
}
