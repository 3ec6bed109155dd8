import { Inject } from '@nestjs/common';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PolicyEvent, policyStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { decodeCursor, WHOLE_RECORD } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { FeedItem } from '../meetings/meeting.types';
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
    // The whole record, as recordPolicyAdoption refuses a second decision on a version whatever its day.
    const adoptions = await context.loaders.adoptionsOfPolicy.load({
      id: item.subjectId,
      args: { view: WHOLE_RECORD },
    });
    const row = adoptions.find((adoption) => adoption.areaId === item.areaId && adoption.version === version);
    return row ? { ...row, id: derivedId('AreaAdoption', item.subjectId, row.version, row.areaId) } : null;
  }
}
