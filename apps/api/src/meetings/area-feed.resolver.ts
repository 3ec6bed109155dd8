import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { IsString, MaxLength } from 'class-validator';
import { IsEntityId } from '../common/input-validators';
import { IdempotentInput } from '../common/idempotency-key.input';
import { ChangeStreamCommand } from '../common/change-stream.command';
import { Actors } from '../auth/actors';
import { GraphqlContext } from '../graphql/graphql-context';
import { DomainError, LocalArrangementCommand, localArrangementDecider, localArrangementStream } from '@app/domain';
import { AreaFeedQueries, decodeCursor, encodeCursor, FeedItemRow } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { PageArgs, toConnection } from '../common/connection';
import { derivedId } from '../common/derived-id';
import { KnownEntities } from '../common/known-entities';
import { LiveEvents } from '../live/live-events';
import { AreaFeedConnection, FeedItem } from './meeting.types';

@InputType()
class AcknowledgeFeedItemInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;

  @Field({ description: 'The cursor of the item.' })
  @IsString()
  @MaxLength(200)
  cursor!: string;
}

@ObjectType({ description: 'Whether one area has acknowledged an item that flowed down to it.' })
class AreaAcknowledgement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  kind!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  acknowledgedAt!: string | null;
}

@ArgsType()
class AreaFeedArgs extends PageArgs {
  @Field(() => ID)
  @IsString()
  areaId!: string;
}

function toFeedItem(row: FeedItemRow): FeedItem {
  return {
    id: derivedId('FeedItem', row.areaId, row.position),
    cursor: encodeCursor(row.position),
    areaId: row.areaId,
    kind: row.kind,
    title: row.title,
    occurredAt: row.occurredAt,
    subjectId: row.subjectId,
  };
}

/** What flowed down to an area (D3, L3): pulled by cursor, or followed live from a cursor. */
@Resolver(() => FeedItem)
export class AreaFeedResolver {
  constructor(
    private readonly feeds: AreaFeedQueries,
    private readonly live: LiveEvents,
    private readonly commands: CommandBus,
    private readonly actors: Actors,
    private readonly known: KnownEntities,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "When the area's business manager acknowledged the item (L3).",
  })
  acknowledgedAt(@Parent() item: FeedItem): string | null {
    return this.feeds.acknowledgedAt(item.areaId, decodeCursor(item.cursor) as number);
  }

  @Query(() => [AreaAcknowledgement], {
    description: 'For the region: each area an item went to, and whether it has acknowledged it.',
  })
  feedItemAcknowledgements(
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @CurrentIdentity() _identity: Identity,
  ): AreaAcknowledgement[] {
    const rows = this.feeds.acknowledgementsOf(subjectId);
    this.known.feedSubject(subjectId, rows.length);
    return rows.map((row) => ({
      id: derivedId('AreaAcknowledgement', row.areaId, row.position),
      areaId: row.areaId,
      kind: row.kind,
      title: row.title,
      acknowledgedAt: row.acknowledgedAt,
    }));
  }

  @Mutation(() => FeedItem, {
    description: "The area's own business manager acknowledges an item of the area's feed (L3).",
  })
  async acknowledgeFeedItem(
    @Args('input') input: AcknowledgeFeedItemInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<FeedItem> {
    const position = decodeCursor(input.cursor);
    if (position === null) throw new DomainError('VALIDATION_FAILED', 'The cursor is not one this API gave out.');
    await this.commands.execute(
      new ChangeStreamCommand(
        localArrangementStream(input.areaId),
        localArrangementDecider,
        null,
        'acknowledgeFeedItem',
        input,
        { identity, correlationId: context.correlationId },
        async ({ actor, now }): Promise<LocalArrangementCommand> => ({
          type: 'AcknowledgeFeedItem',
          data: {
            areaId: input.areaId,
            position,
            itemExists: this.feeds.feedItemAt(input.areaId, position) !== undefined,
            managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), identity.personId),
            actor,
            now,
          },
        }),
      ),
    );
    return toFeedItem(this.feeds.feedItemAt(input.areaId, position) as FeedItemRow);
  }

  @Query(() => AreaFeedConnection, {
    description: 'An area’s feed in order; pass the last endCursor as `after` to resume.',
  })
  areaFeed(@Args() { areaId, first, after }: AreaFeedArgs, @CurrentIdentity() _identity: Identity) {
    this.known.area(areaId);
    return toConnection(this.feeds.feed(areaId, first, after ?? null), toFeedItem);
  }

  @Subscription(() => FeedItem, {
    name: 'areaFeed',
    description: 'Replays the area’s feed after the cursor, then follows it live: every item exactly once, in order.',
    resolve: (item: FeedItem) => item,
  })
  followAreaFeed(
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentIdentity() _identity: Identity,
  ): AsyncIterableIterator<FeedItem> {
    // Refused when it starts, so a wrong id is an error on the subscription rather than a silent, open stream.
    this.known.area(areaId);
    const from = after ? decodeCursor(after) : 0;
    if (from === null) throw new DomainError('VALIDATION_FAILED', 'The "after" cursor is not one this API gave out.');
    let last = from;
    // Listen before replaying, so nothing committed during the replay is missed; positions already replayed are skipped.
    const live = this.live.follow(
      () => true,
      (event) => event.position,
    );
    const replay: FeedItem[] = [];
    for (let page = this.feeds.feed(areaId, 500, encodeCursor(last)); page && page.items.length > 0;) {
      replay.push(...page.items.map((item) => toFeedItem(item.node)));
      last = page.items[page.items.length - 1].node.position;
      page = page.hasNextPage ? this.feeds.feed(areaId, 500, encodeCursor(last)) : null;
    }
    const feeds = this.feeds;
    const iterator: AsyncIterableIterator<FeedItem> = {
      async next() {
        for (;;) {
          const replayed = replay.shift();
          if (replayed) return { done: false, value: replayed };
          const next = await live.next();
          if (next.done) return { done: true, value: undefined };
          if (next.value <= last) continue;
          const row = feeds.feedItemAt(areaId, next.value);
          if (!row) continue;
          last = row.position;
          return { done: false, value: toFeedItem(row) };
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
