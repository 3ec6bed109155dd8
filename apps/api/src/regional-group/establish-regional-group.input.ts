import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { BusinessDate } from '../common/business-date';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsShortText } from '../common/input-validators';

@InputType()
export class LocalAreaInput {
  @Field()
  @IsShortText({ label: 'An area name' })
  name!: string;
}

@InputType()
export class EstablishRegionalGroupInput extends IdempotentInput {
  @Field()
  @IsShortText({ label: 'The group name' })
  name!: string;

  @Field(() => [LocalAreaInput], {
    description: 'The local areas, one per local authority boundary; names must differ.',
  })
  @ArrayMinSize(1, { message: 'A regional group covers at least one local area.' })
  @ArrayMaxSize(100, { message: 'A regional group covers at most 100 local areas.' })
  @ValidateNested({ each: true })
  @Type(() => LocalAreaInput)
  areas!: LocalAreaInput[];

  @BusinessDate('establishedOn', 'the day the group came into being; history before it is out of range')
  establishedOn?: string | null;
}
