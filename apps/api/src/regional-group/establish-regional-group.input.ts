import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { BusinessDate } from '../common/business-date';
import { IdempotentInput } from '../common/idempotency-key.input';

export const NAME_MAX_LENGTH = 200;

@InputType()
export class LocalAreaInput {
  @Field()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH, { message: `An area name is at most ${NAME_MAX_LENGTH} characters.` })
  @Matches(/\S/, { message: 'An area name must not be empty.' })
  name!: string;
}

@InputType()
export class EstablishRegionalGroupInput extends IdempotentInput {
  @Field()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH, { message: `The group name is at most ${NAME_MAX_LENGTH} characters.` })
  @Matches(/\S/, { message: 'The group name must not be empty.' })
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
