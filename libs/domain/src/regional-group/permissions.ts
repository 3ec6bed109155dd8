import { groupDateOf } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { ActiveGroup, currentAppointments } from './regional-group.state';

/** The partner `actor` currently represents in this group, if any. */
export function partnerRepresentedBy(group: ActiveGroup, actor: Actor, now: string): string | null {
  const appointment = currentAppointments(group, groupDateOf(now)).find((a) => a.personId === actor.personId);
  return appointment?.partnerId ?? null;
}

export function isChair(group: ActiveGroup, actor: Actor): boolean {
  return group.chair !== null && group.appointments.get(group.chair)?.personId === actor.personId;
}

/** Membership, terms and agreed funding are recorded by the administrator or by the group's chair. */
export function requireAdministratorOrChair(group: ActiveGroup, actor: Actor, action: string): void {
  if (actor.roles.includes('ADMINISTRATOR') || isChair(group, actor)) return;
  throw new DomainError('FORBIDDEN', `Only an administrator or the group's chair can ${action}.`, {
    requiredRole: 'ADMINISTRATOR or CHAIR',
  });
}
