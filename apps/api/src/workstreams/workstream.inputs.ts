import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IdempotentInput } from '../common/idempotency-key.input';
import { Rag, WorkstreamKind } from './workstream.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) => ({ message: `${label} must be a date written YYYY-MM-DD.` });
const TEXT = 300;
const LONG = 20_000;

@InputType()
export class CommissionWorkstreamInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  groupId!: string;

  @Field()
  @IsString()
  @MaxLength(TEXT)
  name!: string;

  @Field(() => WorkstreamKind)
  @IsIn(Object.values(WorkstreamKind))
  kind!: WorkstreamKind;

  @Field()
  @IsString()
  @MaxLength(LONG)
  purpose!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(LONG)
  termsOfReference: string = '';

  @Field(() => ID)
  @IsString()
  leadPartnerId!: string;

  @Field(() => ID, { description: 'A person the platform knows.' })
  @IsString()
  leadPersonId!: string;

  @Field(() => [ID], { description: 'The areas it concerns; fewer than all needs scopeDecisionId (R11).' })
  @ArrayMinSize(1, { message: 'A workstream concerns at least one area.' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  areaIds!: string[];

  @Field()
  @Matches(DATE, date('startDate'))
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Required for a task-and-finish group.' })
  @IsOptional()
  @Matches(DATE, date('endDate'))
  endDate?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  scopeDecisionId?: string | null;
}

@InputType({ isAbstract: true })
abstract class WorkstreamInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  workstreamId!: string;
}

@InputType()
export class WorkstreamPersonInput extends WorkstreamInput {
  @Field(() => ID)
  @IsString()
  personId!: string;
}

@InputType()
export class ChangeWorkstreamLeadInput extends WorkstreamPersonInput {
  @Field(() => ID)
  @IsString()
  leadPartnerId!: string;
}

@InputType()
export class ReportWorkstreamStatusInput extends WorkstreamInput {
  @Field(() => Rag)
  @IsIn(Object.values(Rag))
  rag!: Rag;

  @Field()
  @IsString()
  @MaxLength(LONG)
  note!: string;
}

@InputType()
export class AddTaskInput extends WorkstreamInput {
  @Field()
  @IsString()
  @MaxLength(TEXT)
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(LONG)
  description: string = '';

  @Field(() => ID, { description: 'The lead or a member of the workstream.' })
  @IsString()
  ownerId!: string;

  @Field()
  @Matches(DATE, date('dueDate'))
  dueDate!: string;
}

@InputType()
export class TaskInput extends WorkstreamInput {
  @Field(() => ID)
  @IsString()
  taskId!: string;
}

@InputType()
export class TaskReasonInput extends TaskInput {
  @Field()
  @IsString()
  @MaxLength(LONG)
  override reason!: string;
}

@InputType()
export class ReassignTaskInput extends TaskInput {
  @Field(() => ID)
  @IsString()
  ownerId!: string;
}

@InputType()
export class ChangeTaskDueDateInput extends TaskReasonInput {
  @Field()
  @Matches(DATE, date('dueDate'))
  dueDate!: string;
}

@InputType()
export class CarryTaskOverInput extends TaskInput {
  @Field(() => ID)
  @IsString()
  toWorkstreamId!: string;
}

@InputType()
export class CloseWorkstreamInput extends WorkstreamInput {
  @Field()
  @IsString()
  @MaxLength(LONG)
  outcomeReport!: string;
}
