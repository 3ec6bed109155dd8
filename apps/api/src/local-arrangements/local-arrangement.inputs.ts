import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LOCAL_GROUP_KINDS, LocalGroupKind } from '@app/domain';
import { BusinessDate } from '../common/business-date';
import { IsDay } from '../common/input-validators';
import { AreaInput } from './area.input';
import { IsEntityId, IsShortText } from '../common/input-validators';
import { LocalGroupKindEnum } from './local-arrangement.types';

@InputType()
export class RecordRelevantAgencyInput extends AreaInput {
  @Field()
  @IsShortText()
  name!: string;

  @Field({ description: 'An agency type code the group knows (EDUCATION for a school or childcare body).' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'agencyType must be an agency type code such as EDUCATION.' })
  agencyType!: string;

  @Field({ description: 'YYYY-MM-DD: the first day it takes part.' })
  @IsDay()
  from!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day it no longer takes part.' })
  @IsOptional()
  @IsDay()
  to?: string | null;
}

@InputType()
export class EndRelevantAgencyInput extends AreaInput {
  @Field(() => ID)
  @IsEntityId()
  agencyId!: string;

  @Field({ description: 'YYYY-MM-DD: the first day it no longer takes part.' })
  @IsDay()
  to!: string;
}

@InputType()
export class RecordLocalGroupInput extends AreaInput {
  @Field()
  @IsShortText()
  name!: string;

  @Field(() => LocalGroupKindEnum)
  @IsIn(LOCAL_GROUP_KINDS)
  kind!: LocalGroupKind;

  @Field(() => Int, { description: 'The cadence: how many times a year it meets.' })
  @IsInt()
  @Min(1)
  @Max(52)
  meetingsPerYear!: number;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Regional workstreams of the area’s group a working group works to.',
  })
  @ArrayMaxSize(50)
  @IsEntityId({ each: true })
  workstreamIds: string[] = [];
}

@InputType()
export class PublishArrangementsInput extends AreaInput {
  @Field({ description: 'The version label, e.g. 2024.' })
  @IsShortText()
  version!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  publishedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when already done.' })
  @IsOptional()
  @IsDay()
  secretaryOfStateNotifiedOn?: string | null;
}

@InputType({ isAbstract: true })
abstract class VersionInput extends AreaInput {
  @Field()
  @IsShortText()
  version!: string;
}

@InputType()
export class RecordSecretaryOfStateNotifiedInput extends VersionInput {
  @BusinessDate('notifiedOn', 'the day the Secretary of State was notified')
  notifiedOn?: string | null;
}

@InputType()
export class RecordArrangementsImplementedInput extends VersionInput {
  @BusinessDate('implementedOn', 'the day the arrangements were implemented')
  implementedOn?: string | null;
}
