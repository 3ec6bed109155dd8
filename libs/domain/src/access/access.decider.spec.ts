import { specification } from '../testing/given-when-then';
import { AccessEvent, accessDecider, InitialisePlatform, personBySubject, rolesOf } from './access.decider';
import { fold } from '../shared/decider';

const initialise = (subject: string | null = null): InitialisePlatform => ({
  type: 'InitialisePlatform',
  data: { personId: 'p-1', name: ' Jo  Admin ', email: 'jo@example.org', subject },
});

const initialised: AccessEvent[] = [
  { type: 'PersonRegistered', data: { personId: 'p-1', name: 'Jo Admin', email: 'jo@example.org', subject: 'p-1' } },
  { type: 'RoleGranted', data: { personId: 'p-1', role: 'ADMINISTRATOR', areaId: null } },
];

const spec = specification(accessDecider);

describe('Initialising the platform', () => {
  it('registers the first administrator, known by their own id when no external subject is given', () => {
    spec.given([]).when(initialise()).then(initialised);
  });

  it('keeps the subject of an external identity provider', () => {
    const [registered] = accessDecider.decide(initialise('oidc|42'), accessDecider.initialState);
    expect(registered).toMatchObject({ data: { subject: 'oidc|42' } });
  });

  it('happens once only', () => {
    spec.given(initialised).when(initialise()).thenFails('ALREADY_INITIALISED');
  });

  it('needs a name', () => {
    spec
      .given([])
      .when({ type: 'InitialisePlatform', data: { personId: 'p', name: ' ', email: null, subject: null } })
      .thenFails('VALIDATION_FAILED');
  });

  it('answers who holds which role and who a subject is', () => {
    const state = fold(accessDecider, initialised);
    expect(rolesOf(state, 'p-1')).toEqual(['ADMINISTRATOR']);
    expect(rolesOf(state, 'someone-else')).toEqual([]);
    expect(personBySubject(state, 'p-1')?.name).toBe('Jo Admin');
  });
});
