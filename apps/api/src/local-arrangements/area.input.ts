import { Field, ID, InputType } from '@nestjs/graphql';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsEntityId } from '../common/input-validators';

/** Every local-arrangement mutation names the area it acts for. */
@InputType({ isAbstract: true })
export abstract class AreaInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;
}
