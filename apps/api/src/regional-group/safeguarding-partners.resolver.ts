import { Args, Context, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { IsIn } from 'class-validator';
import { SENIORITIES, Seniority } from '@app/domain';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { BusinessDate } from '../common/business-date';
import { requestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsEntityId, IsShortText } from '../common/input-validators';
import { GraphqlContext } from '../graphql/graphql-context';
import { Seniority as SeniorityEnum } from './membership.inputs';
import { RegionalGroupChange } from './membership.types';
import { GetRegionalGroupQuery } from './regional-group.queries';
import { RegionalGroupService } from './regional-group.service';

@InputType({
  description:
    "R17: a statutory partner's lead safeguarding partner and the delegated safeguarding partner the lead named.",
})
export class NameSafeguardingPartnersInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field(() => ID, { description: 'A current core partner of a statutory type on the day.' })
  @IsEntityId()
  partnerId!: string;

  @Field({ description: 'e.g. the council’s chief executive, the chief constable.' })
  @IsShortText({ label: "The lead's name" })
  leadName!: string;

  @Field()
  @IsShortText({ label: "The lead's title" })
  leadTitle!: string;

  @Field()
  @IsShortText({ label: "The delegate's name" })
  delegateName!: string;

  @Field()
  @IsShortText({ label: "The delegate's title" })
  delegateTitle!: string;

  @Field(() => SeniorityEnum)
  @IsIn(SENIORITIES)
  delegateSeniority!: Seniority;

  @BusinessDate('from', 'the day the delegate was named; not in the future')
  from?: string | null;
}

/** R17: each statutory partner's lead and delegated safeguarding partners, recorded in the group's stream. */
@Resolver()
export class SafeguardingPartnersResolver {
  constructor(
    private readonly groups: RegionalGroupService,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => RegionalGroupChange, {
    description:
      "A representative of the partner, the chair or an administrator. Records a statutory partner's lead and the delegate the lead named, from a day; a delegate below the group's minimum seniority is flagged (delegationsBelowMinimum), not refused.",
  })
  async nameSafeguardingPartners(
    @Args('input') input: NameSafeguardingPartnersInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    await this.groups.nameSafeguardingPartners(input, requestMeta(identity, context));
    const group = await this.queries.execute(new GetRegionalGroupQuery(input.groupId));
    return { group, coverageGapsCreated: [], postsVacated: [] };
  }
}
