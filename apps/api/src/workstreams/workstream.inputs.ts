import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional } from 'class-validator';
import { BusinessDate } from '../common/business-date';
import { IsDay, IsDocumentText, IsEntityId, IsLongText, IsShortText } from '../common/input-validators';
import { IdempotentInput } from '../common/idempotency-key.input';
import { Rag, WorkstreamKind } from './workstream.types';

@InputType()
export class CommissionWorkstreamInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText()
  name!: string;

  @Field(() => WorkstreamKind)
  @IsIn(Object.values(WorkstreamKind))
  kind!: WorkstreamKind;

  @Field()
  @IsLongText()
  purpose!: string;

  @Field({ defaultValue: '' })
  @IsDocumentText({ allowEmpty: true })
  termsOfReference: string = '';

  @Field(() => ID)
  @IsEntityId()
  leadPartnerId!: string;

  @Field(() => ID, { description: 'A person the platform knows.' })
  @IsEntityId()
  leadPersonId!: string;

  @Field(() => [ID], { description: 'The areas it concerns; fewer than all needs scopeDecisionId (R11).' })
  @ArrayMinSize(1, { message: 'A workstream concerns at least one area.' })
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  areaIds!: string[];

  @Field()
  @IsDay()
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Required for a task-and-finish group.' })
  @IsOptional()
  @IsDay()
  endDate?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  scopeDecisionId?: string | null;
}

@InputType({ isAbstract: true })
abstract class WorkstreamInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  workstreamId!: string;
}

@InputType({ isAbstract: true })
abstract class WorkstreamPersonInput extends WorkstreamInput {
  @Field(() => ID)
  @IsEntityId()
  personId!: string;
}

@InputType()
export class AddWorkstreamMemberInput extends WorkstreamPersonInput {
  @BusinessDate('addedOn', 'the day they joined, not before the workstream’s first day')
  addedOn?: string | null;
}

@InputType()
export class RemoveWorkstreamMemberInput extends WorkstreamPersonInput {
  @BusinessDate('removedOn', 'the day they left, not before the workstream’s first day nor the day they were added')
  removedOn?: string | null;
}

@InputType()
export class ChangeWorkstreamLeadInput extends WorkstreamPersonInput {
  @Field(() => ID)
  @IsEntityId()
  leadPartnerId!: string;

  @BusinessDate(
    'changedOn',
    'the day the new lead took over, not before the workstream’s first day nor the last change of lead',
  )
  changedOn?: string | null;
}

@InputType()
export class ReportWorkstreamStatusInput extends WorkstreamInput {
  @Field(() => Rag)
  @IsIn(Object.values(Rag))
  rag!: Rag;

  @Field()
  @IsLongText()
  note!: string;

  @BusinessDate('reportedOn', 'the day the lead reported it, not before the workstream’s first day')
  reportedOn?: string | null;
}

@InputType()
export class AddTaskInput extends WorkstreamInput {
  @Field()
  @IsShortText()
  title!: string;

  @Field({ defaultValue: '' })
  @IsLongText({ allowEmpty: true })
  description: string = '';

  @Field(() => ID, { description: 'The lead or a member of the workstream.' })
  @IsEntityId()
  ownerId!: string;

  @Field()
  @IsDay()
  dueDate!: string;

  @BusinessDate('addedOn', 'the day it was set, not before the workstream’s first day nor its owner joining')
  addedOn?: string | null;
}

@InputType({ isAbstract: true })
abstract class TaskIdInput extends WorkstreamInput {
  @Field(() => ID)
  @IsEntityId()
  taskId!: string;
}

@InputType()
export class TaskInput extends TaskIdInput {
  @BusinessDate('changedOn', 'the day the task changed, not before it was added or last changed')
  changedOn?: string | null;
}

@InputType()
export class TaskReasonInput extends TaskInput {
  @Field()
  @IsLongText()
  override reason!: string;
}

@InputType()
export class ReassignTaskInput extends TaskInput {
  @Field(() => ID)
  @IsEntityId()
  ownerId!: string;
}

@InputType()
export class ChangeTaskDueDateInput extends TaskReasonInput {
  @Field()
  @IsDay()
  dueDate!: string;
}

@InputType()
export class CarryTaskOverInput extends TaskIdInput {
  @Field(() => ID)
  @IsEntityId()
  toWorkstreamId!: string;

  @BusinessDate(
    'changedOn',
    'the day the task was carried over, not before it was added or last changed, nor before the other workstream’s first day',
  )
  changedOn?: string | null;
}

@InputType()
export class CloseWorkstreamInput extends WorkstreamInput {
  @Field()
  @IsDocumentText()
  outcomeReport!: string;

  @BusinessDate('closedOn', 'the day it closed, not before the workstream’s first day nor the last change of its tasks')
  closedOn?: string | null;
}
