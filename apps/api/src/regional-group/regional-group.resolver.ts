import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RegionalGroupCommand, regionalGroupDecider, regionalGroupStream } from '@app/domain';
import { childId, newEntityId } from '@app/event-store';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { PageArgs } from '../common/connection';
import { GraphqlContext } from '../graphql/graphql-context';
import { LiveEvents } from '../live/live-events';
import { ChangeStreamCommand } from '../common/change-stream.command';
import { EstablishRegionalGroupInput } from './establish-regional-group.input';
import { GetRegionalGroupQuery, ListRegionalGroupsQuery } from './regional-group.queries';
import { LocalArea, RegionalGroup, RegionalGroupConnection } from './regional-group.types';

@Resolver(() => RegionalGroup)
export class RegionalGroupResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly live: LiveEvents,
  ) {}

  @Mutation(() => RegionalGroup, {
    description: 'Records a new regional group and its local areas. Administrators only.',
  })
  async establishRegionalGroup(
    @Args('input') input: EstablishRegionalGroupInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroup> {
    const groupId = newEntityId('regional-group', identity.personId, input.idempotencyKey);
    await this.commands.execute(
      new ChangeStreamCommand(
        regionalGroupStream(groupId),
        regionalGroupDecider,
        null,
        'establishRegionalGroup',
        input,
        { identity, correlationId: context.correlationId },
        ({ actor, now }): RegionalGroupCommand => ({
          type: 'EstablishRegionalGroup',
          data: {
            groupId,
            name: input.name,
            areas: input.areas.map((area, index) => ({ areaId: childId(groupId, 'area', index), name: area.name })),
            establishedOn: input.establishedOn ?? null,
            actor,
            now,
          },
        }),
      ),
    );
    return this.queries.execute(new GetRegionalGroupQuery(groupId));
  }

  @Query(() => RegionalGroup, { description: 'One regional group; NOT_FOUND when there is none with this id.' })
  regionalGroup(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() _identity: Identity,
  ): Promise<RegionalGroup> {
    return this.queries.execute(new GetRegionalGroupQuery(id));
  }

  @Query(() => RegionalGroupConnection, { description: 'Regional groups in the order they were established.' })
  regionalGroups(@Args() { first, after }: PageArgs, @CurrentIdentity() _identity: Identity) {
    return this.queries.execute(new ListRegionalGroupsQuery(first, after ?? null));
  }

  @ResolveField(() => [LocalArea])
  async areas(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<LocalArea[]> {
    const rows = await context.loaders.areasOfGroup.load(group.id);
    return rows.map((row) => ({ id: row.areaId, name: row.name }));
  }

  @Subscription(() => RegionalGroup, {
    description: 'Each regional group established from the moment of subscribing, once it is readable.',
    resolve: (group: RegionalGroup) => group,
  })
  regionalGroupEstablished(@CurrentIdentity() _identity: Identity): AsyncIterableIterator<RegionalGroup> {
    return this.live.follow(
      (event) => event.type === 'RegionalGroupEstablished',
      (event) => this.queries.execute(new GetRegionalGroupQuery((event.data as { groupId: string }).groupId)),
    );
  }
}
