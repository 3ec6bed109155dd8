import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor, PLATFORM_ROLES, PlatformRole } from '../shared/roles';
import { normaliseName } from '../shared/text';
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
export type AccessState = Readonly<{
  people: Readonly<Record<string, Person>>;
  grants: readonly Grant[];
  calendarTokens: CalendarTokens;
}>;

export const accessDecider: Decider<AccessCommand, AccessEvent, AccessState> = {
  initialState: { people: {}, grants: [], calendarTokens: {} },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered':
        return { ...state, people: { ...state.people, [event.data.personId]: { ...event.data } } };
      case 'RoleGranted':
        return { ...state, grants: [...state.grants, { ...event.data }] };
      case 'RoleRevoked':
        return { ...state, grants: state.grants.filter((grant) => !sameGrant(grant, event.data)) };
      case 'CalendarTokenIssued':
      case 'CalendarTokenRevoked':
        return { ...state, calendarTokens: evolveCalendarTokens(state.calendarTokens, event) };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'InitialisePlatform': {
        if (Object.keys(state.people).length > 0) {
          throw new DomainError(
            'ALREADY_INITIALISED',
            'The platform already has an administrator; further people are added by an administrator.',
          );
        }
        const name = normaliseName(command.data.name);
        if (name.length === 0) {
          throw new DomainError('VALIDATION_FAILED', "The administrator's name must not be empty.");
        }
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
        return issueCalendarToken(command, state.calendarTokens, command.data.personId in state.people);
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
  const name = normaliseName(command.data.name);
  if (name.length === 0) throw new DomainError('VALIDATION_FAILED', "A person's name must not be empty.");
  const subject = command.data.subject ?? personId;
  if (personBySubject(state, subject))
    throw new DomainError('ALREADY_EXISTS', `Someone is already registered with subject "${subject}".`);
  if (email && Object.values(state.people).some((p) => p.email?.toLowerCase() === email.toLowerCase())) {
    throw new DomainError('ALREADY_EXISTS', `Someone is already registered with the e-mail address ${email}.`);
  }
  return [{ type: 'PersonRegistered', data: { personId, name, email, subject } }];
}

function requirePerson(state: AccessState, personId: string): Person {
  const person = state.people[personId];
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
  if (state.grants.some((existing) => sameGrant(existing, grant))) {
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
  if (!state.grants.some((existing) => sameGrant(existing, grant))) {
    throw new DomainError('NOT_FOUND', `${person.name} does not hold that role.`);
  }
  if (role === 'ADMINISTRATOR' && state.grants.filter((g) => g.role === 'ADMINISTRATOR').length === 1) {
    throw new DomainError('VALIDATION_FAILED', 'The platform must keep at least one administrator.');
  }
  return [{ type: 'RoleRevoked', data: grant }];
}

export function rolesOf(state: AccessState, personId: string): PlatformRole[] {
  return state.grants.filter((grant) => grant.personId === personId).map((grant) => grant.role);
}

export function personBySubject(state: AccessState, subject: string): Person | undefined {
  return Object.values(state.people).find((person) => person.subject === subject);
}
