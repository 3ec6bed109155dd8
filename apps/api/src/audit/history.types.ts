import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Connection, PageArgs } from '../common/connection';
import { IsDay, IsEntityId } from '../common/input-validators';

export enum HistoryKind {
  REGIONAL_GROUP = 'REGIONAL_GROUP',
  MEETING = 'MEETING',
  WORKSTREAM = 'WORKSTREAM',
  POLICY = 'POLICY',
  COMMUNICATION = 'COMMUNICATION',
  LOCAL_ARRANGEMENT = 'LOCAL_ARRANGEMENT',
  ACCESS = 'ACCESS',
  OTHER = 'OTHER',
}
registerEnumType(HistoryKind, {
  name: 'HistoryKind',
  description:
    'The kind of record an event was made in: a regional group, meeting, workstream, policy, communication, an area’s own local arrangement, or the platform’s people and roles (ACCESS).',
});

export enum HistoryOrder {
  RECORDED = 'RECORDED',
  HAPPENED = 'HAPPENED',
}
registerEnumType(HistoryOrder, {
  name: 'HistoryOrder',
  description:
    'The order a history is read in: RECORDED, the log’s (by position); HAPPENED, by the day each event happened in the world, then by position, so history entered years later reads where it belongs.',
});

@ObjectType({ description: 'Who made a change (A1): the person, the partner they acted for, and their roles then.' })
export class HistoryActor {
  @Field(() => ID, { nullable: true, description: 'The person; "system" for effects the platform records itself.' })
  personId!: string | null;

  @Field(() => String, { nullable: true, description: 'Their name as the platform knew it when the change was made.' })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: 'The partner they acted for; null outside a group.' })
  partnerId!: string | null;

  @Field(() => String, { nullable: true })
  partnerName!: string | null;

  @Field(() => [String])
  roles!: string[];
}

@ObjectType({
  description:
    'The record an event is in (a group, meeting, workstream, policy, communication or area’s local arrangement), as it is named now.',
})
export class HistoryRecord {
  @Field(() => ID, {
    description: 'The group, meeting, workstream, policy, communication or area: its stream’s id less the kind.',
  })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The regional group it belongs to; a group’s own record is itself.' })
  groupId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The group’s, workstream’s or area’s name, or the policy’s or communication’s title; null for a meeting (known by startsAt), and for a restricted communication to whoever may not read it (R42).',
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'A meeting’s start (ISO 8601); null for any other record.' })
  startsAt!: string | null;
}

@ObjectType({ description: 'One recorded event.' })
export class HistoryEvent {
  @Field(() => ID, { description: 'The event’s id in the store.' })
  id!: string;

  @Field(() => Int, { description: 'Its position in the whole log: the order events were recorded in.' })
  position!: number;

  @Field(() => HistoryKind)
  kind!: HistoryKind;

  @Field({ description: 'The stream it is recorded in, e.g. meeting-<id>.' })
  streamId!: string;

  @Field(() => HistoryRecord, {
    nullable: true,
    description: 'What the stream records: null for the platform’s people and roles (ACCESS) and OTHER streams.',
  })
  record!: HistoryRecord | null;

  @Field({ description: 'The event type, e.g. RepresentativeAppointed.' })
  type!: string;

  @Field({ description: 'The event’s data, as JSON text; "{}" when withheld.' })
  data!: string;

  @Field({
    description:
      'The event’s content is not this reader’s to see, so its data and reason are withheld: restricted content (R42: only the group’s members, the areas concerned and auditors may), or an area’s reports or a workstream’s tasks the reader may not read (R43: administrators read neither).',
  })
  withheld!: boolean;

  @Field(() => HistoryActor)
  actor!: HistoryActor;

  @Field({
    description:
      'YYYY-MM-DD: when it happened in the world (an appointment’s start, a notice’s date), or else the date it was recorded. For a meeting’s booking and closing, its minutes’ draft, and a policy’s draft or revised draft, the latest day it can have happened on: no later than the meeting’s own day (a booking) or a later event of its stream that needed it, so a later event can move it back. It is the day as known now, even under an object read asRecordedAt.',
  })
  happenedOn!: string;

  @Field({ description: 'When the platform recorded it (ISO 8601).' })
  recordedAt!: string;

  @Field(() => String, { nullable: true, description: 'The reason given with the change, if any.' })
  reason!: string | null;
}

@ObjectType()
export class HistoryEventConnection extends Connection(HistoryEvent) {}

/** What narrows the history of one entity; every part given must hold. */
@InputType({ description: 'Every part given must hold. Dates are the dates things happened, inclusive.' })
export class EntityHistoryFilter {
  @Field(() => [HistoryKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.values(HistoryKind).length)
  @IsIn(Object.values(HistoryKind), { each: true })
  kinds?: HistoryKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Event types, e.g. ["RecommendationResponded"].' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  types?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Events concerning this partner, or done by someone acting for it.' })
  @IsOptional()
  @IsEntityId()
  partnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events concerning this person, or done by them.' })
  @IsOptional()
  @IsEntityId()
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; not after today (in London).' })
  @IsOptional()
  @IsDay()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; not before "from".' })
  @IsOptional()
  @IsDay()
  to?: string | null;
}

@InputType({ description: 'Every part given must hold. Dates are the dates things happened, inclusive.' })
export class HistoryFilter extends EntityHistoryFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Events concerning this entity (a group, partner, appointment, meeting, policy, workstream, task...).',
  })
  @IsOptional()
  @IsEntityId()
  entityId?: string | null;
}

/** A page of a history, in the order asked for; its cursors are for that order only. */
@ArgsType()
export class HistoryPageArgs extends PageArgs {
  @Field(() => HistoryOrder, {
    defaultValue: HistoryOrder.RECORDED,
    description:
      'RECORDED (the log’s order) or HAPPENED (by happenedOn, then position). A cursor given out in one order is VALIDATION_FAILED in the other.',
  })
  @IsIn(Object.values(HistoryOrder))
  order: HistoryOrder = HistoryOrder.RECORDED;
}

@ArgsType()
export class EntityHistoryArgs extends HistoryPageArgs {
  @Field(() => EntityHistoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EntityHistoryFilter)
  filter?: EntityHistoryFilter | null;
}

@ArgsType()
export class HistoryArgs extends HistoryPageArgs {
  @Field(() => HistoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HistoryFilter)
  filter?: HistoryFilter | null;
}
