import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  IsDateAndTime,
  IsDay,
  IsDocumentText,
  IsEntityId,
  IsLongText,
  IsShortText,
  IsWebAddress,
} from '../common/input-validators';
import { BusinessDate } from '../common/business-date';
import { IdempotentInput } from '../common/idempotency-key.input';
import { AttendanceStatus } from './meeting.types';

@InputType()
export class ScheduleMeetingInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field({ description: 'ISO date and time, e.g. 2020-03-12T10:00:00Z.' })
  @IsDateAndTime()
  startsAt!: string;

  @Field()
  @IsShortText()
  place!: string;

  @BusinessDate(
    'bookedOn',
    'the day the meeting was booked, for one entered after the fact: not after today, not before the group was established nor after the meeting’s day',
    'When omitted, it reads as booked on the day it is recorded, or on its own day for a meeting already held.',
  )
  bookedOn?: string | null;
}

@InputType({ isAbstract: true })
abstract class MeetingInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  meetingId!: string;
}

@InputType()
export class MeetingIdInput extends MeetingInput {}

@InputType({ description: 'A7: reason is required for a correction; without one it is refused (VALIDATION_FAILED).' })
export class CorrectDecisionInput extends MeetingInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;

  @Field({ description: 'The decision as it should read.' })
  @IsLongText()
  text!: string;
}

@InputType({ description: 'A7: reason is required for a correction; without one it is refused (VALIDATION_FAILED).' })
export class CorrectMeetingDetailsInput extends MeetingInput {
  @Field({ description: 'The corrected date and time, ISO with its time zone, e.g. 2020-03-12T10:00:00Z.' })
  @IsDateAndTime()
  startsAt!: string;

  @Field()
  @IsShortText()
  place!: string;

  @BusinessDate(
    'bookedOn',
    'the day the meeting was booked, entered again for the corrected date: not after today, not before the group was established nor after the corrected day',
    'When omitted, the day entered before stands, and a correction to before it is refused (OUT_OF_RANGE).',
  )
  bookedOn?: string | null;
}

@InputType()
export class SubstituteInput {
  @Field()
  @IsShortText()
  name!: string;

  @Field()
  @IsShortText()
  organisation!: string;
}

@InputType()
export class RecordAttendanceInput extends MeetingInput {
  @Field(() => ID)
  @IsEntityId()
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
  @IsEntityId()
  appointmentId!: string;

  @Field()
  @IsShortText()
  agendaItem!: string;

  @Field()
  @IsLongText()
  views!: string;

  @BusinessDate('submittedOn', 'the day the views were sent, no later than the meeting’s day')
  submittedOn?: string | null;
}

@InputType()
export class RecordDecisionInput extends MeetingInput {
  @Field()
  @IsLongText()
  text!: string;
}

@InputType()
export class MakeRecommendationInput extends MeetingInput {
  @Field()
  @IsLongText()
  text!: string;

  @Field(() => [ID], { description: 'The organisations the recommendation is made to.' })
  @ArrayMinSize(1, { message: 'A recommendation names at least one target organisation.' })
  @ArrayMaxSize(50)
  @IsEntityId({ each: true })
  targetPartnerIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  dueDate!: string;
}

@InputType()
export class RespondToRecommendationInput extends MeetingInput {
  @Field(() => ID)
  @IsEntityId()
  recommendationId!: string;

  @Field(() => ID, { description: 'The target organisation answering: one the caller represents.' })
  @IsEntityId()
  partnerId!: string;

  @Field(() => String, { description: 'ACCEPTED, DECLINED (with a reason) or IMPLEMENTED.' })
  @IsIn(['ACCEPTED', 'DECLINED', 'IMPLEMENTED'], { message: 'response is ACCEPTED, DECLINED or IMPLEMENTED.' })
  response!: 'ACCEPTED' | 'DECLINED' | 'IMPLEMENTED';

  @BusinessDate('respondedOn', 'the day the organisation answered')
  respondedOn?: string | null;
}

@InputType()
export class DraftMinutesInput extends MeetingInput {
  @Field()
  @IsDocumentText()
  text!: string;
}

@InputType()
export class ApproveMinutesInput extends MeetingInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A later, open, quorate meeting approving them; omit when the chair approves.',
  })
  @IsOptional()
  @IsEntityId()
  atMeetingId?: string | null;

  @BusinessDate('approvedOn', 'the day the chair approved them; at a later meeting, that meeting’s day')
  approvedOn?: string | null;
}

@InputType()
export class PublishMinutesInput extends MeetingInput {
  @BusinessDate('publishedOn', 'the day they were published, not before their approval')
  publishedOn?: string | null;
}

@InputType()
export class CorrectMinutesInput extends MeetingInput {
  @Field()
  @IsDocumentText()
  text!: string;

  @Field()
  @IsLongText()
  override reason!: string;
}

@InputType()
export class RecordLocalPublicationInput extends MeetingInput {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;

  @Field({ description: 'Where the area published them: the web address (http or https).' })
  @IsWebAddress()
  address!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  publishedOn!: string;
}

@InputType()
export class RecordDissolutionAgreementInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field(() => ID, { description: 'The open, quorate meeting at which the partner agrees.' })
  @IsEntityId()
  meetingId!: string;

  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;
}
