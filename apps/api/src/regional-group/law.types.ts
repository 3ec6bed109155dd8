import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RequirementScope } from '@app/domain';
import { RequirementScopeEnum } from './law.inputs';
import { CoverageGap } from './membership.types';
import { Seniority } from './membership.inputs';

@ObjectType({ description: 'R2, L1: an agency type required of every area from a date, which may be to come.' })
export class AgencyTypeRequirement {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  inForceFrom!: string;

  @Field(() => RequirementScopeEnum)
  scope!: RequirementScope;

  @Field({ description: 'Whether it is in force on the day seen on.' })
  inForce!: boolean;

  @Field(() => [CoverageGap], { description: 'The partner coverage gaps it made on its first day, as recorded.' })
  gapsFromCommencement!: CoverageGap[];
}

@ObjectType({ description: 'R17, Working Together 2023: the partnership chair the partners appointed.' })
export class PartnershipChair {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  title!: string;

  @Field()
  from!: string;
}

@ObjectType({ description: "R17: a statutory partner's lead safeguarding partner (its head)." })
export class LeadSafeguardingPartner {
  @Field()
  name!: string;

  @Field()
  title!: string;
}

@ObjectType({
  description:
    'R17, Working Together 2023: the delegated safeguarding partner a statutory partner’s lead named, in force on the day seen on.',
})
export class DelegatedSafeguardingPartner {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field()
  name!: string;

  @Field()
  title!: string;

  @Field(() => Seniority)
  seniority!: string;

  @Field(() => LeadSafeguardingPartner, { description: 'The lead who named the delegate.' })
  lead!: LeadSafeguardingPartner;

  @Field({ description: 'YYYY-MM-DD: the day the delegate was named.' })
  from!: string;

  @Field({
    description: 'Below the minimum seniority the group set in force on the day seen on (flagged, not refused).',
  })
  belowMinimum!: boolean;
}
