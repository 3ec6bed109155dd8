import { dateOrToday, requireDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { normaliseName } from '../shared/text';
import { checkCoverage } from './membership.decide';
import { requireAdministratorOrChair } from './permissions';
import { ActiveGroup } from './regional-group.state';
import { AgencyTypeRequired, knownAgencyTypeCodes, LawEvent, REQUIREMENT_SCOPES, RequirementScope } from './law';

type LawCommandOf<Type extends string, Data> = Message<Type, Data & { actor: Actor; now: string }>;
export type DefineAgencyType = LawCommandOf<
  'DefineAgencyType',
  { code: string; name: string; definedOn: string | null }
>;
export type RequireAgencyType = LawCommandOf<
  'RequireAgencyType',
  { code: string; inForceFrom: string; scope: RequirementScope }
>;
export type LawCommand = DefineAgencyType | RequireAgencyType;

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** R2: a kind of organisation the law adds, recorded by whoever may change the membership. */
export function defineAgencyType(command: DefineAgencyType, group: ActiveGroup): LawEvent[] {
  const { actor, now } = command.data;
  requireAdministratorOrChair(group, actor, 'define an agency type');
  const code = command.data.code.trim();
  if (!CODE.test(code)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'An agency type code is 2 to 40 capital letters, digits or underscores, starting with a letter.',
    );
  }
  if (knownAgencyTypeCodes(group.definedAgencyTypes).includes(code)) {
    throw new DomainError('ALREADY_EXISTS', `The agency type ${code} is already known.`);
  }
  const name = normaliseName(command.data.name);
  if (name.length === 0) throw new DomainError('VALIDATION_FAILED', 'An agency type needs a name.');
  const definedOn = dateOrToday(command.data.definedOn, now);
  requireNotFuture(definedOn, now, 'The date the type was defined');
  requireNotBefore(definedOn, group.establishedOn, 'The date the type was defined', `${group.name} was established`);
  return [{ type: 'AgencyTypeDefined', data: { code, name, definedOn } }];
}

/**
 * R2, R3, L1: a requirement in force from a date, which may be a future commencement. For partners,
 * the gaps it makes on that day are worked out now and kept with it, so nobody discovers them later.
 */
export function requireAgencyType(command: RequireAgencyType, group: ActiveGroup): LawEvent[] {
  const { actor, code, inForceFrom, scope } = command.data;
  requireAdministratorOrChair(group, actor, 'record which agency types are required');
  if (!knownAgencyTypeCodes(group.definedAgencyTypes).includes(code)) {
    throw new DomainError('NOT_FOUND', `"${code}" is not an agency type this group knows; define it first.`);
  }
  if (!REQUIREMENT_SCOPES.includes(scope)) {
    throw new DomainError('VALIDATION_FAILED', 'The scope of a requirement is PARTNERS or PARTICIPANTS.');
  }
  requireDate(inForceFrom, 'The date the requirement is in force from');
  requireNotBefore(
    inForceFrom,
    group.establishedOn,
    'The date the requirement is in force from',
    `${group.name} was established`,
  );
  if (group.requirements.some((r) => r.code === code && r.scope === scope)) {
    throw new DomainError('ALREADY_EXISTS', `${code} is already required of the ${scope.toLowerCase()}.`);
  }
  const event: AgencyTypeRequired = {
    type: 'AgencyTypeRequired',
    data: { code, inForceFrom, scope, gapsAccepted: [] },
  };
  const gaps = scope === 'PARTNERS' ? checkCoverage(group, [event], true, inForceFrom) : [];
  return [{ ...event, data: { ...event.data, gapsAccepted: gaps } }];
}
