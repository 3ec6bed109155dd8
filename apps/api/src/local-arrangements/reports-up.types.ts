import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RAPID_REVIEW_DECISIONS } from '@app/domain';
import { BusinessDate } from '../common/business-date';
import { Connection, PageArgs } from '../common/connection';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsDay } from '../common/input-validators';
import { AreaInput } from './area.input';
import { IsEntityId, IsLongText, IsShortText, IsWebAddress } from '../common/input-validators';

export enum RapidReviewDecisionKind {
  LCSPR = 'LCSPR',
  NATIONAL_PANEL_REFERRAL = 'NATIONAL_PANEL_REFERRAL',
  NO_REVIEW = 'NO_REVIEW',
}
export enum DeadlineStatusKind {
  DUE = 'DUE',
  MET = 'MET',
  MISSED = 'MISSED',
}
export enum ReportUpStatusKind {
  DUE = 'DUE',
  LATE = 'LATE',
  RECEIVED = 'RECEIVED',
}
export enum InboxItemKind {
  YEARLY_REPORT = 'YEARLY_REPORT',
  PERFORMANCE_FIGURES = 'PERFORMANCE_FIGURES',
  ESCALATION = 'ESCALATION',
  LOCAL_DECISION = 'LOCAL_DECISION',
  PRACTICE_REVIEW_DECISION = 'PRACTICE_REVIEW_DECISION',
}
export enum PracticeReviewStage {
  AWAITING_NOTIFICATION = 'AWAITING_NOTIFICATION',
  AWAITING_DECISION = 'AWAITING_DECISION',
  IN_REVIEW = 'IN_REVIEW',
  CLOSED = 'CLOSED',
}
registerEnumType(RapidReviewDecisionKind, {
  name: 'RapidReviewDecision',
  description: 'L5: a local child safeguarding practice review, a referral to the national panel, or no review.',
});
registerEnumType(DeadlineStatusKind, { name: 'DeadlineStatus', description: 'L5: still due, met, or missed.' });
registerEnumType(ReportUpStatusKind, {
  name: 'ReportUpStatus',
  description: 'L2: not yet due, late (past its due day, sent or not), or received in time.',
});
registerEnumType(InboxItemKind, { name: 'InboxItemKind' });
registerEnumType(PracticeReviewStage, {
  name: 'PracticeReviewStage',
  description:
    'Where a practice review stands: the panel not yet notified; notified, the rapid review not yet decided; a local review started and not yet published; closed (published, referred, or no review).',
});

@ObjectType({ description: 'One statutory deadline (L5), as at today.' })
export class Deadline {
  @Field({ description: 'YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it was done, when it has been.' })
  doneOn!: string | null;

  @Field(() => DeadlineStatusKind)
  status!: DeadlineStatusKind;
}

@ObjectType({ description: 'L5: a practice review, by reference number and dates only, never case details (R40).' })
export class PracticeReview {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  reference!: string;

  @Field({ description: 'YYYY-MM-DD: the day the local authority became aware of the serious incident.' })
  awareOn!: string;

  @Field(() => PracticeReviewStage)
  stage!: PracticeReviewStage;

  @Field({ description: 'R42: restricted by default.' })
  restricted!: boolean;

  @Field(() => Deadline, { description: 'Notifying the national panel: 5 working days after becoming aware.' })
  panelNotification!: Deadline;

  @Field(() => Deadline, {
    nullable: true,
    description: "The rapid review's decision: 15 working days after the panel was notified; null until it is.",
  })
  rapidReview!: Deadline | null;

  @Field(() => RapidReviewDecisionKind, { nullable: true })
  decision!: RapidReviewDecisionKind | null;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => Deadline, {
    nullable: true,
    description: 'Publishing a local review: 6 months after the decision to start it; null unless one was started.',
  })
  publication!: Deadline | null;

  @Field(() => String, { nullable: true })
  link!: string | null;

  @Field({ description: 'Whether any of its deadlines is missed as at today.' })
  overdue!: boolean;
}

@ObjectType()
export class EscalationResponse {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'RESPONSE or RESOLUTION.' })
  kind!: string;

  @Field()
  text!: string;

  @Field({ description: 'YYYY-MM-DD' })
  on!: string;
}

@ObjectType({ description: 'L2: a yearly report, and the two days it was sent on.' })
export class YearlyReportDetails {
  @Field()
  period!: string;

  @Field()
  publishedOn!: string;

  @Field()
  link!: string;

  @Field()
  sentToNationalPanelOn!: string;

  @Field()
  sentToWhatWorksOn!: string;

  @Field(() => Deadline, {
    description: 'Sending to both the national panel and What Works: 7 days after publication; done on the later.',
  })
  dispatch!: Deadline;
}

@ObjectType()
export class PerformanceFiguresDetails {
  @Field(() => ID)
  measureId!: string;

  @Field()
  measureName!: string;

  @Field({ description: 'A calendar quarter, e.g. 2026-Q3.' })
  period!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'One item an area sent up to the region (L2).' })
export class InboxItem {
  @Field(() => ID, { description: 'The id of the report, figures, escalation, decision or practice review.' })
  id!: string;

  @Field(() => InboxItemKind)
  kind!: InboxItemKind;

  @Field(() => ID)
  areaId!: string;

  @Field({ description: 'For a restricted item a reader is not entitled to (R42), just "Restricted".' })
  title!: string;

  @Field()
  restricted!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when it was due; null when nothing sets a day.' })
  dueOn!: string | null;

  @Field({ description: 'YYYY-MM-DD: the day the area sent, published or decided it.' })
  receivedOn!: string;

  @Field(() => ReportUpStatusKind)
  status!: ReportUpStatusKind;

  @Field(() => String, { nullable: true, description: 'When the region acknowledged it.' })
  acknowledgedAt!: string | null;

  @Field({
    description:
      'L2, today: whether it waits for the region to acknowledge it: neither acknowledged nor answered (a response to an escalation, or its resolution, answers it).',
  })
  awaitingAcknowledgement!: boolean;

  @Field(() => YearlyReportDetails, { nullable: true })
  yearlyReport!: YearlyReportDetails | null;

  @Field(() => PerformanceFiguresDetails, { nullable: true })
  figures!: PerformanceFiguresDetails | null;

  @Field(() => String, { nullable: true, description: "An escalation's detail or a local decision's text." })
  detail!: string | null;

  @Field(() => [EscalationResponse], { description: "The region's responses to an escalation, and its resolution." })
  responses!: EscalationResponse[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the region resolved an escalation.' })
  resolvedOn!: string | null;
}

@ObjectType()
export class InboxItemConnection extends Connection(InboxItem) {}

@ObjectType({ description: "L2, s.16G: an area's next yearly report, due 12 months after its last." })
export class YearlyReportDue {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: its latest report; null before its first.' })
  lastPublishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null before its first report.' })
  dueOn!: string | null;

  @Field(() => ReportUpStatusKind, { description: 'DUE or LATE as at today.' })
  status!: ReportUpStatusKind;
}

@ObjectType({ description: 'A named performance measure the group asks its areas for (L2): counts only.' })
export class PerformanceMeasure {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

/** The inbox's filters, for the group's inbox and for one area's items alike. */
@ArgsType()
export class InboxFilterArgs extends PageArgs {
  @Field(() => InboxItemKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(InboxItemKind))
  kind?: InboxItemKind | null;

  @Field(() => ReportUpStatusKind, { nullable: true, description: 'As at today.' })
  @IsOptional()
  @IsIn(Object.values(ReportUpStatusKind))
  status?: ReportUpStatusKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only those the region acknowledged; false: only the others.',
    deprecationReason:
      'Use awaitingAcknowledgement: an escalation the region answered waits for nothing, acknowledged or not.',
  })
  @IsOptional()
  @IsBoolean()
  acknowledged?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only those waiting for the region to acknowledge them today; false: only the others.',
  })
  @IsOptional()
  @IsBoolean()
  awaitingAcknowledgement?: boolean | null;
}

@ArgsType()
export class ReportsUpArgs extends InboxFilterArgs {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;
}

@ArgsType()
export class InboxArgs extends InboxFilterArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this area's items: one of the group's areas, any other refused as NOT_FOUND.",
  })
  @IsOptional()
  @IsEntityId()
  areaId?: string | null;
}

@InputType({ isAbstract: true })
abstract class ReviewInput extends AreaInput {
  @Field(() => ID)
  @IsEntityId()
  reviewId!: string;
}

@InputType()
export class NotifySeriousIncidentInput extends AreaInput {
  @Field({ description: 'The reference number: letters, digits, "/", "-" or "_"; never a name (R40).' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/_-]{1,39}$/, {
    message: 'reference is 2 to 40 letters, digits, "/", "-" or "_", starting with a letter or digit.',
  })
  reference!: string;

  @Field({ description: 'YYYY-MM-DD: the day the local authority became aware.' })
  @IsDay()
  awareOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the day it notified the national panel, if it has.',
  })
  @IsOptional()
  @IsDay()
  notifiedOn?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: 'R42: restricted unless said otherwise.' })
  @IsBoolean()
  restricted: boolean = true;
}

@InputType()
export class RecordPanelNotificationInput extends ReviewInput {
  @BusinessDate('notifiedOn', 'the day the national panel was notified')
  notifiedOn?: string | null;
}

@InputType()
export class RecordRapidReviewDecisionInput extends ReviewInput {
  @Field(() => RapidReviewDecisionKind)
  @IsIn(RAPID_REVIEW_DECISIONS)
  decision!: RapidReviewDecisionKind;

  @Field({ description: 'Why the partners decided so: governance, never case details (R40).' })
  @IsLongText()
  decisionReason!: string;

  @BusinessDate('decidedOn', 'the day the rapid review decided')
  decidedOn?: string | null;
}

@InputType()
export class PublishLocalReviewInput extends ReviewInput {
  @Field()
  @IsWebAddress()
  link!: string;

  @BusinessDate('publishedOn', 'the day the review was published')
  publishedOn?: string | null;
}

@InputType()
export class SubmitYearlyReportInput extends AreaInput {
  @Field({ description: 'The reporting year, e.g. 2025-26.' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'period is a reporting year written like 2025-26.' })
  period!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  publishedOn!: string;

  @Field()
  @IsWebAddress()
  link!: string;

  @Field({ description: 'YYYY-MM-DD: due within 7 days of publication.' })
  @IsDay()
  sentToNationalPanelOn!: string;

  @Field({ description: 'YYYY-MM-DD: due within 7 days of publication.' })
  @IsDay()
  sentToWhatWorksOn!: string;
}

@InputType()
export class SubmitPerformanceFiguresInput extends AreaInput {
  @Field(() => ID, { description: "A measure from the group's list." })
  @IsEntityId()
  measureId!: string;

  @Field({ description: 'A calendar quarter, e.g. 2026-Q3.' })
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'period is a calendar quarter written like 2026-Q3.' })
  period!: string;

  @Field(() => Int)
  @IsInt({ message: 'count is a whole number.' })
  @Min(0)
  @Max(1_000_000_000)
  count!: number;

  @BusinessDate('submittedOn', 'the day the area sent them, from the start of the quarter; lateness is judged on it')
  submittedOn?: string | null;
}

@InputType()
export class RaiseEscalationInput extends AreaInput {
  @Field()
  @IsShortText()
  title!: string;

  @Field()
  @IsLongText()
  detail!: string;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  restricted: boolean = false;

  @BusinessDate('raisedOn', 'the day the area raised it')
  raisedOn?: string | null;
}

@InputType()
export class ShareLocalDecisionInput extends AreaInput {
  @Field()
  @IsShortText()
  title!: string;

  @Field()
  @IsLongText()
  decision!: string;

  @BusinessDate('decidedOn', 'the day the area decided')
  decidedOn?: string | null;
}

@InputType()
export class DefineMeasureInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText()
  name!: string;
}

@InputType({ isAbstract: true })
export abstract class InboxItemInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field(() => ID)
  @IsEntityId()
  itemId!: string;
}

@InputType()
export class AcknowledgeInboxItemInput extends InboxItemInput {}

@InputType()
export class RespondToEscalationInput extends InboxItemInput {
  @Field()
  @IsLongText()
  response!: string;

  @BusinessDate('respondedOn', 'the day the region responded')
  respondedOn?: string | null;
}

@InputType()
export class ResolveEscalationInput extends InboxItemInput {
  @Field()
  @IsLongText()
  resolution!: string;

  @BusinessDate('resolvedOn', 'the day the region resolved it')
  resolvedOn?: string | null;
}
