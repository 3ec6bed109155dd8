import { IsoDate } from '../shared/dates';
import { ActiveGroup, currentAppointments, DEFAULT_TERMS } from './regional-group.state';
import { termsAdoptedBy } from './terms';

export type Quorum = Readonly<{ percentage: number; representativeCount: number; required: number }>;

/** R7: a whole-number percentage of the representatives in the membership, rounded up (66% of 10 is 7). */
export function quorumRequired(percentage: number, representativeCount: number): number {
  return Math.ceil((percentage * representativeCount) / 100);
}

export type QuorumPercentage = Readonly<{ percentage: number; platformDefault: boolean }>;

/**
 * R7, R12 on `date`: the quorum percentage of the terms of reference in force, or, before the group
 * adopts any, the platform's default, saying which, so that nobody takes the default for the group's own.
 */
export function quorumPercentageOn(
  terms: readonly Readonly<{ adoptedOn: IsoDate; quorumPercentage: number }>[],
  date: IsoDate,
): QuorumPercentage {
  const inForce = termsAdoptedBy(terms, date);
  return inForce
    ? { percentage: inForce.quorumPercentage, platformDefault: false }
    : { percentage: DEFAULT_TERMS.quorumPercentage, platformDefault: true };
}

/** The quorum as the membership and terms stood on `date` (R7, A3). */
export function quorumOf(group: ActiveGroup, date: IsoDate): Quorum {
  const { percentage } = quorumPercentageOn(group.terms, date);
  const representativeCount = currentAppointments(group, date).length;
  return { percentage, representativeCount, required: quorumRequired(percentage, representativeCount) };
}
