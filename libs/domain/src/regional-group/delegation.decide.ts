import { dateOrToday, requireDate, requireNotBefore } from '../shared/dates';
import { Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { normaliseName, requireName } from '../shared/text';
import { DelegationEvent, Seniority } from './delegation';
import { requireAdministratorOrChair } from './permissions';
import { SENIORITIES } from './regional-group.commands';
import { ActiveGroup } from './regional-group.state';

type DelegationCommandOf<Type extends string, Data> = Message<Type, Data & { actor: Actor; now: string }>;
export type SetDelegateMinimumSeniority = DelegationCommandOf<
  'SetDelegateMinimumSeniority',
  { seniority: Seniority; from: string | null }
>;
export type RecordPartnershipChair = DelegationCommandOf<
  'RecordPartnershipChair',
  { name: string; title: string; from: string | null }
>;
export type DelegationCommand = SetDelegateMinimumSeniority | RecordPartnershipChair;

function fromDate(group: ActiveGroup, from: string | null, now: string): string {
  const date = dateOrToday(from, now);
  requireDate(date, 'The first day');
  requireNotBefore(date, group.establishedOn, 'The first day', `${group.name} was established`);
  return date;
}

/** R17: set by whoever may change the group's membership; may take effect on a day to come. */
export function setDelegateMinimumSeniority(
  command: SetDelegateMinimumSeniority,
  group: ActiveGroup,
): DelegationEvent[] {
  const { actor, seniority, now } = command.data;
  requireAdministratorOrChair(group, actor, 'set the minimum seniority of delegates');
  if (!(SENIORITIES as readonly string[]).includes(seniority))
    throw new DomainError('VALIDATION_FAILED', `The seniority must be one of ${SENIORITIES.join(', ')}.`);
  return [{ type: 'DelegateMinimumSenioritySet', data: { seniority, from: fromDate(group, command.data.from, now) } }];
}

/** R17: the partnership chair, who need not be a representative (an independent chair). */
export function recordPartnershipChair(command: RecordPartnershipChair, group: ActiveGroup): DelegationEvent[] {
  const { actor, now } = command.data;
  requireAdministratorOrChair(group, actor, 'record the partnership chair');
  const name = requireName(command.data.name, "The partnership chair's name");
  const title = normaliseName(command.data.title);
  return [{ type: 'PartnershipChairRecorded', data: { name, title, from: fromDate(group, command.data.from, now) } }];
}
