import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { AcknowledgeFeedItem, FeedItemAcknowledged, localArrangementDecider } from './local-arrangement.decider';

const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const now = '2026-11-23T09:00:00.000Z';
const acknowledge = (overrides: Partial<AcknowledgeFeedItem['data']> = {}): AcknowledgeFeedItem => ({
  type: 'AcknowledgeFeedItem',
  data: {
    areaId: 'bristol',
    position: 42,
    itemExists: true,
    managedAreaIds: ['bristol'],
    actor: bristolManager,
    now,
    ...overrides,
  },
});
const acknowledged: FeedItemAcknowledged = {
  type: 'FeedItemAcknowledged',
  data: { areaId: 'bristol', position: 42, acknowledgedAt: now },
};
const spec = specification(localArrangementDecider);

describe('acknowledging what flowed down to an area (L3)', () => {
  it("records the area business manager's acknowledgement", () =>
    spec.given([]).when(acknowledge()).then([acknowledged]));
  it('is refused to the business manager of another area (R41)', () =>
    spec
      .given([])
      .when(acknowledge({ managedAreaIds: ['somerset'] }))
      .thenFails('FORBIDDEN', /own business manager/));
  it('is refused to someone who is no business manager', () =>
    spec
      .given([])
      .when(acknowledge({ actor: { personId: 'x', partnerId: null, roles: ['ADMINISTRATOR'] } }))
      .thenFails('FORBIDDEN'));
  it('is refused for an item not in the feed', () =>
    spec
      .given([])
      .when(acknowledge({ itemExists: false }))
      .thenFails('NOT_FOUND'));
  it('is recorded once', () => spec.given([acknowledged]).when(acknowledge()).thenFails('ALREADY_EXISTS'));
});

describe("an area's decision on a regional policy (D1)", () => {
  const adopt = (overrides: Partial<import('./local-arrangement.decider').RecordPolicyAdoption['data']> = {}) => ({
    type: 'RecordPolicyAdoption' as const,
    data: {
      areaId: 'bristol',
      policyId: 'p-1',
      version: 1,
      decision: 'ADOPTED' as const,
      variation: null,
      reason: null,
      decidedOn: null as string | null,
      publishedToAreaOn: '2025-01-06' as string | null,
      managedAreaIds: ['bristol'],
      actor: bristolManager,
      now,
      ...overrides,
    },
  });
  const adopted = {
    type: 'PolicyAdoptionRecorded' as const,
    data: {
      areaId: 'bristol',
      policyId: 'p-1',
      version: 1,
      decision: 'ADOPTED' as const,
      variation: null,
      reason: null,
      decidedOn: '2026-11-23',
    },
  };

  it('records the area adopting a version, dated today when no date is given', () =>
    spec.given([]).when(adopt()).then([adopted]));
  it('records the day the area decided, entered later', () =>
    spec
      .given([])
      .when(adopt({ decidedOn: '2025-02-03' }))
      .then([{ type: 'PolicyAdoptionRecorded', data: { ...adopted.data, decidedOn: '2025-02-03' } }]));
  it('is refused when dated in the future', () =>
    spec
      .given([])
      .when(adopt({ decidedOn: '2026-11-24' }))
      .thenFails('VALIDATION_FAILED', /The date of the decision \(2026-11-24\) is in the future/));
  it('records a decision on the day the version was published to the area', () =>
    spec
      .given([])
      .when(adopt({ decidedOn: '2025-01-06' }))
      .then([{ type: 'PolicyAdoptionRecorded', data: { ...adopted.data, decidedOn: '2025-01-06' } }]));
  it('is refused as OUT_OF_RANGE when dated before the version was published to the area', () => {
    spec
      .given([])
      .when(adopt({ decidedOn: '2016-05-05' }))
      .thenFails(
        'OUT_OF_RANGE',
        /The date of the decision \(2016-05-05\) is before version 1's publication \(2025-01-06\)/,
      );
    // On the decision's day, so a form shows it there.
    expect(spec.refusal([], adopt({ decidedOn: '2025-01-05' })).details).toEqual({
      earliest: '2025-01-06',
      field: 'decidedOn',
    });
  });
  it('records a variation with its text, and a refusal with its reason', () => {
    spec
      .given([])
      .when(adopt({ decision: 'ADOPTED_WITH_VARIATION', variation: ' Local escalation contact. ' }))
      .then([
        {
          type: 'PolicyAdoptionRecorded',
          data: { ...adopted.data, decision: 'ADOPTED_WITH_VARIATION', variation: 'Local escalation contact.' },
        },
      ]);
    spec
      .given([])
      .when(adopt({ decision: 'NOT_ADOPTED', reason: 'Local procedure is stricter.' }))
      .then([
        {
          type: 'PolicyAdoptionRecorded',
          data: { ...adopted.data, decision: 'NOT_ADOPTED', reason: 'Local procedure is stricter.' },
        },
      ]);
  });
  it('needs the variation text or the reason', () => {
    spec
      .given([])
      .when(adopt({ decision: 'ADOPTED_WITH_VARIATION' }))
      .thenFails('VALIDATION_FAILED', /variation/);
    spec
      .given([])
      .when(adopt({ decision: 'NOT_ADOPTED', reason: ' ' }))
      .thenFails('VALIDATION_FAILED', /reason/);
  });
  it('is refused to the business manager of another area, and to the region (R11, R41)', () => {
    spec
      .given([])
      .when(adopt({ managedAreaIds: ['somerset'] }))
      .thenFails('FORBIDDEN');
    spec
      .given([])
      .when(adopt({ actor: { personId: 'chair', partnerId: 'p', roles: ['CHAIR', 'ADMINISTRATOR'] } }))
      .thenFails('FORBIDDEN');
  });
  it('is refused for a version not published to the area, and recorded once per version', () => {
    spec
      .given([])
      .when(adopt({ publishedToAreaOn: null }))
      .thenFails('NOT_FOUND');
    spec.given([adopted]).when(adopt()).thenFails('ALREADY_EXISTS');
    spec
      .given([adopted])
      .when(adopt({ version: 2 }))
      .then([{ type: 'PolicyAdoptionRecorded', data: { ...adopted.data, version: 2 } }]);
  });
});
