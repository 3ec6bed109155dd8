import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { requestMeta } from '../common/command-gateway';
import { GraphqlContext } from '../graphql/graphql-context';
import { awaitingAcknowledgement, DomainError, groupDateOf } from '@app/domain';
import { AreaFeedQueries, decodeCursor, encodeCursor, FeedItemRow, MembershipQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { PageArgs, toConnection } from '../common/connection';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { KnownEntities } from '../common/known-entities';
import { LiveEvents } from '../live/live-events';
import { AcknowledgeFeedItemInput } from './area-feed.inputs';
import { AreaFeedService } from './area-feed.service';
import { AreaFeedConnection, FeedItem } from './meeting.types';

@ObjectType({ description: 'Whether one area has acknowledged an item that flowed down to it.' })
class AreaAcknowledgement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  kind!: string;

  @Field({ description: 'For a restricted item a reader is not entitled to (R42), just "Restricted".' })
  title!: string;

  @Field(() => String, { nullable: true })
  acknowledgedAt!: string | null;
}

@ArgsType()
class AreaFeedArgs extends PageArgs {
  @Field(() => ID)
  @IsString()
  areaId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the items that had flowed down by the end of that day, each acknowledged or not as of then (A3); a day before the group existed is OUT_OF_RANGE.',
  })
  @IsOptional()
  @IsString()
  asAt?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The items as the platform had recorded them at that moment, each acknowledged or not as recorded by then (A3); a moment before the group was recorded is OUT_OF_RANGE.',
  })
  @IsOptional()
  asRecordedAt?: Date | null;
}

/** What a reader not entitled to a restricted item sees of it (R42): that it is there, not what it says. */
const RESTRICTED_TITLE = 'Restricted';

function toFeedItem(
  row: FeedItemRow,
  visible: boolean,
  asAt: string | null = null,
  asRecordedAt: Date | null = null,
): FeedItem {
  return {
    id: derivedId('FeedItem', row.areaId, row.position),
    cursor: encodeCursor(row.position),
    areaId: row.areaId,
    kind: row.kind,
    title: visible ? row.title : RESTRICTED_TITLE,
    restricted: row.restricted,
    occurredAt: row.occurredAt,
    happenedOn: row.happenedOn,
    subjectId: row.subjectId,
    asAt,
    asRecordedAt,
  };
}

/** What flowed down to an area (D3, L3): pulled by cursor, or followed live from a cursor. */
@Resolver(() => FeedItem)
export class AreaFeedResolver {
  constructor(
    private readonly feeds: AreaFeedQueries,
    private readonly live: LiveEvents,
    private readonly service: AreaFeedService,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    private readonly membership: MembershipQueries,
    private readonly views: GroupTimeViews,
  ) {}

  /** R42 for one item of an area's feed, read by someone who may read that feed. */
  private async visible(row: FeedItemRow, personId: string): Promise<boolean> {
    const groupId = this.membership.groupOfArea(row.areaId) as string;
    return this.access.mayReadItem(personId, groupId, { restricted: row.restricted, areaIds: row.concernedAreaIds });
  }

  private async view(row: FeedItemRow, personId: string): Promise<FeedItem> {
    return toFeedItem(row, await this.visible(row, personId));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "When the area's business manager acknowledged the item (L3).",
  })
  acknowledgedAt(@Parent() item: FeedItem): string | null {
    const position = decodeCursor(item.cursor) as number;
    return this.feeds.acknowledgedAt(item.areaId, position, item.asAt, item.asRecordedAt?.toISOString() ?? null);
  }

  @ResolveField(() => Boolean, {
    description:
      'L3: whether the item waits for the area to acknowledge it on the day the feed is seen on (today, asAt, or the day of asRecordedAt); a signed head (TREE_HEAD) is for the area’s system to keep and never waits.',
  })
  awaitingAcknowledgement(@Parent() item: FeedItem): boolean {
    return awaitingAcknowledgement(
      {
        kind: item.kind,
        arrivedOn: groupDateOf(item.occurredAt),
        acknowledgedAt: this.acknowledgedAt(item),
        answeredOn: [],
      },
      this.views.dayOf(item.asAt, item.asRecordedAt),
    );
  }

  @Query(() => [AreaAcknowledgement], {
    description:
      'For the region: each area an item went to, and whether it has acknowledged it; only the areas whose acknowledgements the reader may read (R43).',
  })
  async feedItemAcknowledgements(
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AreaAcknowledgement[]> {
    const rows = this.feeds.acknowledgementsOf(subjectId);
    this.known.feedSubject(subjectId, rows.length);
    const readable = await this.access.readableAreaIds(identity.personId, [...new Set(rows.map((row) => row.areaId))]);
    const acknowledgements: AreaAcknowledgement[] = [];
    for (const row of rows.filter((r) => readable.has(r.areaId))) {
      acknowledgements.push({
        id: derivedId('AreaAcknowledgement', row.areaId, row.position),
        areaId: row.areaId,
        kind: row.kind,
        title: (await this.visible(row, identity.personId)) ? row.title : RESTRICTED_TITLE,
        acknowledgedAt: row.acknowledgedAt,
      });
    }
    return acknowledgements;
  }

  @Mutation(() => FeedItem, {
    description: "The area's own business manager acknowledges an item of the area's feed (L3).",
  })
  async acknowledgeFeedItem(
    @Args('input') input: AcknowledgeFeedItemInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<FeedItem> {
    const position = await this.service.acknowledge(input, requestMeta(identity, context));
    return this.view(this.feeds.feedItemAt(input.areaId, position) as FeedItemRow, identity.personId);
  }

  @Query(() => AreaFeedConnection, {
    description:
      "An area’s feed in order; pass the last endCursor as `after` to resume. For the area's business managers, the group's current representatives and auditors (R43).",
  })
  async areaFeed(
    @Args() { areaId, first, after, asAt, asRecordedAt }: AreaFeedArgs,
    @CurrentIdentity() identity: Identity,
  ) {
    this.known.area(areaId);
    await this.access.assertAreaFeed(identity.personId, areaId, 'areaFeed');
    const moment = asRecordedAt ?? null;
    const view =
      asAt || moment ? this.views.of(this.membership.groupOfArea(areaId) as string, asAt ?? null, moment) : null;
    const day = asAt && view ? view.on : null;
    const page = this.feeds.feed(areaId, first, after ?? null, day, view?.position ?? null);
    const visible = new Map<number, boolean>();
    for (const { node } of page?.items ?? []) visible.set(node.position, await this.visible(node, identity.personId));
    return toConnection(page, (row) => toFeedItem(row, visible.get(row.position) as boolean, day, moment));
  }

  @Subscription(() => FeedItem, {
    name: 'areaFeed',
    description:
      'Replays the area’s feed after the cursor, then follows it live: every item exactly once, in order. Refused with FORBIDDEN to anyone who may not read the feed (R43); the rule is asked again for every item, so a reader who loses the right stops receiving.',
    resolve: (item: FeedItem) => item,
  })
  async followAreaFeed(
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentIdentity() identity: Identity,
  ): Promise<AsyncIterableIterator<FeedItem>> {
    // Refused when it starts, so a wrong id is an error on the subscription rather than a silent, open stream.
    this.known.area(areaId);
    await this.access.assertAreaFeed(identity.personId, areaId, 'areaFeed');
    const from = after ? decodeCursor(after) : 0;
    if (from === null) throw new DomainError('VALIDATION_FAILED', 'The "after" cursor is not one this API gave out.');
    let last = from;
    // Listen before replaying, so nothing committed during the replay is missed; positions already replayed are skipped.
    const live = this.live.follow(
      () => true,
      (event) => event.position,
    );
    const replay: FeedItemRow[] = [];
    for (let page = this.feeds.feed(areaId, 500, encodeCursor(last)); page && page.items.length > 0;) {
      replay.push(...page.items.map((item) => item.node));
      last = page.items[page.items.length - 1].node.position;
      page = page.hasNextPage ? this.feeds.feed(areaId, 500, encodeCursor(last)) : null;
    }
    const feeds = this.feeds;
    // Every item is checked as it goes out: a reader whose right ends (a role revoked, an appointment
    // ended) receives nothing more, and a restricted item shows only to those entitled to it.
    const deliver = async (row: FeedItemRow): Promise<FeedItem | null> =>
      (await this.access.mayReadAreaFeed(identity.personId, areaId)) ? this.view(row, identity.personId) : null;
    const iterator: AsyncIterableIterator<FeedItem> = {
      async next() {
        for (;;) {
          const replayed = replay.shift();
          if (replayed) {
            const item = await deliver(replayed);
            if (item) return { done: false, value: item };
            continue;
          }
          const next = await live.next();
          if (next.done) return { done: true, value: undefined };
          if (next.value <= last) continue;
          const row = feeds.feedItemAt(areaId, next.value);
          if (!row) continue;
          last = row.position;
          const item = await deliver(row);
          if (item) return { done: false, value: item };
        }
      },
      async return() {
        await live.return?.();
        return { done: true, value: undefined };
      },
      async throw(error?: unknown) {
        await live.return?.();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
