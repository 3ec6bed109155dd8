import { IsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';

/** A history window, by the dates things happened, is refused when it ends before it starts (A2). */
export function checkHistoryWindow(from: IsoDate | null, to: IsoDate | null): void {
  if (from !== null && to !== null && from > to) {
    throw new DomainError('VALIDATION_FAILED', `"from" (${from}) is after "to" (${to}): the window would be empty.`);
  }
}
