import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsEntityId } from '../common/input-validators';

@InputType()
export class IssueCalendarTokenInput extends IdempotentInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose token: yourself when left out; anyone, for an administrator.',
  })
  @IsOptional()
  @IsEntityId()
  personId?: string | null;
}

@InputType()
export class RevokeCalendarTokenInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  tokenId!: string;
}

@ObjectType({
  description:
    'A calendar token as issued: its secret is shown here once and never again. It reads the calendars of the groups its person may read, and nothing else.',
})
export class IssuedCalendarToken {
  @Field(() => ID, { description: 'The token id: what revokeCalendarToken takes.' })
  id!: string;

  @Field(() => ID)
  tokenId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  issuedAt!: string;

  @Field({
    description: 'The secret, for the `token` parameter of a calendar address. Keep it as you would a password.',
  })
  token!: string;
}

@ObjectType({ description: 'A calendar token that no longer reads anything.' })
export class RevokedCalendarToken {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tokenId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  revokedAt!: string;
}
