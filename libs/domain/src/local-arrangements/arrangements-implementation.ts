import { addMonthsToDate, IsoDate } from '../shared/dates';

export type ImplementationStatus = 'DUE' | 'OVERDUE' | 'DONE';

/** L4: a published version of the arrangements is to be implemented within this many months. */
export const IMPLEMENTATION_DUE_MONTHS = 3;

/**
 * L4, the one rule: implementation is due within 3 months of publishing; on `date` it is DONE once
 * implemented by then, OVERDUE after the due day, DUE until it.
 */
export function implementationOn(
  publishedOn: IsoDate,
  implementedOn: IsoDate | null,
  date: IsoDate,
): { dueOn: IsoDate; status: ImplementationStatus } {
  const dueOn = addMonthsToDate(publishedOn, IMPLEMENTATION_DUE_MONTHS);
  if (implementedOn !== null && implementedOn <= date) return { dueOn, status: 'DONE' };
  return { dueOn, status: date > dueOn ? 'OVERDUE' : 'DUE' };
}
