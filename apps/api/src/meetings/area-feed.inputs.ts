import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { AreaInput } from '../local-arrangements/area.input';

@InputType()
export class AcknowledgeFeedItemInput extends AreaInput {
  @Field({ description: 'The cursor of the item.' })
  @IsString()
  @MaxLength(200)
  cursor!: string;
}
