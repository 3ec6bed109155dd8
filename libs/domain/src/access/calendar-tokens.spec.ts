import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { AccessEvent, accessDecider, AccessCommand } from './access.decider';

const admin: Actor = { personId: 'p-admin', partnerId: null, roles: ['ADMINISTRATOR'] };
const jo: Actor = { personId: 'p-jo', partnerId: null, roles: [] };
const sam: Actor = { personId: 'p-sam', partnerId: null, roles: ['AUDITOR'] };
const now = '2026-03-01T09:00:00.000Z';
const later = '2026-04-01T09:00:00.000Z';

const platform: AccessEvent[] = [
  { type: 'PersonRegistered', data: { personId: 'p-admin', name: 'Jo Admin', email: null, subject: 'p-admin' } },
  { type: 'RoleGranted', data: { personId: 'p-admin', role: 'ADMINISTRATOR', areaId: null } },
  { type: 'PersonRegistered', data: { personId: 'p-jo', name: 'Jo Bloggs', email: null, subject: 'p-jo' } },
  { type: 'PersonRegistered', data: { personId: 'p-sam', name: 'Sam Auditor', email: null, subject: 'p-sam' } },
  { type: 'RoleGranted', data: { personId: 'p-sam', role: 'AUDITOR', areaId: null } },
];
const issue = (actor: Actor, personId = 'p-jo', tokenId = 'cal-1'): AccessCommand => ({
  type: 'IssueCalendarToken',
  data: { tokenId, personId, secretHash: 'hash-1', actor, now },
});
const revoke = (actor: Actor, tokenId = 'cal-1'): AccessCommand => ({
  type: 'RevokeCalendarToken',
  data: { tokenId, actor, now: later },
});
const issued: AccessEvent = {
  type: 'CalendarTokenIssued',
  data: { tokenId: 'cal-1', personId: 'p-jo', issuedAt: now, secretHash: 'hash-1' },
};
const revoked: AccessEvent = {
  type: 'CalendarTokenRevoked',
  data: { tokenId: 'cal-1', personId: 'p-jo', revokedAt: later },
};

const spec = specification(accessDecider);

describe('issuing calendar tokens', () => {
  it('lets a person issue one for themselves, recording the hash of its secret', () => {
    spec.given(platform).when(issue(jo)).then([issued]);
  });

  it("lets an administrator issue one for anyone, and the operator on the platform's machine (cli)", () => {
    spec.given(platform).when(issue(admin)).then([issued]);
    spec
      .given(platform)
      .when(issue({ personId: 'system', partnerId: null, roles: ['SYSTEM'] }))
      .then([issued]);
  });

  it('refuses anyone else, an auditor too, a token for another person (R41)', () => {
    spec
      .given(platform)
      .when(issue(sam))
      .thenFails('FORBIDDEN', /person themselves or an administrator/);
  });

  it('refuses a token for someone the platform does not know', () => {
    spec
      .given(platform)
      .when(issue(admin, 'p-ghost'))
      .thenFails('NOT_FOUND', /p-ghost/);
  });

  it('lets a person hold several, one per calendar client, but never reuses an id', () => {
    spec
      .given([...platform, issued])
      .when(issue(jo, 'p-jo', 'cal-2'))
      .then([
        {
          type: 'CalendarTokenIssued',
          data: { tokenId: 'cal-2', personId: 'p-jo', issuedAt: now, secretHash: 'hash-1' },
        },
      ]);
    spec
      .given([...platform, issued])
      .when(issue(jo))
      .thenFails('ALREADY_EXISTS');
  });
});

describe('revoking calendar tokens', () => {
  it('lets the person revoke their own', () => {
    spec
      .given([...platform, issued])
      .when(revoke(jo))
      .then([revoked]);
  });

  it("lets an administrator revoke anyone's", () => {
    spec
      .given([...platform, issued])
      .when(revoke(admin))
      .then([revoked]);
  });

  it('answers anyone else as if the token did not exist, so ids cannot be probed', () => {
    spec
      .given([...platform, issued])
      .when(revoke(sam))
      .thenFails('NOT_FOUND', /no calendar token cal-1 of yours/);
    spec.given(platform).when(revoke(jo)).thenFails('NOT_FOUND');
  });

  it('refuses to revoke a token twice', () => {
    spec
      .given([...platform, issued, revoked])
      .when(revoke(jo))
      .thenFails('CONFLICT', /already revoked/);
  });
});
