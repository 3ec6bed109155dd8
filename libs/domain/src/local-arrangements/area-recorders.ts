import { IsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { agencyTypeOn } from '../regional-group/agency-types';
import { ActiveGroup, areasOn, partnersOn } from '../regional-group/regional-group.state';

/**
 * L3, R41: an area's own business manager acts for that area, and only for it: acknowledging its
 * feed, deciding on regional policies, sending reports and escalations up. The decider refuses by
 * it and pages ask it (through the API) before offering those forms.
 */
export function mayActForArea(actor: Actor, areaId: string, managedAreaIds: readonly string[]): boolean {
  return actor.roles.includes('AREA_BUSINESS_MANAGER') && managedAreaIds.includes(areaId);
}

/** `mayActForArea`, refused with the action named. */
export function requireAreaManager(
  actor: Actor,
  areaId: string,
  managedAreaIds: readonly string[],
  action: string,
): void {
  if (!mayActForArea(actor, areaId, managedAreaIds)) {
    throw new DomainError('FORBIDDEN', `Only the area's own business manager ${action}.`, {
      requiredRole: 'AREA_BUSINESS_MANAGER of the area',
    });
  }
}

/** The statutory partners (Children Act 2004 s16E) that cover an area on `date`: who may record its statutory decisions. */
export function statutoryPartnersOfArea(group: ActiveGroup, areaId: string, date: IsoDate): string[] {
  return partnersOn(group, date)
    .filter((partner) => agencyTypeOn(partner.agencyType, date)?.statutory === true)
    .filter((partner) => areasOn(partner.coverage, date).includes(areaId))
    .map((partner) => partner.partnerId);
}

/** Who may record an area's statutory decisions (L5), as the handler found them when the command came. */
export type StatutoryRecorders = Readonly<{
  managedAreaIds: readonly string[];
  /** The statutory partners covering the area today. */
  statutoryPartnerIds: readonly string[];
}>;

/**
 * L5, R11, R41: a practice review is the area's statutory partners' business: its business
 * manager records it, or a representative of one of the statutory partners that cover the area.
 * The region, and anyone acting for another area, is refused.
 */
export function requireStatutoryRecorder(
  actor: Actor,
  areaId: string,
  recorders: StatutoryRecorders,
  action: string,
): void {
  const isAreaManager = actor.roles.includes('AREA_BUSINESS_MANAGER') && recorders.managedAreaIds.includes(areaId);
  const isStatutoryPartner = actor.partnerId !== null && recorders.statutoryPartnerIds.includes(actor.partnerId);
  if (isAreaManager || isStatutoryPartner) return;
  throw new DomainError(
    'FORBIDDEN',
    `Only the area's business manager or a representative of one of its statutory partners ${action}; the region never records for an area (R11).`,
    { requiredRole: 'AREA_BUSINESS_MANAGER of the area, or REPRESENTATIVE of a statutory partner covering it' },
  );
}
