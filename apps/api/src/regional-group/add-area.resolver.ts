import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ArrayMaxSize } from 'class-validator';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { requestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsDay, IsEntityId, IsShortText } from '../common/input-validators';
import { GraphqlContext } from '../graphql/graphql-context';
import { CoverageGap } from './membership.types';
import { GetRegionalGroupQuery } from './regional-group.queries';
import { RegionalGroupService } from './regional-group.service';
import { LocalArea, RegionalGroup } from './regional-group.types';

@InputType({ description: 'R1-R3: an area joining the group (a new unitary authority) and the partners covering it.' })
export class AddAreaInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText({ label: 'An area name' })
  name!: string;

  @Field({ description: 'YYYY-MM-DD: the day it joined; not before the group existed, not after today.' })
  @IsDay()
  addedOn!: string;

  @Field(() => [ID], { description: 'Current core partners that cover the area from that day.' })
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  coveringPartnerIds!: string[];
}

@ObjectType({ description: 'The group after an area joined it, the area, and the gaps its coverage leaves (R3).' })
export class AreaAddition {
  @Field(() => RegionalGroup)
  group!: RegionalGroup;

  @Field(() => LocalArea)
  area!: LocalArea;

  @Field(() => [CoverageGap], {
    description: 'The required agency types no covering partner brings to the new area, as coverageIf answers.',
  })
  coverageGapsCreated!: CoverageGap[];
}

/** R1-R3: adding an area to a group, recorded in the group's stream. */
@Resolver()
export class AddAreaResolver {
  constructor(
    private readonly groups: RegionalGroupService,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => AreaAddition, {
    description:
      'Admin or chair. Adds an area from the day it joined, covered from then by the partners named; its coverage gaps are reported, not refused.',
  })
  async addArea(
    @Args('input') input: AddAreaInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<AreaAddition> {
    const { areaId, events } = await this.groups.addArea(input, requestMeta(identity, context));
    const added = events.find((event) => event.type === 'AreaAdded');
    const group: RegionalGroup = await this.queries.execute(new GetRegionalGroupQuery(input.groupId));
    return {
      group,
      area: { id: areaId, name: added?.data.name ?? input.name, addedOn: added?.data.addedOn ?? input.addedOn },
      coverageGapsCreated: added ? [...added.data.gapsAccepted] : [],
    };
  }
}
