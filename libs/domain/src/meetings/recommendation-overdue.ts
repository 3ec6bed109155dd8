import { IsoDate } from '../shared/dates';
import { RecommendationResponse } from './meeting.events';

/**
 * R9 on `date`: a recommendation past its due date while a target organisation has yet to
 * implement or decline it (no response, or accepted only).
 */
export function isRecommendationOverdue(
  responses: readonly (RecommendationResponse | null)[],
  dueDate: IsoDate,
  date: IsoDate,
): boolean {
  const outstanding = responses.some((response) => response === null || response === 'ACCEPTED');
  return outstanding && dueDate < date;
}
