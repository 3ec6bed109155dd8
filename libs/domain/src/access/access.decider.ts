import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { PlatformRole } from '../shared/roles';
import { normaliseName } from '../shared/text';

/** The platform's people and the roles an administrator grants them: one stream, `access-platform`. */
export const ACCESS_STREAM = 'access-platform';

export type PersonRegistered = Message<
  'PersonRegistered',
  { personId: string; name: string; email: string | null; subject: string }
>;
export type RoleGranted = Message<'RoleGranted', { personId: string; role: PlatformRole; areaId: string | null }>;
export type AccessEvent = PersonRegistered | RoleGranted;

export type InitialisePlatform = Message<
  'InitialisePlatform',
  { personId: string; name: string; email: string | null; subject: string | null }
>;
export type AccessCommand = InitialisePlatform;

export type Person = Readonly<{ personId: string; name: string; email: string | null; subject: string }>;
export type Grant = Readonly<{ personId: string; role: PlatformRole; areaId: string | null }>;
export type AccessState = Readonly<{ people: Readonly<Record<string, Person>>; grants: readonly Grant[] }>;

export const accessDecider: Decider<AccessCommand, AccessEvent, AccessState> = {
  initialState: { people: {}, grants: [] },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered':
        return { ...state, people: { ...state.people, [event.data.personId]: { ...event.data } } };
      case 'RoleGranted':
        return { ...state, grants: [...state.grants, { ...event.data }] };
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
    }
  },
};

export function rolesOf(state: AccessState, personId: string): PlatformRole[] {
  return state.grants.filter((grant) => grant.personId === personId).map((grant) => grant.role);
}

export function personBySubject(state: AccessState, subject: string): Person | undefined {
  return Object.values(state.people).find((person) => person.subject === subject);
}
