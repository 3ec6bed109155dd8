import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AreaFeedQueries, decodeCursor } from '@app/read-models';
import { FeedItem } from '../meetings/meeting.types';
import { SignedTreeHead, toSignedTreeHead } from './integrity.types';

/** A TREE_HEAD item of an area's feed carries the whole signed head, for the area's system to keep. */
@Resolver(() => FeedItem)
export class FeedItemTreeHeadResolver {
  constructor(private readonly feeds: AreaFeedQueries) {}

  @ResolveField(() => SignedTreeHead, { nullable: true, description: 'For a TREE_HEAD item, the signed head (A4).' })
  treeHead(@Parent() item: FeedItem): SignedTreeHead | null {
    if (item.kind !== 'TREE_HEAD') return null;
    const head = this.feeds.treeHeadAt(decodeCursor(item.cursor) as number);
    return head ? toSignedTreeHead(head) : null;
  }
}
