import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { AcknowledgeFeedItem, FeedItemAcknowledged, localArrangementDecider } from './local-arrangement.decider';

const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const now = '2026-11-23T09:00:00.000Z';
const acknowledge = (overrides: Partial<AcknowledgeFeedItem['data']> = {}): AcknowledgeFeedItem => ({
  type: 'AcknowledgeFeedItem',
  data: { areaId: 'bristol', position: 42, itemExists: true, managedAreaIds: ['bristol'], actor: bristolManager, now, ...overrides },
});
const acknowledged: FeedItemAcknowledged = { type: 'FeedItemAcknowledged', data: { areaId: 'bristol', position: 42, acknowledgedAt: now } };
const spec = specification(localArrangementDecider);

describe('acknowledging what flowed down to an area (L3)', () => {
  it("records the area business manager's acknowledgement", () => spec.given([]).when(acknowledge()).then([acknowledged]));
  it('is refused to the business manager of another area (R41)', () =>
    spec.given([]).when(acknowledge({ managedAreaIds: ['somerset'] })).thenFails('FORBIDDEN', /own business manager/));
  it('is refused to someone who is no business manager', () =>
    spec.given([]).when(acknowledge({ actor: { personId: 'x', partnerId: null, roles: ['ADMINISTRATOR'] } })).thenFails('FORBIDDEN'));
  it('is refused for an item not in the feed', () => spec.given([]).when(acknowledge({ itemExists: false })).thenFails('NOT_FOUND'));
  it('is recorded once', () => spec.given([acknowledged]).when(acknowledge()).thenFails('ALREADY_EXISTS'));
});
