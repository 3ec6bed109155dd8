import { Field, ID, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsEntityId } from '../common/input-validators';

/** Every local-arrangement mutation names the area it acts for. */
@InputType({ isAbstract: true })
export abstract class AreaInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;
}

/** A required or optional YYYY-MM-DD field, refused with a sentence naming it. */
export const IsDay = (label: string): PropertyDecorator =>
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date written YYYY-MM-DD.` });
