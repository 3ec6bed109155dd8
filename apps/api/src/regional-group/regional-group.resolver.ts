import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { PageArgs } from '../common/connection';
import { GraphqlContext } from '../graphql/graphql-context';
import { LiveEvents } from '../live/live-events';
import { requestMeta } from '../common/command-gateway';
import { EstablishRegionalGroupInput } from './establish-regional-group.input';
import { GetRegionalGroupQuery, ListRegionalGroupsQuery } from './regional-group.queries';
import { LocalArea, RegionalGroup, RegionalGroupConnection } from './regional-group.types';
import { GroupTimeViews } from '../common/group-time-views';
import { areasSeenBy, WHOLE_RECORD } from '@app/read-models';
import { RegionalGroupService } from './regional-group.service';

@Resolver(() => RegionalGroup)
export class RegionalGroupResolver {
  constructor(
    private readonly service: RegionalGroupService,
    private readonly queries: QueryBus,
    private readonly live: LiveEvents,
    private readonly views: GroupTimeViews,
    private readonly access: ReadAccess,
  ) {}

  @Mutation(() => RegionalGroup, {
    description: 'Records a new regional group and its local areas. Administrators only.',
  })
  async establishRegionalGroup(
    @Args('input') input: EstablishRegionalGroupInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroup> {
    const groupId = await this.service.establish(input, requestMeta(identity, context));
    return this.queries.execute(new GetRegionalGroupQuery(groupId));
  }

  @Query(() => RegionalGroup, {
    nullable: true,
    description:
      'One regional group; NOT_FOUND when there is none with this id, FORBIDDEN to anyone who may not read its business (R43). Its partners, representatives, chair, deputy, coverage, quorum, terms, funding and notices are as they stood on asAt (YYYY-MM-DD), as known now, or as the platform showed them at asRecordedAt; a day before the group existed is OUT_OF_RANGE (A3). Null when refused, the refusal (with its code) in errors, so the rest of the query still answers.',
  })
  async regionalGroup(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asAt', { type: () => String, nullable: true, description: 'YYYY-MM-DD' }) asAt?: string | null,
    @Args('asRecordedAt', { type: () => Date, nullable: true }) asRecordedAt?: Date | null,
  ): Promise<RegionalGroup> {
    const group: RegionalGroup = await this.queries.execute(new GetRegionalGroupQuery(id));
    await this.access.assertGroup(identity.personId, id);
    if (!asAt && !asRecordedAt) return group;
    const view = this.views.of(id, asAt ?? null, asRecordedAt ?? null);
    return { ...group, asAt: view.on, asRecordedAt: asRecordedAt ?? null, view };
  }

  @Query(() => RegionalGroupConnection, {
    description: 'The regional groups the reader may read (R43), in the order they were established.',
  })
  async regionalGroups(@Args() { first, after }: PageArgs, @CurrentIdentity() identity: Identity) {
    const only = await this.access.readableGroupIds(identity.personId);
    return this.queries.execute(new ListRegionalGroupsQuery(first, after ?? null, only));
  }

  @ResolveField(() => [LocalArea], { description: 'R1: the areas that had joined the group by the day seen on.' })
  async areas(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<LocalArea[]> {
    const rows = await context.loaders.areasOfGroup.load(group.id);
    return areasSeenBy(rows, group.view ?? WHOLE_RECORD).map((row) => ({
      id: row.areaId,
      name: row.name,
      addedOn: row.addedOn,
    }));
  }

  @Subscription(() => RegionalGroup, {
    description:
      'Each regional group established from the moment of subscribing, once it is readable, if the subscriber may read it (R43).',
    resolve: (group: RegionalGroup) => group,
    filter: (group: RegionalGroup | null) => group !== null,
  })
  regionalGroupEstablished(@CurrentIdentity() identity: Identity): AsyncIterableIterator<RegionalGroup | null> {
    return this.live.follow(
      (event) => event.type === 'RegionalGroupEstablished',
      async (event) => {
        const groupId = (event.data as { groupId: string }).groupId;
        if (!(await this.access.mayReadGroup(identity.personId, groupId))) return null;
        return this.queries.execute(new GetRegionalGroupQuery(groupId));
      },
    );
  }
}
