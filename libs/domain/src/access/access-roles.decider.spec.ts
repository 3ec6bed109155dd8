import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { AccessEvent, accessDecider, GrantRole, RegisterPerson, RevokeRole } from './access.decider';

const admin: Actor = { personId: 'p-admin', partnerId: null, roles: ['ADMINISTRATOR'] };
const stranger: Actor = { personId: 'p-x', partnerId: null, roles: [] };
const platform: AccessEvent[] = [
  {
    type: 'PersonRegistered',
    data: { personId: 'p-admin', name: 'Jo Admin', email: 'jo@example.org', subject: 'p-admin' },
  },
  { type: 'RoleGranted', data: { personId: 'p-admin', role: 'ADMINISTRATOR', areaId: null } },
  { type: 'PersonRegistered', data: { personId: 'p-bm', name: 'Sam Manager', email: null, subject: 'p-bm' } },
];
const register = (data: Partial<RegisterPerson['data']> = {}): RegisterPerson => ({
  type: 'RegisterPerson',
  data: { personId: 'p-new', name: 'Jacqui Jensen', email: 'jj@example.org', subject: null, actor: admin, ...data },
});
const grant = (data: Partial<GrantRole['data']> = {}): GrantRole => ({
  type: 'GrantRole',
  data: { personId: 'p-bm', role: 'AREA_BUSINESS_MANAGER', areaId: 'bristol', areaKnown: true, actor: admin, ...data },
});
const revoke = (data: Partial<RevokeRole['data']> = {}): RevokeRole => ({
  type: 'RevokeRole',
  data: { personId: 'p-bm', role: 'AREA_BUSINESS_MANAGER', areaId: 'bristol', actor: admin, ...data },
});
const bristolManager: AccessEvent = {
  type: 'RoleGranted',
  data: { personId: 'p-bm', role: 'AREA_BUSINESS_MANAGER', areaId: 'bristol' },
};

const spec = specification(accessDecider);

describe('registering people', () => {
  it('records a person, known by their id unless an identity provider subject is given', () => {
    spec
      .given(platform)
      .when(register())
      .then([
        {
          type: 'PersonRegistered',
          data: { personId: 'p-new', name: 'Jacqui Jensen', email: 'jj@example.org', subject: 'p-new' },
        },
      ]);
  });
  it('is for administrators only (R41)', () =>
    spec
      .given(platform)
      .when(register({ actor: stranger }))
      .thenFails('FORBIDDEN', /administrator/));
  it('refuses a subject or e-mail address already in use', () => {
    spec
      .given(platform)
      .when(register({ subject: 'p-admin' }))
      .thenFails('ALREADY_EXISTS', /subject/);
    spec
      .given(platform)
      .when(register({ email: 'JO@example.org' }))
      .thenFails('ALREADY_EXISTS', /e-mail/);
  });
  it('needs a name', () =>
    spec
      .given(platform)
      .when(register({ name: ' ' }))
      .thenFails('VALIDATION_FAILED'));
});

describe('granting and revoking roles', () => {
  it('makes someone the business manager of one area', () => {
    spec.given(platform).when(grant()).then([bristolManager]);
  });
  it('grants auditors without an area', () => {
    spec
      .given(platform)
      .when(grant({ role: 'AUDITOR', areaId: null }))
      .then([{ type: 'RoleGranted', data: { personId: 'p-bm', role: 'AUDITOR', areaId: null } }]);
  });
  it('refuses anyone but an administrator, naming the role needed', () => {
    spec
      .given(platform)
      .when(grant({ actor: stranger }))
      .thenFails('FORBIDDEN', /Only an administrator can grant a role/);
    spec
      .given([...platform, bristolManager])
      .when(revoke({ actor: stranger }))
      .thenFails('FORBIDDEN');
  });
  it('refuses an unknown person, role or area, and an area where none belongs', () => {
    spec
      .given(platform)
      .when(grant({ personId: 'nobody' }))
      .thenFails('NOT_FOUND');
    spec
      .given(platform)
      .when(grant({ role: 'EMPEROR' }))
      .thenFails('VALIDATION_FAILED', /one of/);
    spec
      .given(platform)
      .when(grant({ areaKnown: false }))
      .thenFails('NOT_FOUND', /no local area/);
    spec
      .given(platform)
      .when(grant({ areaId: null }))
      .thenFails('VALIDATION_FAILED', /one area/);
    spec
      .given(platform)
      .when(grant({ role: 'AUDITOR' }))
      .thenFails('VALIDATION_FAILED', /not limited to an area/);
  });
  it('refuses granting a role twice', () =>
    spec
      .given([...platform, bristolManager])
      .when(grant())
      .thenFails('ALREADY_EXISTS'));
  it('revokes a role held, and refuses one not held', () => {
    spec
      .given([...platform, bristolManager])
      .when(revoke())
      .then([{ type: 'RoleRevoked', data: bristolManager.data }]);
    spec.given(platform).when(revoke()).thenFails('NOT_FOUND');
  });
  it('keeps at least one administrator', () => {
    spec
      .given(platform)
      .when(revoke({ personId: 'p-admin', role: 'ADMINISTRATOR', areaId: null }))
      .thenFails('VALIDATION_FAILED', /at least one administrator/);
  });
  it('counts the administrators as roles are granted and revoked', () => {
    const secondAdministrator: AccessEvent = {
      type: 'RoleGranted',
      data: { personId: 'p-bm', role: 'ADMINISTRATOR', areaId: null },
    };
    const firstRevoked: AccessEvent = {
      type: 'RoleRevoked',
      data: { personId: 'p-admin', role: 'ADMINISTRATOR', areaId: null },
    };
    spec
      .given([...platform, secondAdministrator])
      .when(revoke({ personId: 'p-admin', role: 'ADMINISTRATOR', areaId: null }))
      .then([firstRevoked]);
    spec
      .given([...platform, secondAdministrator, firstRevoked])
      .when(revoke({ personId: 'p-bm', role: 'ADMINISTRATOR', areaId: null }))
      .thenFails('VALIDATION_FAILED', /at least one administrator/);
  });
});
