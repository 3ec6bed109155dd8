import { requireDate, requireNotBefore } from '../shared/dates';
import { Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { requireName } from '../shared/text';
import { requireAdministratorOrChair } from './permissions';
import { ActiveGroup } from './regional-group.state';

/** L6: an independent scrutineer appointed for the whole group, from a day until `to` (exclusive). */
export type GroupScrutineerAppointed = Message<
  'GroupScrutineerAppointed',
  { scrutineerId: string; name: string; from: string; to: string | null }
>;
export type AppointGroupScrutineer = Message<
  'AppointGroupScrutineer',
  { scrutineerId: string; name: string; from: string; to: string | null; actor: Actor; now: string }
>;

/**
 * L6: what any scrutineer's appointment needs, the group's or an area's: a name, a first day, and an
 * end (when known) after it. Returns the name as recorded.
 */
export function scrutineerAppointment(rawName: string, from: string, to: string | null): string {
  const name = requireName(rawName, "The scrutineer's name");
  requireDate(from, 'The first day of the appointment');
  if (to !== null) {
    requireDate(to, 'The end of the appointment');
    if (to <= from)
      throw new DomainError('VALIDATION_FAILED', `The appointment ends (${to}) after it starts (${from}).`);
  }
  return name;
}

/**
 * L6: the group's own scrutineer, appointed by whoever may change its membership, by the rules an
 * area's scrutineer meets (a name, a first day, an end after it), and not before the group existed.
 */
export function appointGroupScrutineer(
  command: AppointGroupScrutineer,
  group: ActiveGroup,
): GroupScrutineerAppointed[] {
  const { actor, scrutineerId, from, to } = command.data;
  requireAdministratorOrChair(group, actor, 'appoint the group’s independent scrutineer');
  const name = scrutineerAppointment(command.data.name, from, to);
  requireNotBefore(from, group.establishedOn, 'The first day of the appointment', `${group.name} was established`);
  return [{ type: 'GroupScrutineerAppointed', data: { scrutineerId, name, from, to } }];
}
