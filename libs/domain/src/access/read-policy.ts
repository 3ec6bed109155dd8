import { IsoDate } from '../shared/dates';
import { currentAppointments, RegionalGroupState } from '../regional-group/regional-group.state';

/** Platform roles that read every group's business (R43). */
const READS_EVERY_GROUP = ['ADMINISTRATOR', 'AUDITOR'];

/**
 * R43: a group's business (its meetings, and so its calendar) is for its members, meaning the
 * people who represent one of its partners on `date`, and for administrators and auditors.
 * `platformRoles` are the roles an administrator granted the person.
 */
export function mayReadGroup(
  group: RegionalGroupState,
  personId: string,
  platformRoles: readonly string[],
  date: IsoDate,
): boolean {
  if (platformRoles.some((role) => READS_EVERY_GROUP.includes(role))) return true;
  if (group.status !== 'active') return false;
  return currentAppointments(group, date).some((appointment) => appointment.personId === personId);
}
