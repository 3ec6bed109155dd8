import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDay, IsEntityId } from '../common/input-validators';
import { IdempotentInput } from '../common/idempotency-key.input';
import { CoverageGap } from './membership.types';
import { RegionalGroup } from './regional-group.types';

@ObjectType({ description: 'R13: what the departure would do: the gaps it opens and the quorum after.' })
export class DepartureConsequences {
  @Field(() => [CoverageGap], { description: 'Areas that would be left without a required agency type.' })
  coverageGaps!: CoverageGap[];

  @Field(() => Int, { description: 'Representatives in the membership once the partner has left.' })
  representativeCount!: number;

  @Field(() => Int, { description: 'The quorum once the partner has left.' })
  quorumRequired!: number;
}

@ObjectType()
export class NoticeToLeave {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field()
  givenOn!: string;

  @Field()
  effectiveOn!: string;

  @Field({ description: 'OPEN, WITHDRAWN or EFFECTIVE.' })
  status!: string;

  @Field(() => String, { nullable: true })
  withdrawnOn!: string | null;

  @Field(() => DepartureConsequences, {
    description:
      'While the notice is open on the day seen: what leaving on its effective date would do to the group as it stands, counting areas, coverage and representatives recorded since it was given. Once effective or withdrawn: consequencesWhenGiven.',
  })
  consequences!: DepartureConsequences;

  @Field(() => DepartureConsequences, {
    description: 'What the departure would have done as the group stood when the notice was given, kept with it.',
  })
  consequencesWhenGiven!: DepartureConsequences;
}

@ObjectType()
export class NoticeChange {
  @Field(() => RegionalGroup)
  group!: RegionalGroup;

  @Field(() => NoticeToLeave)
  notice!: NoticeToLeave;
}

@InputType()
export class GiveNoticeToLeaveInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field(() => ID, { description: 'The leaving partner: one the caller represents.' })
  @IsEntityId()
  partnerId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  givenOn!: string;

  @Field({ description: 'YYYY-MM-DD, at least the notice period of the terms of reference after givenOn.' })
  @IsDay()
  effectiveOn!: string;
}

@InputType()
export class WithdrawNoticeInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field(() => ID)
  @IsEntityId()
  noticeId!: string;
}
