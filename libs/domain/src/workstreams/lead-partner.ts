import { IsoDate } from '../shared/dates';
import { ActiveGroup, isMemberOn, MembershipDates, Partner } from '../regional-group/regional-group.state';
import { Succeeded, successorOn } from '../regional-group/succession';

/**
 * A core partner of the group as the lead rule reads it: its days of membership, its successor, and
 * the day its notice to leave takes effect while that notice is open (R13: its departure is recorded
 * only once that day has come).
 */
export type LeadCandidate = Succeeded & MembershipDates & Readonly<{ noticeEffectiveOn: IsoDate | null }>;

/**
 * Who leads on a day for the partner a workstream names: `partnerId`, whether it was a core partner
 * of the group that day, and, when an open notice to leave is why it was not, the day that notice
 * takes effect.
 */
export type LeadOn = Readonly<{ partnerId: string; corePartner: boolean; noticeEffectiveOn: IsoDate | null }>;

/** The group's partners, ever, each with the effective day of its open notice to leave, if any. */
export function leadCandidatesOf(group: ActiveGroup): (Partner & LeadCandidate)[] {
  const open = Object.values(group.notices).filter((notice) => notice.status === 'OPEN');
  return Object.values(group.partners).map((partner) => ({
    ...partner,
    noticeEffectiveOn: open.find((notice) => notice.partnerId === partner.partnerId)?.effectiveOn ?? null,
  }));
}

/**
 * W1, R16: the partner leading on `date` for the one a workstream names as lead partner: that
 * partner, or the last of its line of successors that had taken over its leads by then (a CCG's
 * are its ICB's from 1 July 2022). `corePartner` is false when the one reached was not a core
 * partner of the group that day: not yet admitted, gone, leaving by then under an open notice (R13:
 * it is no member on the notice's effective day), or no partner of the group at all.
 */
export function leadPartnerOn(partners: readonly LeadCandidate[], leadPartnerId: string, date: IsoDate): LeadOn {
  const partnerId = successorOn(partners, leadPartnerId, date);
  const partner = partners.find((candidate) => candidate.partnerId === partnerId);
  if (partner === undefined || !isMemberOn(partner, date)) {
    return { partnerId, corePartner: false, noticeEffectiveOn: null };
  }
  const noticeEffectiveOn = partner.noticeEffectiveOn;
  if (noticeEffectiveOn !== null && noticeEffectiveOn <= date)
    return { partnerId, corePartner: false, noticeEffectiveOn };
  return { partnerId, corePartner: true, noticeEffectiveOn: null };
}
