import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';

/** The records an area keeps for itself, never edited by the region (R11): one stream per area. */
export const localArrangementStream = (areaId: string): string => `local-arrangement-${areaId}`;

export type FeedItemAcknowledged = Message<'FeedItemAcknowledged', { areaId: string; position: number; acknowledgedAt: string }>;
export type LocalArrangementEvent = FeedItemAcknowledged;

export type AcknowledgeFeedItem = Message<
  'AcknowledgeFeedItem',
  {
    areaId: string;
    position: number;
    /** Whether the area's feed holds an item at that position, as the handler found it. */
    itemExists: boolean;
    managedAreaIds: readonly string[];
    actor: Actor;
    now: string;
  }
>;
export type LocalArrangementCommand = AcknowledgeFeedItem;

export type LocalArrangementState = Readonly<{ acknowledged: readonly number[] }>;

export const localArrangementDecider: Decider<LocalArrangementCommand, LocalArrangementEvent, LocalArrangementState> = {
  initialState: { acknowledged: [] },
  evolve: (state, event) => ({ acknowledged: [...state.acknowledged, event.data.position] }),
  decide(command, state) {
    const { actor, areaId, position, itemExists, managedAreaIds, now } = command.data;
    // L3, R41: an area's own business manager acknowledges what reached that area, for that area only.
    if (!actor.roles.includes('AREA_BUSINESS_MANAGER') || !managedAreaIds.includes(areaId)) {
      throw new DomainError('FORBIDDEN', "Only the area's own business manager acknowledges its feed.", { requiredRole: 'AREA_BUSINESS_MANAGER of the area' });
    }
    if (!itemExists) throw new DomainError('NOT_FOUND', "There is no such item in the area's feed.");
    if (state.acknowledged.includes(position)) throw new DomainError('ALREADY_EXISTS', 'The area has already acknowledged that item.');
    return [{ type: 'FeedItemAcknowledged', data: { areaId, position, acknowledgedAt: now } }];
  },
};
