import { Args, Context, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { IsOptional } from 'class-validator';
import { participatesOn } from '@app/domain';
import { LocalArrangementQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { requestMeta } from '../common/command-gateway';
import { GroupTimeViews } from '../common/group-time-views';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsDay, IsEntityId, IsShortText } from '../common/input-validators';
import { GraphqlContext } from '../graphql/graphql-context';
import { Scrutineer } from '../local-arrangements/scrutiny.types';
import { RegionalGroupChange } from './membership.types';
import { GetRegionalGroupQuery } from './regional-group.queries';
import { RegionalGroupService } from './regional-group.service';
import { RegionalGroup } from './regional-group.types';

@InputType({ description: 'L6: an independent scrutineer for the whole group, with dates.' })
export class AppointGroupScrutineerInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText()
  name!: string;

  @Field({ description: 'YYYY-MM-DD: the first day of the appointment.' })
  @IsDay()
  from!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day no longer appointed.' })
  @IsOptional()
  @IsDay()
  to?: string | null;
}

/** L6: scrutineers appointed for the whole group, beside each area's own. */
@Resolver(() => RegionalGroup)
export class GroupScrutinyResolver {
  constructor(
    private readonly groups: RegionalGroupService,
    private readonly queries: QueryBus,
    private readonly views: GroupTimeViews,
    private readonly records: LocalArrangementQueries,
  ) {}

  @ResolveField(() => [Scrutineer], {
    description: 'L6: the scrutineers appointed for the whole group by the view; `current` on its day.',
  })
  scrutineers(@Parent() group: RegionalGroup): Scrutineer[] {
    const view = group.view ?? this.views.today();
    return this.records.groupScrutineers(group.id, view).map(({ scrutineerId, ...row }) => ({
      ...row,
      id: scrutineerId,
      current: participatesOn(row, view.on),
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. L6: an independent scrutineer appointed for the whole group, with dates.',
  })
  async appointGroupScrutineer(
    @Args('input') input: AppointGroupScrutineerInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    await this.groups.appointGroupScrutineer(input, requestMeta(identity, context));
    const group = await this.queries.execute(new GetRegionalGroupQuery(input.groupId));
    return { group, coverageGapsCreated: [], postsVacated: [] };
  }
}
