import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/connection';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  APOLOGIES = 'APOLOGIES',
  ABSENT = 'ABSENT',
}
export enum MinutesStage {
  NONE = 'NONE',
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
export enum RecommendationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  IMPLEMENTED = 'IMPLEMENTED',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(MinutesStage, { name: 'MinutesStage' });
registerEnumType(RecommendationStatus, {
  name: 'RecommendationStatus',
  description: 'A target organisation’s answer; PENDING until it responds.',
});

@ObjectType({
  description: 'R7, R8: counted from the membership as it stood when the meeting opened; substitutes never count.',
})
export class MeetingQuorum {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  present!: number;

  @Field()
  isQuorate!: boolean;
}

@ObjectType()
export class Substitute {
  @Field()
  name!: string;

  @Field()
  organisation!: string;
}

@ObjectType({
  description: 'A representative in the membership snapshot taken when the meeting opened, and their attendance.',
})
export class Attendance {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  appointmentId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field()
  partnerName!: string;

  @Field(() => AttendanceStatus, { nullable: true, description: 'Null until recorded.' })
  status!: AttendanceStatus | null;

  @Field(() => Substitute, {
    nullable: true,
    description: 'Recorded, but never counted towards quorum nor among those agreeing (R8).',
  })
  substitute!: Substitute | null;
}

@ObjectType({ description: 'An absent representative’s views, attached to the meeting record (R8).' })
export class WrittenViews {
  @Field(() => ID)
  appointmentId!: string;

  @Field()
  agendaItem!: string;

  @Field()
  views!: string;

  @Field({ description: 'YYYY-MM-DD: the day the representative sent them.' })
  submittedOn!: string;
}

@ObjectType({ description: 'A7: a correction of a decision’s text, with its reason; the original stays readable.' })
export class DecisionCorrection {
  @Field()
  reason!: string;

  @Field(() => Date)
  correctedAt!: Date;
}

@ObjectType()
export class Decision {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field()
  text!: string;

  @Field(() => [ID], { description: 'Appointments of the representatives present in person who agreed it.' })
  agreedBy!: string[];

  @Field({ description: 'The text as first recorded; the same as text until a correction (A7).' })
  originalText!: string;

  @Field(() => DecisionCorrection, {
    nullable: true,
    description: 'Why and when the text shown was corrected; null for the text as first recorded.',
  })
  correction!: DecisionCorrection | null;
}

@ObjectType()
export class RecommendationTarget {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => RecommendationStatus)
  status!: RecommendationStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The moment the platform recorded the response (A1).' })
  respondedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the day the organisation answered, which may be long before it was recorded.',
  })
  respondedOn!: string | null;
}

@ObjectType({ description: 'R9: a recommendation to named organisations, and their responses.' })
export class Recommendation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field()
  text!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueDate!: string;

  @Field({ description: 'Past its due date with a target yet to implement or decline it, as of today.' })
  overdue!: boolean;

  @Field(() => [RecommendationTarget])
  targets!: RecommendationTarget[];

  @Field(() => [ID])
  agreedBy!: string[];
}

@ObjectType({ description: 'Published minutes are sealed: a correction stands beside the original.' })
export class MinutesCorrection {
  @Field()
  text!: string;

  @Field()
  reason!: string;

  @Field()
  correctedAt!: string;
}

@ObjectType()
export class Minutes {
  @Field(() => ID)
  id!: string;

  @Field(() => MinutesStage)
  stage!: MinutesStage;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day they were approved.' })
  approvedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'The later meeting that approved them; null when the chair did.' })
  approvedAtMeetingId!: string | null;

  @Field(() => String, { nullable: true, description: 'When the platform recorded their publication.' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day they were published.' })
  publishedOn!: string | null;

  @Field(() => [MinutesCorrection])
  corrections!: MinutesCorrection[];
}

@ObjectType({ description: 'R10: where and when an area published the minutes; null fields until it has.' })
export class LocalPublication {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;

  @Field()
  published!: boolean;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  publishedOn!: string | null;
}

@ObjectType()
export class Meeting {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field()
  place!: string;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field({
    description:
      'YYYY-MM-DD: the day it was booked, from which it is listed as at a day (A3): the day entered (bookedOn), else the day recorded; never after its own day.',
  })
  bookedOn!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the day entered for its booking (bookedOn, when it was scheduled or by a correction of its date); null when none was and bookedOn is worked out from when it was recorded.',
  })
  bookedOnEntered!: string | null;

  /** The position of the log its decisions are read as recorded by: null for now (asRecordedAt, A3). */
  recordedBy?: number | null;
}

@ObjectType({
  description: 'R6: the last and next meetings and whether a meeting is overdue under the agreed cadence.',
})
export class MeetingCadence {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  cadenceMonths!: number;

  @Field(() => Meeting, { nullable: true })
  lastMeeting!: Meeting | null;

  @Field(() => Meeting, { nullable: true })
  nextMeeting!: Meeting | null;

  @Field({ description: 'No meeting held within the cadence, as of today.' })
  overdue!: boolean;
}

@ObjectType({
  description:
    'Something that flowed down to an area (D3): minutes now; policies, workstreams and notices as they come.',
})
export class FeedItem {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Resume a pull or a subscription after this item.' })
  cursor!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  kind!: string;

  @Field({ description: 'For a restricted item a reader is not entitled to (R42), just "Restricted".' })
  title!: string;

  @Field({
    description: "R42: marked restricted; only the group's members, the areas it concerns and auditors see its title.",
  })
  restricted!: boolean;

  @Field({
    description:
      'When the platform recorded the item (ISO instant): the moment it flowed down, which asAt and the order of the feed follow. For history entered later this is the day it was entered, not the day it is about (happenedOn).',
  })
  occurredAt!: string;

  @Field({
    description:
      'YYYY-MM-DD, the day in London what the item announces happened, as its event carries it: the day minutes were published, a notice was given, a workstream started or a policy version was published; for an item carrying no day of its own (a communication, a correction to minutes, a signed head), or whose day is later than the day it was recorded (a plan, such as a workstream starting later), the day it was recorded.',
  })
  happenedOn!: string;

  @Field(() => ID, {
    description:
      'The meeting, workstream, policy, notice or communication the item is about; for a TREE_HEAD, the event recording the head.',
  })
  subjectId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The day the feed is seen as at, when asked (its acknowledgement is as of then); null for today.',
  })
  asAt!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The moment the feed is seen as recorded at, when asked (its acknowledgement is as recorded by then).',
  })
  asRecordedAt!: Date | null;
}

@ObjectType()
export class AreaFeedConnection extends Connection(FeedItem) {}

@ObjectType({
  description:
    'R10, R43: what recordLocalPublication answers: the sender’s own area’s publication, and the meeting itself only for a sender who may read the group’s business.',
})
export class LocalPublicationChange {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => LocalPublication, { description: 'The area’s publication, as recorded.' })
  localPublication!: LocalPublication;

  @Field(() => Meeting, {
    nullable: true,
    description:
      'The whole meeting, for a sender who may read the group’s business (its representatives, administrators, auditors); null for anyone else, as the meeting query refuses them.',
  })
  meeting!: Meeting | null;
}
