import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IdempotentInput } from '../common/idempotency-key.input';
import { AttendanceStatus } from './meeting.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LONG = 20_000;

@InputType()
export class ScheduleMeetingInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  groupId!: string;

  @Field({ description: 'ISO date and time, e.g. 2020-03-12T10:00:00Z.' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO date and time, e.g. 2020-03-12T10:00:00Z.' })
  startsAt!: string;

  @Field()
  @IsString()
  @MaxLength(300)
  place!: string;
}

@InputType({ isAbstract: true })
abstract class MeetingInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  meetingId!: string;
}

@InputType()
export class MeetingIdInput extends MeetingInput {}

@InputType()
export class SubstituteInput {
  @Field()
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  organisation!: string;
}

@InputType()
export class RecordAttendanceInput extends MeetingInput {
  @Field(() => ID)
  @IsString()
  appointmentId!: string;

  @Field(() => AttendanceStatus)
  @IsIn(Object.values(AttendanceStatus))
  status!: AttendanceStatus;

  @Field(() => SubstituteInput, {
    nullable: true,
    description: 'Someone attending instead: recorded, never counted (R8).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubstituteInput)
  substitute?: SubstituteInput | null;
}

@InputType()
export class SubmitWrittenViewsInput extends MeetingInput {
  @Field(() => ID)
  @IsString()
  appointmentId!: string;

  @Field()
  @IsString()
  @MaxLength(500)
  agendaItem!: string;

  @Field()
  @IsString()
  @MaxLength(LONG)
  views!: string;
}

@InputType()
export class RecordDecisionInput extends MeetingInput {
  @Field()
  @IsString()
  @MaxLength(LONG)
  text!: string;
}

@InputType()
export class MakeRecommendationInput extends MeetingInput {
  @Field()
  @IsString()
  @MaxLength(LONG)
  text!: string;

  @Field(() => [ID], { description: 'The organisations the recommendation is made to.' })
  @ArrayMinSize(1, { message: 'A recommendation names at least one target organisation.' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  targetPartnerIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: 'dueDate must be a date written YYYY-MM-DD.' })
  dueDate!: string;
}

@InputType()
export class RespondToRecommendationInput extends MeetingInput {
  @Field(() => ID)
  @IsString()
  recommendationId!: string;

  @Field(() => ID, { description: 'The target organisation answering: one the caller represents.' })
  @IsString()
  partnerId!: string;

  @Field(() => String, { description: 'ACCEPTED, DECLINED (with a reason) or IMPLEMENTED.' })
  @IsIn(['ACCEPTED', 'DECLINED', 'IMPLEMENTED'], { message: 'response is ACCEPTED, DECLINED or IMPLEMENTED.' })
  response!: 'ACCEPTED' | 'DECLINED' | 'IMPLEMENTED';
}

@InputType()
export class DraftMinutesInput extends MeetingInput {
  @Field()
  @IsString()
  @MaxLength(200_000)
  text!: string;
}

@InputType()
export class ApproveMinutesInput extends MeetingInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A later, open, quorate meeting approving them; omit when the chair approves.',
  })
  @IsOptional()
  @IsString()
  atMeetingId?: string | null;
}

@InputType()
export class CorrectMinutesInput extends MeetingInput {
  @Field()
  @IsString()
  @MaxLength(200_000)
  text!: string;

  @Field()
  @IsString()
  @MaxLength(LONG)
  override reason!: string;
}

@InputType()
export class RecordLocalPublicationInput extends MeetingInput {
  @Field(() => ID)
  @IsString()
  areaId!: string;

  @Field({ description: 'Where the area published them, e.g. its web address.' })
  @IsString()
  @MaxLength(2000)
  address!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: 'publishedOn must be a date written YYYY-MM-DD.' })
  publishedOn!: string;
}

@InputType()
export class RecordDissolutionAgreementInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  groupId!: string;

  @Field(() => ID, { description: 'The open, quorate meeting at which the partner agrees.' })
  @IsString()
  meetingId!: string;

  @Field(() => ID)
  @IsString()
  partnerId!: string;
}
