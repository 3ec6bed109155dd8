import { TimeView } from '@app/read-models';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/connection';

export enum WorkstreamKind {
  STANDING = 'STANDING',
  TASK_AND_FINISH = 'TASK_AND_FINISH',
}
export enum Rag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
export enum TaskStatus {
  TO_DO = 'TO_DO',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WorkstreamKind, { name: 'WorkstreamKind' });
registerEnumType(Rag, {
  name: 'Rag',
  description: 'Red, amber or green: the status a lead reports to the group (W1).',
});
registerEnumType(TaskStatus, { name: 'TaskStatus' });

@ObjectType()
export class WorkstreamPerson {
  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;
}

@ObjectType()
export class StatusReport {
  @Field(() => Rag)
  rag!: Rag;

  @Field()
  note!: string;

  @Field({ description: 'YYYY-MM-DD: the day the lead reported it.' })
  reportedOn!: string;
}

@ObjectType()
export class TaskCount {
  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'One change in a task’s life, in order; carried tasks keep theirs.' })
export class TaskChange {
  @Field(() => ID)
  workstreamId!: string;

  @Field()
  change!: string;

  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Field({ description: 'YYYY-MM-DD: the day the change happened, which history entered later gives.' })
  happenedOn!: string;

  @Field({ description: 'When the platform recorded the change.' })
  occurredAt!: string;

  @Field(() => ID, { nullable: true })
  personId!: string | null;
}

@ObjectType()
export class Task {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  workstreamId!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueDate!: string;

  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => String, { nullable: true })
  blockedReason!: string | null;

  @Field({ description: 'Open and past its due date, as of today (or the day its workstream is seen on).' })
  overdue!: boolean;

  /** The rows its history sees when its workstream is seen as at a day or a moment; null for every change. */
  view!: TimeView | null;
}

@ObjectType()
export class TaskConnection extends Connection(Task) {}

@ObjectType({ description: 'A standing or task-and-finish group commissioned by the regional group (W1, D2).' })
export class Workstream {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field()
  name!: string;

  @Field(() => WorkstreamKind)
  kind!: WorkstreamKind;

  @Field()
  purpose!: string;

  @Field()
  termsOfReference!: string;

  /** The partner the workstream names as lead, as recorded: `leadPartnerId` is who leads for it on the day seen. */
  namedLeadPartnerId!: string;

  @Field(() => WorkstreamPerson)
  lead!: WorkstreamPerson;

  @Field()
  startDate!: string;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => ID, { nullable: true, description: 'The decision that agreed a sub-regional scope (R11).' })
  scopeDecisionId!: string | null;

  @Field()
  status!: string;

  @Field(() => String, { nullable: true })
  outcomeReport!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it closed; closed from that day.' })
  closedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The moment the platform recorded the closing (A1).' })
  closedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The day it is seen as at, when asked; null for today.' })
  asAt!: string | null;

  @Field(() => Date, { nullable: true, description: 'The moment it is seen as recorded at, when asked.' })
  asRecordedAt!: Date | null;

  /** The rows its fields see: today, recorded now, unless asked otherwise. */
  view!: TimeView;
}
