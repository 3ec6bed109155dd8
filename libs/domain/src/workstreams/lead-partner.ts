import { IsoDate } from '../shared/dates';
import { isMemberOn, MembershipDates } from '../regional-group/regional-group.state';
import { Succeeded, successorOn } from '../regional-group/succession';

/** A core partner of the group as the lead rule reads it: its days of membership and its successor. */
export type LeadCandidate = Succeeded & MembershipDates;

/**
 * Who leads on a day for the partner a workstream names: `partnerId`, and whether it was a core
 * partner of the group that day.
 */
export type LeadOn = Readonly<{ partnerId: string; corePartner: boolean }>;

/**
 * W1, R16: the partner leading on `date` for the one a workstream names as lead partner: that
 * partner, or the last of its line of successors that had taken over its leads by then (a CCG's
 * are its ICB's from 1 July 2022). `corePartner` is false when the one reached was not a core
 * partner of the group that day: not yet admitted, gone (as recorded: a notice to leave counts from
 * the day the partner left), or no partner of the group at all.
 */
export function leadPartnerOn(partners: readonly LeadCandidate[], leadPartnerId: string, date: IsoDate): LeadOn {
  const partnerId = successorOn(partners, leadPartnerId, date);
  const partner = partners.find((candidate) => candidate.partnerId === partnerId);
  return { partnerId, corePartner: partner !== undefined && isMemberOn(partner, date) };
}
