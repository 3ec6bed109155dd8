import { Inject } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PolicyEvent, policyStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { decodeCursor } from '@app/read-models';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { FeedItem } from '../meetings/meeting.types';

/**
 * An area's business manager may read the area's feed but not the group's policies (R43), yet
 * records the area's decision on a published version: the item names the version it announced,
 * read from the policy's own stream at the item's position (positions are unique in every store).
 */
@Resolver(() => FeedItem)
export class FeedItemPolicyVersionResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: 'For a POLICY_PUBLISHED item, the version it announced: what recordPolicyAdoption takes.',
  })
  async policyVersion(@Parent() item: FeedItem): Promise<number | null> {
    if (item.kind !== 'POLICY_PUBLISHED') return null;
    const position = decodeCursor(item.cursor);
    const published = (await this.store.readStream(policyStream(item.subjectId))).find(
      (stored) => stored.position === position,
    ) as (PolicyEvent & { position: number }) | undefined;
    return published?.type === 'PolicyVersionPublished' ? published.data.version : null;
  }
}
