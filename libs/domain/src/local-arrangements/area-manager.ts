import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';

/** L3, R11, R41: an area's own business manager acts for that area, and only for it; never the region. */
export function requireAreaManager(
  actor: Actor,
  areaId: string,
  managedAreaIds: readonly string[],
  action: string,
): void {
  if (!actor.roles.includes('AREA_BUSINESS_MANAGER') || !managedAreaIds.includes(areaId)) {
    throw new DomainError('FORBIDDEN', `Only the area's own business manager ${action}.`, {
      requiredRole: 'AREA_BUSINESS_MANAGER of the area',
    });
  }
}
