import { IsoDate } from '../shared/dates';
import { Message } from '../shared/decider';
import { SENIORITIES } from './regional-group.commands';

export type Seniority = (typeof SENIORITIES)[number];

/** R17: the least seniority a delegated safeguarding partner should hold, from a day. */
export type DelegateMinimumSenioritySet = Message<
  'DelegateMinimumSenioritySet',
  { seniority: Seniority; from: IsoDate }
>;
/** R17, Working Together 2023: the partnership chair the partners appoint, from a day. */
export type PartnershipChairRecorded = Message<
  'PartnershipChairRecorded',
  { name: string; title: string; from: IsoDate }
>;
/**
 * R17, Working Together 2023: a statutory partner's lead safeguarding partner (its head: the
 * council's chief executive, the chief constable, the ICB's chief executive) and the delegated
 * safeguarding partner the lead named, from a day until the partner names again.
 */
export type SafeguardingPartnersNamed = Message<
  'SafeguardingPartnersNamed',
  {
    partnerId: string;
    lead: Readonly<{ name: string; title: string }>;
    delegate: Readonly<{ name: string; title: string; seniority: Seniority }>;
    from: IsoDate;
  }
>;
export type DelegationEvent = DelegateMinimumSenioritySet | PartnershipChairRecorded | SafeguardingPartnersNamed;

/** The latest of dated settings begun by `date`. */
export function inForceOn<T extends { from: IsoDate }>(settings: readonly T[], date: IsoDate): T | null {
  return (
    [...settings]
      .filter((s) => s.from <= date)
      .sort((a, b) => (a.from < b.from ? -1 : 1))
      .at(-1) ?? null
  );
}

/**
 * R17, the one rule: a delegation is flagged (never refused) when the delegate's seniority ranks
 * below the minimum the group set in force on `date`. SENIORITIES runs from most to least senior.
 */
export function delegationBelowMinimum(
  seniority: string,
  minimums: readonly { seniority: string; from: IsoDate }[],
  date: IsoDate,
): boolean {
  const minimum = inForceOn(minimums, date);
  if (!minimum) return false;
  const rank = (value: string) => (SENIORITIES as readonly string[]).indexOf(value);
  return rank(seniority) > rank(minimum.seniority);
}
