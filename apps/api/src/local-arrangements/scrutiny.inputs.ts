import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { RECOMMENDATION_RESPONSES, RecommendationResponse } from '@app/domain';
import { BusinessDate } from '../common/business-date';
import { IsDay } from '../common/input-validators';
import { AreaInput } from './area.input';
import { IsEntityId, IsLongText, IsShortText } from '../common/input-validators';

@InputType()
export class AppointScrutineerInput extends AreaInput {
  @Field()
  @IsShortText()
  name!: string;

  @Field({ description: 'YYYY-MM-DD: the first day of the appointment.' })
  @IsDay()
  from!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day no longer appointed.' })
  @IsOptional()
  @IsDay()
  to?: string | null;
}

@InputType()
export class RecordScrutinyActivityInput extends AreaInput {
  @Field(() => ID)
  @IsEntityId()
  scrutineerId!: string;

  @Field({ description: 'What was examined: governance text, never case details (R40).' })
  @IsLongText()
  examined!: string;

  @BusinessDate('on', 'the day of the activity')
  on?: string | null;
}

@InputType()
export class ScrutinyRecommendationInput {
  @Field()
  @IsLongText()
  text!: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEntityId({ each: true })
  targetPartnerIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  dueDate!: string;
}

@InputType()
export class PublishScrutinyReportInput extends AreaInput {
  @Field(() => ID)
  @IsEntityId()
  scrutineerId!: string;

  @Field()
  @IsShortText()
  title!: string;

  @BusinessDate('publishedOn', 'the day the report was published')
  publishedOn?: string | null;

  @Field(() => [ScrutinyRecommendationInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScrutinyRecommendationInput)
  recommendations: ScrutinyRecommendationInput[] = [];
}

@InputType()
export class RespondToScrutinyRecommendationInput extends AreaInput {
  @Field(() => ID)
  @IsEntityId()
  recommendationId!: string;

  @Field(() => ID, { description: 'The target partner answering, whom the sender represents (R41).' })
  @IsEntityId()
  partnerId!: string;

  @Field(() => String, { description: 'ACCEPTED, DECLINED (with a reason given as `reason`) or IMPLEMENTED.' })
  @IsIn(RECOMMENDATION_RESPONSES)
  response!: RecommendationResponse;

  @BusinessDate('respondedOn', 'the day of the response')
  respondedOn?: string | null;
}
