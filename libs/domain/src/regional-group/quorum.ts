import { IsoDate } from '../shared/dates';
import { ActiveGroup, currentAppointments } from './regional-group.state';
import { termsInForceOn } from './terms';

export type Quorum = Readonly<{ percentage: number; representativeCount: number; required: number }>;

/** R7: a whole-number percentage of the representatives in the membership, rounded up (66% of 10 is 7). */
export function quorumRequired(percentage: number, representativeCount: number): number {
  return Math.ceil((percentage * representativeCount) / 100);
}

/** The quorum as the membership and terms stood on `date` (R7, A3). */
export function quorumOf(group: ActiveGroup, date: IsoDate): Quorum {
  const percentage = termsInForceOn(group.terms, date).terms.quorumPercentage;
  const representativeCount = currentAppointments(group, date).length;
  return { percentage, representativeCount, required: quorumRequired(percentage, representativeCount) };
}
