import { IsoDate } from '../shared/dates';
import { isMemberOn, MembershipDates } from '../regional-group/regional-group.state';
import { Succeeded } from '../regional-group/succession';

/** A core partner of the group as the lead rule reads it: its days of membership and its successor. */
export type LeadCandidate = Succeeded & MembershipDates;

/**
 * W1, R16: the partner leading on `date` for the one a workstream names as lead partner: that
 * partner while it is a core partner, then the successor that took over its leads by then (a CCG's
 * are its ICB's from 1 July 2022), down the line of successors; null when the one reached was not a
 * core partner of the group that day (not yet admitted, gone, or no partner of the group at all).
 */
export function leadPartnerOn(partners: readonly LeadCandidate[], leadPartnerId: string, date: IsoDate): string | null {
  const byId = new Map(partners.map((partner) => [partner.partnerId, partner]));
  const passed = new Set<string>();
  let partner = byId.get(leadPartnerId);
  while (
    partner?.succeededBy &&
    partner.succeededOn !== null &&
    partner.succeededOn <= date &&
    !passed.has(partner.partnerId)
  ) {
    passed.add(partner.partnerId);
    partner = byId.get(partner.succeededBy);
  }
  return partner !== undefined && isMemberOn(partner, date) ? partner.partnerId : null;
}
