import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsEntityId, IsLongText } from '../common/input-validators';

@InputType()
export class RedactEventFieldInput extends IdempotentInput {
  @Field(() => ID, { description: 'The event holding the text, as `cli export` lists it.' })
  @IsEntityId()
  eventId!: string;

  @Field({ description: 'The free-text field, e.g. "body", or "task.description" for a field inside another.' })
  @Matches(/^[A-Za-z]{1,50}(\.[A-Za-z]{1,50}){0,3}$/, {
    message: 'field must name a field of the event, such as "body" or "task.description".',
  })
  field!: string;

  @Field({ description: 'Why the text must not be held (R40); kept with the redaction.' })
  @IsLongText()
  override reason!: string;
}

@ObjectType({
  description: 'A7: a field whose text was deleted; the fact, who, when and why stay, and `cli verify` reports it.',
})
export class Redaction {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'The stream of the redacted event.' })
  streamId!: string;

  @Field()
  field!: string;

  @Field()
  reason!: string;

  @Field(() => ID)
  redactedBy!: string;

  @Field()
  redactedAt!: string;
}
