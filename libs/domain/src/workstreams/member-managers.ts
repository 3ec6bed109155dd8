import { Actor } from '../shared/roles';
import { WorkstreamPeople } from './task-editors';

/** The group's officers, who commission its workstreams and manage any of them. */
export const isGroupOfficer = (actor: Actor): boolean =>
  actor.roles.includes('ADMINISTRATOR') || actor.roles.includes('CHAIR');

/**
 * Membership of a workstream (adding and removing members, changing its lead, carrying its tasks
 * over, closing it) is managed by its lead on the day, the group's chair or an administrator; a
 * member does not manage their peers.
 */
export function mayManageMembers(people: WorkstreamPeople, actor: Actor): boolean {
  return isGroupOfficer(actor) || people.leadId === actor.personId;
}
