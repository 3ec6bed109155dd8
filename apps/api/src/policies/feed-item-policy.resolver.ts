import { Inject } from '@nestjs/common';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PolicyEvent, policyStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { decodeCursor } from '@app/read-models';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { FeedItem } from '../meetings/meeting.types';
import { areaDecision } from './area-decision';
import { AreaAdoption } from './policy.types';

/**
 * An area's business manager may read the area's feed but not the group's policies (R43), yet
 * records the area's decision on a published version: the item names the version it announced,
 * read from the policy's own stream at the item's position (positions are unique in every store),
 * and the decision the area already recorded on it.
 */
@Resolver(() => FeedItem)
export class FeedItemPolicyResolver {
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

  @ResolveField(() => AreaAdoption, {
    nullable: true,
    description:
      'For a POLICY_PUBLISHED item, the area’s decision on the version it announced as recorded now (D1); null while the area has not decided, when recordPolicyAdoption takes one.',
  })
  async adoption(@Parent() item: FeedItem, @Context() context: GraphqlContext): Promise<AreaAdoption | null> {
    const version = await this.policyVersion(item);
    if (version === null) return null;
    return areaDecision(context, item.subjectId, item.areaId, version);
  }
}
