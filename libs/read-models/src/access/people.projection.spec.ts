import {
  ACCESS_STREAM,
  AccessEvent,
  CalendarTokenIssued,
  PersonRegistered,
  RoleGranted,
  RoleRevoked,
} from '@app/domain';
import { REPRESENTATIVES } from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec, RECORDED_AT } from '../testing/projection-spec';
import { peopleProjection } from './people.projection';

const sheila = REPRESENTATIVES.sheilaSmith;
const sheilaRegistered: PersonRegistered = {
  type: 'PersonRegistered',
  data: {
    personId: sheila.personId,
    name: sheila.name,
    email: 'sheila.smith@n-somerset.gov.uk',
    subject: 'sub-sheila',
  },
};
const businessManager: RoleGranted = {
  type: 'RoleGranted',
  data: { personId: sheila.personId, role: 'AREA_BUSINESS_MANAGER', areaId: 'north-somerset' },
};
const auditor: RoleGranted = {
  type: 'RoleGranted',
  data: { personId: sheila.personId, role: 'AUDITOR', areaId: null },
};
const revoked = (grant: RoleGranted): RoleRevoked => ({ type: 'RoleRevoked', data: grant.data });

const spec = projectionSpec(peopleProjection);
const access = (...events: AccessEvent[]) => inStream(ACCESS_STREAM, events);

describe('the people projection', () => {
  it('records a registered person', () =>
    spec
      .given()
      .when(access(sheilaRegistered))
      .then({
        people: [
          {
            person_id: 'sheila-smith',
            name: 'Sheila Smith',
            email: 'sheila.smith@n-somerset.gov.uk',
            subject: 'sub-sheila',
          },
        ],
      }));

  it('records each role granted, for an area or platform-wide, with when it was granted', () =>
    spec
      .given(access(sheilaRegistered))
      .when(access(businessManager, auditor))
      .then({
        role_grants: [
          {
            person_id: 'sheila-smith',
            role: 'AREA_BUSINESS_MANAGER',
            area_id: 'north-somerset',
            granted_at: RECORDED_AT,
          },
          { person_id: 'sheila-smith', role: 'AUDITOR', area_id: null, granted_at: RECORDED_AT },
        ],
      }));

  it('removes only the grant revoked, matching a platform-wide grant by its missing area', () =>
    spec
      .given(access(sheilaRegistered, businessManager, auditor))
      .when(access(revoked(auditor)))
      .then({ role_grants: [{ role: 'AREA_BUSINESS_MANAGER', area_id: 'north-somerset' }] }));

  it('records a grant for a person it has not seen registered, as the log says, without inventing the person', () =>
    spec
      .given()
      .when(access(businessManager))
      .then({ people: [], role_grants: [{ person_id: 'sheila-smith', role: 'AREA_BUSINESS_MANAGER' }] }));

  it('ignores events of other streams that reuse its event names', () =>
    spec.given().when(inStream('regional-group-asssp', sheilaRegistered)).then({ people: [] }));

  it('records a calendar token by the hash of its secret, and when it is revoked', () => {
    const issued: CalendarTokenIssued = {
      type: 'CalendarTokenIssued',
      data: { tokenId: 'cal-1', personId: sheila.personId, issuedAt: '2026-03-01T09:00:00.000Z', secretHash: 'h1' },
    };
    return spec
      .given(access(sheilaRegistered, issued))
      .when(
        access({
          type: 'CalendarTokenRevoked',
          data: { tokenId: 'cal-1', personId: sheila.personId, revokedAt: '2026-04-01T09:00:00.000Z' },
        }),
      )
      .then({
        calendar_tokens: [
          {
            token_id: 'cal-1',
            person_id: 'sheila-smith',
            secret_hash: 'h1',
            issued_at: '2026-03-01T09:00:00.000Z',
            revoked_at: '2026-04-01T09:00:00.000Z',
          },
        ],
      });
  });
});
