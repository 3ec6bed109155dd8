import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AreaFeedQueries, decodeCursor } from '@app/read-models';
import { FeedItem } from '../meetings/meeting.types';
import { SignedTreeHead } from './integrity.types';

/** A TREE_HEAD item of an area's feed carries the whole signed head, for the area's system to keep. */
@Resolver(() => FeedItem)
export class FeedItemTreeHeadResolver {
  constructor(private readonly feeds: AreaFeedQueries) {}

  @ResolveField(() => SignedTreeHead, { nullable: true, description: 'For a TREE_HEAD item, the signed head (A4).' })
  treeHead(@Parent() item: FeedItem): SignedTreeHead | null {
    if (item.kind !== 'TREE_HEAD') return null;
    return this.feeds.treeHeadAt(decodeCursor(item.cursor) as number) ?? null;
  }
}
