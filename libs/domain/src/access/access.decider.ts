import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor, PLATFORM_ROLES, PlatformRole } from '../shared/roles';
import { PersistentMap } from '../shared/persistent-map';
import { requireName } from '../shared/text';
import {
  CalendarTokenCommand,
  CalendarTokenEvent,
  CalendarTokens,
  evolveCalendarTokens,
  issueCalendarToken,
  revokeCalendarToken,
} from './calendar-tokens';

/** The platform's people and the roles an administrator grants them: one stream, `access-platform`. */
export const ACCESS_STREAM = 'access-platform';

export type PersonRegistered = Message<
  'PersonRegistered',
  { personId: string; name: string; email: string | null; subject: string }
>;
export type RoleGranted = Message<'RoleGranted', { personId: string; role: PlatformRole; areaId: string | null }>;
export type RoleRevoked = Message<'RoleRevoked', { personId: string; role: PlatformRole; areaId: string | null }>;
export type AccessEvent = PersonRegistered | RoleGranted | RoleRevoked | CalendarTokenEvent;

export type InitialisePlatform = Message<
  'InitialisePlatform',
  { personId: string; name: string; email: string | null; subject: string | null }
>;
export type RegisterPerson = Message<
  'RegisterPerson',
  { personId: string; name: string; email: string | null; subject: string | null; actor: Actor }
>;
export type GrantRole = Message<
  'GrantRole',
  {
    personId: string;
    role: string;
    areaId: string | null;
    /** Whether `areaId` names an area of some regional group, as read from that group's stream. */
    areaKnown: boolean;
    actor: Actor;
  }
>;
export type RevokeRole = Message<'RevokeRole', { personId: string; role: string; areaId: string | null; actor: Actor }>;
export type AccessCommand = InitialisePlatform | RegisterPerson | GrantRole | RevokeRole | CalendarTokenCommand;

export type Person = Readonly<{ personId: string; name: string; email: string | null; subject: string }>;
export type Grant = Readonly<{ personId: string; role: PlatformRole; areaId: string | null }>;
/**
 * Held in persistent maps, with the look-ups registering a person needs kept as indexes, so that
 * folding one more event and deciding one more command cost the same with 100,000 people as with ten.
 */
export type AccessState = Readonly<{
  people: PersistentMap<Person>;
  /** The first person registered with each subject. */
  personIdBySubject: PersistentMap<string>;
  /** The first person registered with each e-mail address, by `emailKey`. */
  personIdByEmail: PersistentMap<string>;
  /** Each person's grants, in the order granted. */
  grants: PersistentMap<readonly Grant[]>;
  administrators: number;
  calendarTokens: CalendarTokens;
}>;

export const accessDecider: Decider<AccessCommand, AccessEvent, AccessState> = {
  initialState: {
    people: PersistentMap.empty(),
    personIdBySubject: PersistentMap.empty(),
    personIdByEmail: PersistentMap.empty(),
    grants: PersistentMap.empty(),
    administrators: 0,
    calendarTokens: {},
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered': {
        const { personId, subject, email } = event.data;
        const emailKey = email === null ? null : emailKeyOf(email);
        return {
          ...state,
          people: state.people.set(personId, { ...event.data }),
          personIdBySubject: state.personIdBySubject.has(subject)
            ? state.personIdBySubject
            : state.personIdBySubject.set(subject, personId),
          personIdByEmail:
            emailKey === null || state.personIdByEmail.has(emailKey)
              ? state.personIdByEmail
              : state.personIdByEmail.set(emailKey, personId),
        };
      }
      case 'RoleGranted':
        return {
          ...state,
          grants: state.grants.set(event.data.personId, [...grantsOf(state, event.data.personId), { ...event.data }]),
          administrators: state.administrators + (event.data.role === 'ADMINISTRATOR' ? 1 : 0),
        };
      case 'RoleRevoked': {
        const held = grantsOf(state, event.data.personId);
        const kept = held.filter((grant) => !sameGrant(grant, event.data));
        const revokedAdministrator = event.data.role === 'ADMINISTRATOR' && kept.length < held.length;
        return {
          ...state,
          grants: state.grants.set(event.data.personId, kept),
          administrators: state.administrators - (revokedAdministrator ? 1 : 0),
        };
      }
      case 'CalendarTokenIssued':
      case 'CalendarTokenRevoked':
        return { ...state, calendarTokens: evolveCalendarTokens(state.calendarTokens, event) };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'InitialisePlatform': {
        if (state.people.size > 0) {
          throw new DomainError(
            'ALREADY_INITIALISED',
            'The platform already has an administrator; further people are added by an administrator.',
          );
        }
        const name = requireName(command.data.name, "The administrator's name");
        const { personId } = command.data;
        return [
          {
            type: 'PersonRegistered',
            data: { personId, name, email: command.data.email, subject: command.data.subject ?? personId },
          },
          { type: 'RoleGranted', data: { personId, role: 'ADMINISTRATOR', areaId: null } },
        ];
      }
      case 'RegisterPerson':
        return registerPerson(command, state);
      case 'GrantRole':
        return grantRole(command, state);
      case 'RevokeRole':
        return revokeRole(command, state);
      case 'IssueCalendarToken':
        return issueCalendarToken(command, state.calendarTokens, state.people.has(command.data.personId));
      case 'RevokeCalendarToken':
        return revokeCalendarToken(command, state.calendarTokens);
    }
  },
};

function requireAdministrator(actor: Actor, action: string): void {
  if (!actor.roles.includes('ADMINISTRATOR')) {
    throw new DomainError('FORBIDDEN', `Only an administrator can ${action}.`, { requiredRole: 'ADMINISTRATOR' });
  }
}

function sameGrant(
  a: Omit<Grant, 'personId'> & { personId: string },
  b: { personId: string; role: string; areaId: string | null },
): boolean {
  return a.personId === b.personId && a.role === b.role && a.areaId === b.areaId;
}

function registerPerson(command: RegisterPerson, state: AccessState): AccessEvent[] {
  requireAdministrator(command.data.actor, 'register a person');
  const { personId, email } = command.data;
  const name = requireName(command.data.name, "A person's name");
  const subject = command.data.subject ?? personId;
  if (personBySubject(state, subject))
    throw new DomainError('ALREADY_EXISTS', `Someone is already registered with subject "${subject}".`);
  if (email && state.personIdByEmail.has(emailKeyOf(email))) {
    throw new DomainError('ALREADY_EXISTS', `Someone is already registered with the e-mail address ${email}.`);
  }
  return [{ type: 'PersonRegistered', data: { personId, name, email, subject } }];
}

function requirePerson(state: AccessState, personId: string): Person {
  const person = state.people.get(personId);
  if (!person) throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${personId}.`);
  return person;
}

function requireRole(role: string): PlatformRole {
  if (!(PLATFORM_ROLES as readonly string[]).includes(role)) {
    throw new DomainError('VALIDATION_FAILED', `The role must be one of ${PLATFORM_ROLES.join(', ')}.`);
  }
  return role as PlatformRole;
}

function grantRole(command: GrantRole, state: AccessState): AccessEvent[] {
  const { actor, personId, areaId, areaKnown } = command.data;
  requireAdministrator(actor, 'grant a role');
  const person = requirePerson(state, personId);
  const role = requireRole(command.data.role);
  if (role === 'AREA_BUSINESS_MANAGER') {
    if (!areaId)
      throw new DomainError('VALIDATION_FAILED', 'An area business manager is granted the role for one area: name it.');
    if (!areaKnown) throw new DomainError('NOT_FOUND', `There is no local area ${areaId}.`);
  } else if (areaId) {
    throw new DomainError('VALIDATION_FAILED', `The ${role} role is not limited to an area.`);
  }
  const grant = { personId, role, areaId: role === 'AREA_BUSINESS_MANAGER' ? areaId : null };
  if (grantsOf(state, personId).some((existing) => sameGrant(existing, grant))) {
    throw new DomainError('ALREADY_EXISTS', `${person.name} already holds that role.`);
  }
  return [{ type: 'RoleGranted', data: grant }];
}

function revokeRole(command: RevokeRole, state: AccessState): AccessEvent[] {
  const { actor, personId, areaId } = command.data;
  requireAdministrator(actor, 'revoke a role');
  const person = requirePerson(state, personId);
  const role = requireRole(command.data.role);
  const grant = { personId, role, areaId: areaId ?? null };
  if (!grantsOf(state, personId).some((existing) => sameGrant(existing, grant))) {
    throw new DomainError('NOT_FOUND', `${person.name} does not hold that role.`);
  }
  if (role === 'ADMINISTRATOR' && state.administrators === 1) {
    throw new DomainError('VALIDATION_FAILED', 'The platform must keep at least one administrator.');
  }
  return [{ type: 'RoleRevoked', data: grant }];
}

/** E-mail addresses are told apart without regard to case. */
function emailKeyOf(email: string): string {
  return email.toLowerCase();
}

export function grantsOf(state: AccessState, personId: string): readonly Grant[] {
  return state.grants.get(personId) ?? [];
}

export function rolesOf(state: AccessState, personId: string): PlatformRole[] {
  return grantsOf(state, personId).map((grant) => grant.role);
}

export function personBySubject(state: AccessState, subject: string): Person | undefined {
  const personId = state.personIdBySubject.get(subject);
  return personId === undefined ? undefined : state.people.get(personId);
}
